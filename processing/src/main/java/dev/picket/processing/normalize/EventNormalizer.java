package dev.picket.processing.normalize;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Normalizes an event as sent by any Sentry SDK into the shape Sentry stores and shows, following Relay's
 * event normalization and Sentry's event types: legacy names, value shapes, defaults, timestamps, limits,
 * type, title, culprit, metadata and tags. Bad values are dropped and recorded in the event's
 * {@code errors} and {@code _meta}; the event itself is never rejected.
 *
 * <p>Stateless and thread-safe: share one instance.
 */
public final class EventNormalizer {

    static final int MAX_BREADCRUMBS = 100;

    private static final StringRule RELEASE = new StringRule(true, true, 200, 0);
    private static final StringRule DIST = new StringRule(false, true, 64, 0);
    private static final StringRule ENVIRONMENT = new StringRule(false, true, 64, 0);
    private static final StringRule LOGGER = StringRule.limit(64).trimmed();
    private static final StringRule SERVER_NAME = new StringRule(false, false, 256, 20);
    private static final StringRule SITE = new StringRule(false, false, 256, 20);
    private static final StringRule TRANSACTION = new StringRule(false, true, 200, 0);
    private static final StringRule CULPRIT = StringRule.limit(EventDescription.MAX_CULPRIT_CHARS);
    private static final StringRule PLATFORM = StringRule.PLAIN.trimmed();
    private static final StringRule SDK_FIELD = StringRule.PLAIN.trimmed();

    /** Normalizes {@code raw} in place. Never throws for bad data. */
    public NormalizedEvent normalize(ObjectNode raw, NormalizeContext context) {
        ObjectNode event = raw;
        Problems problems = new Problems();
        LegacyInterfaces.rename(event);
        Shapes.values(event, "exception", problems);
        Shapes.values(event, "breadcrumbs", problems);
        Shapes.values(event, "threads", problems);
        Exceptions.apply(event, problems);
        Stacktraces.apply(event, problems);

        String type = EventDescription.inferType(event, context.itemType());
        event.put("type", type);
        String eventId = EventIds.apply(event, problems);
        long timestampMicros = EventClock.apply(event, context.receivedAtMillis(), problems);
        String level = Levels.apply(event, type, problems);
        String platform = PLATFORM.apply(event, "platform", List.of("platform"), problems);
        if (platform == null) {
            platform = "other";
            event.put("platform", platform);
        }

        EventTags tags = EventTags.read(event, problems);
        String tagEnvironment = tags.remove("environment");
        String release = RELEASE.apply(event, "release", List.of("release"), problems);
        DIST.apply(event, "dist", List.of("dist"), problems);
        String environment = ENVIRONMENT.apply(event, "environment", List.of("environment"), problems);
        if (environment == null && tagEnvironment != null) {
            environment = ENVIRONMENT.cut(tagEnvironment, List.of("environment"), problems);
            event.put("environment", environment);
        }
        String logger = logger(event, problems);
        String serverName = SERVER_NAME.apply(event, "server_name", List.of("server_name"), problems);
        SITE.apply(event, "site", List.of("site"), problems);
        String transaction = TRANSACTION.apply(event, "transaction", List.of("transaction"), problems);
        if (transaction == null && "transaction".equals(type)) {
            transaction = "<unlabeled transaction>";
            event.put("transaction", transaction);
        }
        CULPRIT.apply(event, "culprit", List.of("culprit"), problems);
        if ("transaction".equals(type)) {
            startTimestamp(event, problems);
        }

        String message = LogEntries.apply(event, problems);
        keepNewestBreadcrumbs(event, problems);
        Databags.trimAll(event, problems);
        ObjectNode request = Requests.apply(event, problems);
        UserIdentity user = Users.apply(event, platform, context.clientIp(), problems);
        ObjectNode contexts = Contexts.apply(event, "transaction".equals(type), request, problems);
        ObjectNode sdk = Shapes.object(event, "sdk", List.of("sdk"), problems);
        String sdkName = sdk == null ? null : SDK_FIELD.apply(sdk, "name", List.of("sdk", "name"), problems);
        String sdkVersion = sdk == null ? null : SDK_FIELD.apply(sdk, "version", List.of("sdk", "version"), problems);

        EventDescription description = EventDescription.of(event, type, message);
        event.put("title", description.title());
        event.put("culprit", description.culprit());
        event.set("metadata", metadataNode(event, description.metadata()));

        DerivedTags.add(tags, event, user, request);
        tags.writeTo(event);
        problems.writeTo(event);

        ObjectNode trace = Nodes.object(contexts, "trace");
        EventFacts facts = new EventFacts(eventId, type, Math.floorDiv(timestampMicros, 1000), platform, level, release,
                environment, transaction, description.culprit(), description.title(), message, logger, serverName,
                description.metadata(), user, Nodes.string(trace, "trace_id"), Nodes.string(trace, "span_id"),
                sdkName, sdkVersion, tags.list());
        return new NormalizedEvent(event, facts);
    }

    /** Relay's logger: at most 64 characters and no line breaks. */
    private static String logger(ObjectNode event, Problems problems) {
        String logger = LOGGER.apply(event, "logger", List.of("logger"), problems);
        if (logger != null && (logger.indexOf('\n') >= 0 || logger.indexOf('\r') >= 0)) {
            event.remove("logger");
            problems.invalid(List.of("logger"), "invalid character in logger", event.textNode(logger));
            return null;
        }
        return logger;
    }

    /** A transaction needs a start; without one it is taken to start when it ended. */
    private static void startTimestamp(ObjectNode event, Problems problems) {
        if (!event.has("start_timestamp")) {
            event.set("start_timestamp", event.get("timestamp"));
            problems.removed(List.of("start_timestamp"), "missing_attribute", null);
        }
    }

    private static void keepNewestBreadcrumbs(ObjectNode event, Problems problems) {
        ArrayNode breadcrumbs = Nodes.values(event, "breadcrumbs");
        if (breadcrumbs == null || breadcrumbs.size() <= MAX_BREADCRUMBS) {
            return;
        }
        int original = breadcrumbs.size();
        while (breadcrumbs.size() > MAX_BREADCRUMBS) {
            breadcrumbs.remove(0);
        }
        problems.truncatedList(List.of("breadcrumbs", "values"), original);
    }

    private static JsonNode metadataNode(ObjectNode event, EventMetadata metadata) {
        ObjectNode node = event.objectNode();
        putIfPresent(node, "type", metadata.type());
        putIfPresent(node, "value", metadata.value());
        putIfPresent(node, "filename", metadata.filename());
        putIfPresent(node, "function", metadata.function());
        putIfPresent(node, "title", metadata.title());
        return node;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
