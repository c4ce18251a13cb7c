package dev.picket.processing.normalize;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Sentry shows for an event: its type (inferred like Relay), metadata, title and culprit (computed
 * like Sentry's event types and {@code get_culprit}).
 */
record EventDescription(String type, EventMetadata metadata, String title, String culprit) {

    static final int MAX_CULPRIT_CHARS = 200;
    private static final int TITLE_VALUE_CHARS = 100;
    private static final int METADATA_VALUE_CHARS = 1024;
    private static final int METADATA_TYPE_CHARS = 128;

    /** Relay's type inference: transactions and feedback are explicit, the rest follows from the payload. */
    static String inferType(ObjectNode event, String itemType) {
        String stated = Nodes.string(event, "type");
        if ("transaction".equals(itemType) || "transaction".equals(stated)) {
            return "transaction";
        }
        if ("feedback".equals(itemType) || "feedback".equals(stated)) {
            return "feedback";
        }
        if (Nodes.values(event, "exception") != null) {
            return "error";
        }
        for (String security : new String[] {"csp", "hpkp", "expectct", "expectstaple", "nel"}) {
            if (event.get(security) instanceof ObjectNode) {
                return security;
            }
        }
        return "default";
    }

    static EventDescription of(ObjectNode event, String type, String message) {
        String platform = Nodes.string(event, "platform");
        String transaction = Nodes.string(event, "transaction");
        return switch (type) {
            case "error" -> error(event, platform, transaction);
            case "transaction" -> new EventDescription(type, titled(transaction == null ? "<unlabeled transaction>" : transaction),
                    transaction == null ? "<unlabeled transaction>" : transaction, transaction == null ? "" : transaction);
            case "feedback" -> new EventDescription(type, titled("User Feedback"), "User Feedback", culprit(event, transaction, platform));
            default -> {
                String title = messageTitle(message);
                yield new EventDescription(type, titled(title), title, culprit(event, transaction, platform));
            }
        };
    }

    private static EventDescription error(ObjectNode event, String platform, String transaction) {
        ObjectNode main = mainException(event);
        String value = main == null ? "" : truncate(orEmpty(Nodes.string(main, "value")), METADATA_VALUE_CHARS);
        String type = main == null || Nodes.isTrue(Nodes.object(main, "mechanism"), "synthetic") ? null
                : truncate(orDefault(Nodes.string(main, "type"), "Error"), METADATA_TYPE_CHARS);
        ObjectNode crash = CrashFrame.find(event);
        String filename = crash == null ? null : orDefault(Nodes.string(crash, "filename"), Nodes.string(crash, "abs_path"));
        String function = crash == null ? null : Nodes.string(crash, "function");
        String title;
        if (type != null) {
            title = value.isEmpty() ? type : type + ": " + truncate(firstLine(value), TITLE_VALUE_CHARS);
        } else {
            title = function != null ? function : "<unknown>";
        }
        EventMetadata metadata = new EventMetadata(type, value, filename, function, null);
        return new EventDescription("error", metadata, title, culprit(event, transaction, platform));
    }

    /** The exception the title describes: the one named by {@code main_exception_id}, else the last. */
    private static ObjectNode mainException(ObjectNode event) {
        ArrayNode values = Nodes.values(event, "exception");
        JsonNode mainId = event.get("main_exception_id");
        if (values != null && mainId != null && mainId.isIntegralNumber() && mainId.canConvertToLong()) {
            for (JsonNode exception : values) {
                JsonNode id = exception.path("mechanism").path("exception_id");
                if (id.isIntegralNumber() && id.canConvertToLong() && id.asLong() == mainId.asLong()) {
                    return (ObjectNode) exception;
                }
            }
        }
        return Nodes.last(values);
    }

    private static String culprit(ObjectNode event, String transaction, String platform) {
        String given = Nodes.string(event, "culprit");
        if (given != null) {
            return given;
        }
        if (transaction != null) {
            return transaction;
        }
        return truncate(Culprits.generate(event, platform), MAX_CULPRIT_CHARS);
    }

    private static String messageTitle(String message) {
        String stripped = message == null ? "" : message.strip();
        return stripped.isEmpty() ? "<unlabeled event>" : truncate(firstLine(stripped), TITLE_VALUE_CHARS);
    }

    private static EventMetadata titled(String title) {
        return new EventMetadata(null, null, null, null, title);
    }

    /** Python's {@code str.splitlines()[0]}. */
    private static String firstLine(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u000b' || c == '\f' || c == '\u001c' || c == '\u001d'
                    || c == '\u001e' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return text.substring(0, i);
            }
        }
        return text;
    }

    /** Sentry's {@code truncatechars}: over-long text keeps {@code chars - 3} characters and "...". */
    static String truncate(String text, int chars) {
        if (text.codePointCount(0, text.length()) <= chars) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, chars - 3)) + "...";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
