package dev.picket.processing.scrub;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One pass over one event: visits the fields that may hold private data, applies the rules and
 * reports each change with its path to the {@link MetaRecorder}. Not thread-safe; one per event.
 */
final class EventWalker {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Sentry never scrubs these strings: they carry no data and scrubbing them would only add noise. */
    private static final Set<String> UNSCRUBBABLE = Set.of("", "true", "false", "null", "undefined");

    private static final String KNOWN_IP_RULE = "@anything:remove";

    private final KeyRules keys;
    private final ValueRules values;
    private final MetaRecorder meta;
    private final List<String> path = new ArrayList<>();

    EventWalker(CompiledRules rules, MetaRecorder meta) {
        this.keys = rules.keys();
        this.values = rules.values();
        this.meta = meta;
    }

    void walk(ObjectNode event) {
        request(event);
        data(event, "extra");
        data(event, "contexts");
        data(event, "tags");
        breadcrumbs(event);
        exceptions(event);
        threads(event);
        stacktrace(event, "stacktrace");
        user(event);
        logEntry(event);
        spans(event);
        knownIp(event, "sdk", "client_ip");
    }

    private void request(ObjectNode event) {
        ObjectNode request = object(event, "request");
        if (request == null || keys.isSafe("request")) {
            return;
        }
        enter("request");
        data(request, "data");
        pairString(request, "query_string", '&', false);
        pairString(request, "cookies", ';', true);
        headers(request);
        knownIp(request, "env", "REMOTE_ADDR");
        data(request, "env");
        message(request, "url");
        leave();
    }

