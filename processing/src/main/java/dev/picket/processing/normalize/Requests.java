package dev.picket.processing.normalize;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code request} interface, after Relay: headers become a list of {@code [name, value]} pairs with
 * names in canonical {@code Title-Case}; the method is upper case; a query string or fragment in the URL
 * moves to {@code query_string} / {@code fragment}.
 */
final class Requests {

    private static final StringRule URL = new StringRule(false, true, 0, 0);

    private Requests() {
    }

    /** Normalizes the request and returns it, or null when the event has none. */
    static ObjectNode apply(ObjectNode event, Problems problems) {
        ObjectNode request = Shapes.object(event, "request", List.of("request"), problems);
        if (request == null) {
            return null;
        }
        String method = StringRule.PLAIN.trimmed().apply(request, "method", List.of("request", "method"), problems);
        if (method != null) {
            request.put("method", method.toUpperCase(Locale.ROOT));
        }
        String url = URL.apply(request, "url", List.of("request", "url"), problems);
        if (url != null) {
            splitUrl(request, url);
        }
        headers(request, problems);
        return request;
    }

    /** The URL without query and fragment, as Sentry's {@code url} tag shows it. */
    static String tagUrl(ObjectNode request) {
        return request == null ? null : Nodes.string(request, "url");
    }

    /** A header's value (case-insensitive name) after normalization, or null. */
    static String header(ObjectNode request, String name) {
        ArrayNode headers = Nodes.array(request, "headers");
        if (headers == null) {
            return null;
        }
        for (JsonNode pair : headers) {
            if (pair.size() == 2 && pair.get(0).isString() && pair.get(0).stringValue().equalsIgnoreCase(name)
                    && pair.get(1).isString()) {
                return pair.get(1).stringValue();
            }
        }
        return null;
    }

    private static void splitUrl(ObjectNode request, String url) {
        int hash = url.indexOf('#');
        String withoutFragment = url;
        if (hash >= 0) {
            if (!request.has("fragment") && hash + 1 < url.length()) {
                request.put("fragment", url.substring(hash + 1));
            }
            withoutFragment = url.substring(0, hash);
        }
        int question = withoutFragment.indexOf('?');
        if (question >= 0) {
            if (!request.has("query_string") && question + 1 < withoutFragment.length()) {
                request.put("query_string", withoutFragment.substring(question + 1));
            }
            withoutFragment = withoutFragment.substring(0, question);
        }
        request.put("url", withoutFragment);
    }

    private static void headers(ObjectNode request, Problems problems) {
        JsonNode headers = request.get("headers");
        if (headers == null) {
            return;
        }
        ArrayNode pairs = request.arrayNode();
        if (headers instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> header : object.properties()) {
                addHeader(pairs, header.getKey(), header.getValue());
            }
        } else if (headers instanceof ArrayNode list) {
            for (JsonNode pair : list) {
                if (pair instanceof ArrayNode entry && entry.size() == 2 && entry.get(0).isString()) {
                    addHeader(pairs, entry.get(0).stringValue(), entry.get(1));
                }
            }
        } else {
            request.remove("headers");
            if (!headers.isNull()) {
                problems.invalid(List.of("request", "headers"), "expected headers", headers);
            }
            return;
        }
        request.set("headers", pairs);
    }

    private static void addHeader(ArrayNode pairs, String name, JsonNode value) {
        if (value == null || value.isNull() || name.isBlank()) {
            return;
        }
        String text = value.isString() ? value.stringValue() : value instanceof ArrayNode many ? join(many) : value.isValueNode() ? value.asString() : value.toString();
        pairs.addArray().add(canonical(name.strip())).add(text);
    }

    private static String join(ArrayNode values) {
        StringBuilder joined = new StringBuilder();
        for (JsonNode value : values) {
            if (!joined.isEmpty()) {
                joined.append(',');
            }
            joined.append(value.isString() ? value.stringValue() : value.toString());
        }
        return joined.toString();
    }

    private static String canonical(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }
}
