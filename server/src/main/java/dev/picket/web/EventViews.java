package dev.picket.web;

import dev.picket.web.EventView.BreadcrumbView;
import dev.picket.web.EventView.ContextView;
import dev.picket.web.EventView.ExceptionView;
import dev.picket.web.EventView.Field;
import dev.picket.web.EventView.FrameView;
import dev.picket.web.EventView.FunctionView;
import dev.picket.web.EventView.RequestView;
import dev.picket.web.EventView.SourceLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a stored (normalized) event into an {@link EventView}. It reads defensively: whatever shape a
 * field has, the page gets text, never an error.
 */
@Component
class EventViews {

    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    /** Contexts shown in their own section, or whose facts are shown elsewhere. */
    private static final List<String> SERVERLESS = List.of("aws_lambda", "gcp");

    private final JsonMapper json;

    EventViews(JsonMapper json) {
        this.json = json;
    }

    EventView of(byte[] payload) {
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (JacksonException e) {
            throw new IllegalStateException("a stored event is not JSON", e);
        }
        JsonNode contexts = event.path("contexts");
        List<Field> tags = pairs(event.path("tags"));
        return new EventView(
                text(event.get("event_id")),
                timestamp(event.get("timestamp")),
                message(event),
                text(event.get("level")),
                text(event.get("platform")),
                text(event.get("release")),
                text(event.get("environment")),
                text(event.get("transaction")),
                exceptions(values(event.path("exception"))),
                breadcrumbs(values(event.path("breadcrumbs"))),
                request(event.path("request")),
                fields(event.path("user")),
                function(contexts, tags),
                contexts(contexts),
                tags,
                sdk(event.path("sdk")),
                PRETTY.writeValueAsString(event));
    }

    private static String message(JsonNode event) {
        JsonNode logentry = event.path("logentry");
        String formatted = text(logentry.get("formatted"));
        if (formatted != null) {
            return formatted;
        }
        String message = text(logentry.get("message"));
        return message != null ? message : text(event.get("message"));
    }

    /** Sentry keeps the chain innermost (the first cause) first; people read the raised exception first. */
    private static List<ExceptionView> exceptions(List<JsonNode> values) {
        List<ExceptionView> exceptions = new ArrayList<>();
        for (int i = values.size() - 1; i >= 0; i--) {
            JsonNode exception = values.get(i);
            JsonNode mechanism = exception.path("mechanism");
            JsonNode handled = mechanism.get("handled");
            exceptions.add(new ExceptionView(
                    text(exception.get("type")),
                    text(exception.get("value")),
                    text(exception.get("module")),
                    text(mechanism.get("type")),
                    handled != null && handled.isBoolean() ? handled.booleanValue() : null,
                    i == values.size() - 1 ? null : "Caused by",
                    frames(exception.path("stacktrace").path("frames"))));
        }
        return exceptions;
    }

    /** Frames as SDKs send them, oldest call first; shown newest call first, as a reader follows a trace. */
    private static List<FrameView> frames(JsonNode frames) {
        List<FrameView> views = new ArrayList<>();
        if (!frames.isArray()) {
            return views;
        }
        for (int i = frames.size() - 1; i >= 0; i--) {
            JsonNode frame = frames.get(i);
            String location = firstText(frame, "filename", "abs_path", "module", "package");
            String function = text(frame.get("function"));
            String lineno = text(frame.get("lineno"));
            String colno = text(frame.get("colno"));
            views.add(new FrameView(location, function, colno == null || lineno == null ? lineno : lineno + ":" + colno,
                    frame.path("in_app").asBoolean(false), sourceLines(frame), fields(frame.path("vars"))));
        }
        return views;
    }

    private static List<SourceLine> sourceLines(JsonNode frame) {
        List<SourceLine> lines = new ArrayList<>();
        String current = text(frame.get("context_line"));
        if (current == null) {
            return lines;
        }
        JsonNode lineno = frame.get("lineno");
        long at = lineno != null && lineno.canConvertToLong() ? lineno.asLong() : -1;
        JsonNode pre = frame.path("pre_context");
        for (int i = 0; i < pre.size(); i++) {
            lines.add(new SourceLine(at < 0 ? "" : String.valueOf(at - pre.size() + i), text(pre.get(i)), false));
        }
        lines.add(new SourceLine(at < 0 ? "" : String.valueOf(at), current, true));
        JsonNode post = frame.path("post_context");
        for (int i = 0; i < post.size(); i++) {
            lines.add(new SourceLine(at < 0 ? "" : String.valueOf(at + 1 + i), text(post.get(i)), false));
        }
        return lines;
    }