    /** Headers are an object or a list of pairs; User-Agent is left alone, as Sentry does. */
    private void headers(ObjectNode request) {
        JsonNode headers = request.get("headers");
        if (headers == null || keys.isSafe("headers")) {
            return;
        }
        enter("headers");
        if (headers instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> header : object.properties()) {
                if (!header.getKey().equalsIgnoreCase("user-agent")) {
                    enter(header.getKey());
                    header.setValue(visit(header.getValue(), header.getKey(), false));
                    leave();
                }
            }
        } else if (headers instanceof ArrayNode list) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode header = list.get(i);
                boolean userAgent = header.isArray() && header.size() == 2
                        && header.get(0).isString() && header.get(0).stringValue().equalsIgnoreCase("user-agent");
                if (!userAgent) {
                    enter(Integer.toString(i));
                    list.set(i, visit(header, null, false));
                    leave();
                }
            }
        }
        leave();
    }

    private void breadcrumbs(ObjectNode event) {
        forEachValue(event, "breadcrumbs", crumb -> {
            data(crumb, "message");
            data(crumb, "data");
        });
    }

    private void exceptions(ObjectNode event) {
        forEachValue(event, "exception", exception -> {
            message(exception, "value");
            stacktraces(exception);
        });
    }

    private void threads(ObjectNode event) {
        forEachValue(event, "threads", this::stacktraces);
    }

    private void stacktraces(ObjectNode exceptionOrThread) {
        stacktrace(exceptionOrThread, "stacktrace");
        stacktrace(exceptionOrThread, "raw_stacktrace");
    }

    /**
     * Frame variables, and source lines as well: code often spells out the very secret that Sentry
     * scrubs from the variables (a password literal, a card number in a test), so the source
     * context gets the same treatment, which Sentry itself does not give it.
     */
    private void stacktrace(ObjectNode parent, String name) {
        ObjectNode stacktrace = object(parent, name);
        if (stacktrace == null) {
            return;
        }
        enter(name);
        forEachValue(stacktrace, "frames", frame -> {
            data(frame, "vars");
            sourceLines(frame, "pre_context");
            data(frame, "context_line");
            sourceLines(frame, "post_context");
        });
        leave();
    }

    private void sourceLines(ObjectNode frame, String name) {
        if (!(frame.get(name) instanceof ArrayNode lines)) {
            return;
        }
        enter(name);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isString()) {
                enter(Integer.toString(i));
                lines.set(i, string(lines.get(i), false));
                leave();
            }
        }
        leave();
    }

    private void user(ObjectNode event) {
        ObjectNode user = object(event, "user");
        if (user == null || keys.isSafe("user")) {
            return;
        }
        enter("user");
        knownIp(user, "ip_address");
        for (Map.Entry<String, JsonNode> field : user.properties()) {
            if (!field.getKey().equals("ip_address")) {
                enter(field.getKey());
                field.setValue(visit(field.getValue(), field.getKey(), false));
                leave();
            }
        }
        leave();
    }

    /** Log messages keep their text (they group events); parameters are data. */
    private void logEntry(ObjectNode event) {
        JsonNode message = event.get("message");
        if (message != null && message.isString()) {
            message(event, "message");
        } else if (message instanceof ObjectNode) {
            logEntryFields(event, "message");
        }
        logEntryFields(event, "logentry");
    }

    private void logEntryFields(ObjectNode event, String name) {
        ObjectNode logEntry = object(event, name);
        if (logEntry == null || keys.isSafe(name)) {
            return;
        }
        enter(name);
        message(logEntry, "message");
        message(logEntry, "formatted");
        data(logEntry, "params");
        leave();
    }

    private void spans(ObjectNode event) {
        if (!(event.get("spans") instanceof ArrayNode spans)) {
            return;
        }
        enter("spans");
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i) instanceof ObjectNode span) {
                enter(Integer.toString(i));
                data(span, "data");
                leave();
            }
        }
        leave();
    }

    /** Enters {@code parent[name]} and removes its {@code ipField}, see {@link #knownIp(ObjectNode, String)}. */
    private void knownIp(ObjectNode parent, String name, String ipField) {
        ObjectNode holder = object(parent, name);
        if (holder != null && values.scrubsIpAddresses()) {
            enter(name);
            knownIp(holder, ipField);
            leave();
        }
    }

    /** With IP scrubbing on, fields that exist to hold an IP are removed whatever they contain. */
    private void knownIp(ObjectNode holder, String ipField) {
        JsonNode value = holder.get(ipField);
        if (!values.scrubsIpAddresses() || value == null || value.isNull() || keys.isSafe(ipField)) {
            return;
        }
        enter(ipField);
        holder.set(ipField, NODES.nullNode());
        meta.record(path, List.of(Remark.removed(KNOWN_IP_RULE)), -1);
        leave();
    }

    /** Visits {@code parent[name]} as free-form data. */
    private void data(ObjectNode parent, String name) {
        JsonNode value = parent.get(name);
        if (value == null) {
            return;
        }
        enter(name);
        JsonNode scrubbed = visit(value, name, false);
        if (scrubbed != value) {
            parent.set(name, scrubbed);
        }
        leave();
    }

    /** Visits {@code parent[name]} as a message: only recognised secrets are replaced. */
    private void message(ObjectNode parent, String name) {
        JsonNode value = parent.get(name);
        if (value == null || !value.isString() || keys.isSafe(name)) {
            return;
        }
        enter(name);
        JsonNode scrubbed = string(value, true);
        if (scrubbed != value) {
            parent.set(name, scrubbed);
        }
        leave();
    }

    /**
     * Query strings and cookie headers sent as one string: each {@code name=value} pair is judged by
     * its name like an object's key, and only its value is replaced. Other shapes are plain data.
     */
    private void pairString(ObjectNode request, String name, char separator, boolean cookies) {
        JsonNode value = request.get(name);
        if (value == null || !value.isString()) {
            data(request, name);
            return;
        }
        if (keys.isSafe(name)) {
            return;
        }
        String original = value.stringValue();
        RedactedText scrubbed = RedactedText.builder(original);
        int start = 0;
        while (start <= original.length()) {
            int end = original.indexOf(separator, start);
            if (end < 0) {
                end = original.length();
            }
            scrubPair(original.substring(start, end), cookies, scrubbed);
            if (end < original.length()) {
                scrubbed.appendPlain(String.valueOf(separator));
            }
            start = end + 1;
        }
        if (scrubbed.hasRedaction()) {
            enter(name);
            meta.record(path, scrubbed.remarks(), length(original));
            request.put(name, scrubbed.value());
            leave();
        }
    }

    private void scrubPair(String pair, boolean cookies, RedactedText into) {
        int equals = pair.indexOf('=');
        if (equals < 0) {
            into.appendPlain(pair);
            return;
        }
        String pairName = decode(pair.substring(0, equals).trim());
        String pairValue = pair.substring(equals + 1);
        into.appendPlain(pair.substring(0, equals + 1));
        RedactedText text = new RedactedText(pairValue);
        if (!keys.isSafe(pairName) && !UNSCRUBBABLE.contains(pairValue)) {
            String rule = keys.ruleFor(pairName, cookies);
            if (rule != null) {
                text.replaceAll(rule, ValueRules.FILTERED);
            } else {
                values.scrubData(text);
            }
        }
        into.append(text);
    }

    /**
     * Scrubs one value of free-form data and returns its replacement, or the same node if nothing
     * changed. {@code key} is the value's key (or the first element of a {@code [key, value]} pair).
     *
     * @param inCookies whether the value is a direct child of a {@code cookies} field
     */
    private JsonNode visit(JsonNode node, String key, boolean inCookies) {
        if (node.isNull() || node.isBoolean() || keys.isSafe(key)) {
            return node;
        }
        String rule = keys.ruleFor(key, inCookies);
        if (rule != null) {
            return filtered(node, rule);
        }
        if (node.isString()) {
            return string(node, false);
        }
        boolean cookies = key != null && key.equalsIgnoreCase("cookies");
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> child : object.properties()) {
                enter(child.getKey());
                JsonNode scrubbed = visit(child.getValue(), child.getKey(), cookies);
                if (scrubbed != child.getValue()) {
                    child.setValue(scrubbed);
                }
                leave();
            }
        } else if (node instanceof ArrayNode array) {
            visitArray(array, inCookies, cookies);
        }
        return node;
    }

    /**
     * A two-element array starting with a name is a {@code [name, value]} pair, as Sentry reads
     * headers, cookies and query strings sent as lists; other arrays are lists of values.
     */
    private void visitArray(ArrayNode array, boolean isPairInCookies, boolean elementsInCookies) {
        if (array.size() == 2 && array.get(0).isString() && isName(array.get(0).stringValue())) {
            enter("1");
            JsonNode value = array.get(1);
            JsonNode scrubbed = visit(value, array.get(0).stringValue(), isPairInCookies);
            leave();
            if (scrubbed != value) {
                // Read as a pair: the name stays readable, as an object's key does.
                array.set(1, scrubbed);
                return;
            }
            // Perhaps not a pair after all: the first string is a value like any other.
            enter("0");
            array.set(0, visit(array.get(0), null, elementsInCookies));
            leave();
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            enter(Integer.toString(i));
            array.set(i, visit(array.get(i), null, elementsInCookies));
            leave();
        }
    }

    /** Header, cookie and parameter names hold no spaces; a first element with spaces is a value, not a name. */
    private static boolean isName(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A value under a sensitive key: a string is replaced, anything else (number, list, object) removed. */
    private JsonNode filtered(JsonNode node, String rule) {
        if (node.isString()) {
            String text = node.stringValue();
            if (UNSCRUBBABLE.contains(text)) {
                return node;
            }
            meta.record(path, List.of(Remark.substituted(rule, 0, ValueRules.FILTERED.length())), length(text));
            return NODES.stringNode(ValueRules.FILTERED);
        }
        meta.record(path, List.of(Remark.removed(rule)), -1);
        return NODES.nullNode();
    }

    private JsonNode string(JsonNode node, boolean message) {
        String original = node.stringValue();
        if (UNSCRUBBABLE.contains(original)) {
            return node;
        }
        RedactedText text = new RedactedText(original);
        if (message) {
            values.scrubMessage(text);
        } else {
            values.scrubData(text);
        }
        if (!text.changed()) {
            return node;
        }
        meta.record(path, text.remarks(), length(original));
        return NODES.stringNode(text.value());
    }

    /** Runs {@code action} on each object of a list sent either bare or wrapped as {@code {"values": [...]}}. */
    private void forEachValue(ObjectNode parent, String name, Consumer<ObjectNode> action) {
        JsonNode container = parent.get(name);
        if (container == null || keys.isSafe(name)) {
            return;
        }
        enter(name);
        JsonNode list = container;
        boolean wrapped = container instanceof ObjectNode;
        if (wrapped) {
            list = container.get("values");
            enter("values");
        }
        if (list instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i) instanceof ObjectNode item) {
                    enter(Integer.toString(i));
                    action.accept(item);
                    leave();
                }
            }
        }
        if (wrapped) {
            leave();
        }
        leave();
    }

    private static ObjectNode object(ObjectNode parent, String name) {
        return parent != null && parent.get(name) instanceof ObjectNode object ? object : null;
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private void enter(String segment) {
        path.add(segment);
    }

    private void leave() {
        path.removeLast();
    }
}
