package dev.picket.processing.grouping;

import tools.jackson.databind.JsonNode;

/** Where an event keeps its message: {@code logentry} (also sent as {@code sentry.interfaces.Message}) or a top-level {@code message}. */
final class EventMessages {

    private EventMessages() {
    }

    private static JsonNode logentry(JsonNode event) {
        JsonNode logentry = Json.at(event, "logentry");
        if (logentry == null) {
            logentry = Json.at(event, "sentry.interfaces.Message");
        }
        return logentry != null && logentry.isObject() ? logentry : null;
    }

    /** The message to group by: the template when the SDK sent one, else the formatted text. */
    static String groupingMessage(JsonNode event) {
        JsonNode logentry = logentry(event);
        if (logentry != null) {
            String template = Json.text(logentry, "message");
            if (template != null && !template.isEmpty()) {
                return template;
            }
            String formatted = Json.text(logentry, "formatted");
            if (formatted != null && !formatted.isEmpty()) {
                return formatted;
            }
            return null;
        }
        String message = Json.text(event, "message");
        return message == null || message.isEmpty() ? null : message;
    }

    /** The message as shown to people: the formatted text when there is one. */
    static String canonicalMessage(JsonNode event) {
        JsonNode logentry = logentry(event);
        if (logentry != null) {
            String formatted = Json.text(logentry, "formatted");
            if (formatted != null && !formatted.isEmpty()) {
                return formatted;
            }
            return Json.text(logentry, "message");
        }
        return Json.text(event, "message");
    }
}