    private static List<BreadcrumbView> breadcrumbs(List<JsonNode> values) {
        return values.stream().map(crumb -> new BreadcrumbView(
                timestamp(crumb.get("timestamp")),
                text(crumb.get("type")),
                text(crumb.get("category")),
                text(crumb.get("level")),
                text(crumb.get("message")),
                fields(crumb.path("data")))).toList();
    }

    private static RequestView request(JsonNode request) {
        if (!request.isObject() || request.isEmpty()) {
            return null;
        }
        JsonNode query = request.get("query_string");
        String queryString = query != null && query.isArray() ? joinPairs(pairs(query)) : text(query);
        return new RequestView(text(request.get("method")), text(request.get("url")), queryString,
                pairs(request.path("headers")), text(request.get("data")));
    }

    private static FunctionView function(JsonNode contexts, List<Field> tags) {
        String coldStart = tags.stream().filter(tag -> tag.name().equals("cold_start")).map(Field::value)
                .findFirst().orElse(null);
        JsonNode lambda = contexts.path("aws_lambda");
        if (lambda.isObject()) {
            return new FunctionView("AWS Lambda", text(lambda.get("function_name")), text(lambda.get("aws_request_id")),
                    megabytes(lambda.get("memory_limit_in_mb")), text(lambda.get("region")), coldStart);
        }
        JsonNode gcp = contexts.path("gcp");
        if (gcp.isObject()) {
            return new FunctionView("Google Cloud Functions", text(gcp.get("function_name")),
                    text(gcp.get("execution_id")), megabytes(gcp.get("memory_limit_in_mb")),
                    text(gcp.get("function_region")), coldStart);
        }
        return null;
    }

    private static String megabytes(JsonNode value) {
        String mb = text(value);
        return mb == null ? null : mb + " MB";
    }

    private static List<ContextView> contexts(JsonNode contexts) {
        List<ContextView> views = new ArrayList<>();
        for (Map.Entry<String, JsonNode> context : contexts.properties()) {
            if (!SERVERLESS.contains(context.getKey()) || !context.getValue().isObject()) {
                views.add(new ContextView(context.getKey(), fields(context.getValue())));
            }
        }
        return views;
    }

    private static String sdk(JsonNode sdk) {
        String name = text(sdk.get("name"));
        String version = text(sdk.get("version"));
        if (name == null) {
            return null;
        }
        return version == null ? name : name + " " + version;
    }

    /** {@code {"values": [...]}} or a bare list, as normalized interfaces come. */
    private static List<JsonNode> values(JsonNode node) {
        JsonNode list = node.isArray() ? node : node.path("values");
        List<JsonNode> values = new ArrayList<>();
        if (list.isArray()) {
            list.forEach(value -> {
                if (value.isObject()) {
                    values.add(value);
                }
            });
        }
        return values;
    }

    /** An object's members as text, or a list of {@code [name, value]} pairs. */
    private static List<Field> fields(JsonNode node) {
        if (node.isArray()) {
            return pairs(node);
        }
        List<Field> fields = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                fields.add(new Field(member.getKey(), text(member.getValue())));
            }
        }
        return fields;
    }

    /** {@code [[name, value], …]} (Sentry's normalized tags and headers) or an object. */
    private static List<Field> pairs(JsonNode node) {
        if (node.isObject()) {
            return fields(node);
        }
        List<Field> fields = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode pair : node) {
                if (pair.isArray() && pair.size() == 2) {
                    fields.add(new Field(text(pair.get(0)), text(pair.get(1))));
                }
            }
        }
        return fields;
    }

    private static String joinPairs(List<Field> pairs) {
        return String.join("&", pairs.stream().map(pair -> pair.name() + "=" + pair.value()).toList());
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            String value = text(node.get(name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Seconds since the epoch (what normalization stores) as an ISO time; anything else as it is. */
    private static String timestamp(JsonNode value) {
        if (value != null && value.isNumber()) {
            BigDecimal seconds = value.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue()).toString();
        }
        return text(value);
    }

    /** Text of a value: strings as they are, other JSON as compact JSON, absent or null as null. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isString() ? value.asString() : value.isValueNode() ? value.asString() : value.toString();
    }
}
