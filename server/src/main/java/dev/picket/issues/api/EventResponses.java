package dev.picket.issues.api;

import dev.picket.issues.EventSummary;
import dev.picket.issues.StoredEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events in the shape of Sentry's API: the stored (normalized, scrubbed) event plus Sentry's
 * {@code id}, {@code eventID}, {@code groupID}, dates, and {@code entries}, the list of interfaces
 * the issue page renders.
 */
final class EventResponses {

    /** Sentry's entry type for each interface, in the order its issue page shows them. */
    private static final Map<String, String> ENTRIES = entries();

    private final JsonMapper json;

    EventResponses(JsonMapper json) {
        this.json = json;
    }

    ObjectNode full(StoredEvent stored) {
        ObjectNode event = (ObjectNode) json.readTree(stored.json());
        ObjectNode response = summaryNode(stored.summary());
        ArrayNode entries = response.putArray("entries");
        ENTRIES.forEach((field, type) -> {
            JsonNode data = event.get(field);
            if (data != null && !data.isNull()) {
                entries.addObject().put("type", type).set("data", data);
            }
        });
        response.setAll(withoutOverlap(event, response));
        return response;
    }

    ObjectNode summary(EventSummary summary) {
        ObjectNode node = summaryNode(summary);
        if (summary.userKey() != null) {
            node.putObject("user").put("key", summary.userKey());
        }
        return node;
    }

    private ObjectNode summaryNode(EventSummary summary) {
        ObjectNode node = json.createObjectNode();
        node.put("id", summary.eventId());
        node.put("eventID", summary.eventId());
        node.put("groupID", Long.toString(summary.issueId()));
        node.put("projectID", Long.toString(summary.projectId()));
        node.put("title", summary.title());
        node.put("message", summary.message());
        node.put("platform", summary.platform());
        node.put("type", summary.type());
        node.put("level", summary.level());
        node.put("dateCreated", summary.timestamp().toString());
        node.put("dateReceived", summary.receivedAt().toString());
        node.put("release", summary.release());
        node.put("environment", summary.environment());
        node.put("transaction", summary.transaction());
        return node;
    }

    /** The event's own fields, except those the response already states in Sentry's form. */
    private static ObjectNode withoutOverlap(ObjectNode event, ObjectNode response) {
        ObjectNode rest = event.deepCopy();
        response.propertyNames().forEach(rest::remove);
        return rest;
    }

    private static Map<String, String> entries() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("exception", "exception");
        entries.put("threads", "threads");
        entries.put("stacktrace", "stacktrace");
        entries.put("logentry", "message");
        entries.put("breadcrumbs", "breadcrumbs");
        entries.put("request", "request");
        entries.put("template", "template");
        entries.put("csp", "csp");
        entries.put("spans", "spans");
        return entries;
    }
}
