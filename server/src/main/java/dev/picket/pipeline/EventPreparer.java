package dev.picket.pipeline;

import dev.picket.inbox.CompressedPayloads;
import dev.picket.issues.EventTag;
import dev.picket.issues.IssueMetadata;
import dev.picket.issues.NewIssue;
import dev.picket.issues.Occurrence;
import dev.picket.processing.grouping.Grouper;
import dev.picket.processing.grouping.GroupingResult;
import dev.picket.processing.normalize.EventFacts;
import dev.picket.processing.normalize.EventMetadata;
import dev.picket.processing.normalize.EventNormalizer;
import dev.picket.processing.normalize.NormalizeContext;
import dev.picket.processing.normalize.NormalizedEvent;
import dev.picket.processing.normalize.Tag;
import dev.picket.processing.scrub.Scrubber;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes an error event ready for storage: normalizes it to Sentry's schema, scrubs it with its
 * project's settings, groups it, and reads what its issue counts. Thread-safe.
 */
final class EventPreparer {

    private static final int STACK_TRACE_SCORE = 4;
    private static final int USER_SCORE = 2;
    private static final int TRACE_SCORE = 1;

    private final EventNormalizer normalizer = new EventNormalizer();
    private final Scrubber scrubber;
    private final Grouper grouper = new Grouper();
    private final ScrubbingSettings settings;

    EventPreparer(Scrubber scrubber, ScrubbingSettings settings) {
        this.scrubber = scrubber;
        this.settings = settings;
    }

    PreparedItem.Event prepare(long projectId, String eventId, long receivedAt, ObjectNode raw) {
        raw.put("event_id", eventId);
        NormalizeContext context = new NormalizeContext("event", receivedAt, null);
        NormalizedEvent normalized = normalizer.normalize(raw, context);
        ObjectNode event = normalized.event();
        boolean scrubbed = scrubber.scrub(event, settings.forProject(projectId)).scrubbedAnything();
        // What is counted and shown (title, user, tags) must hold no scrubbed secret, so it is read
        // again from a scrubbed event; normalizing is idempotent, so an untouched event reads the same.
        EventFacts facts = scrubbed ? normalizer.normalize(event, context).facts() : normalized.facts();
        GroupingResult grouping = grouper.group(event);
        IssueMetadata metadata = metadata(facts.metadata());
        String userKey = facts.user() == null ? null : facts.user().key();
        NewIssue issue = new NewIssue(projectId, grouping.hashes(), facts.type(), facts.title(), facts.culprit(),
                facts.level(), facts.platform(), metadata, facts.timestampMillis(), facts.release());
        Occurrence occurrence = new Occurrence(facts.timestampMillis(), facts.level(), facts.title(), facts.culprit(),
                metadata, facts.release(), facts.environment(), userKey, tags(facts.tags()));
        int score = (hasStackTrace(event) ? STACK_TRACE_SCORE : 0) + (userKey != null ? USER_SCORE : 0)
                + (facts.traceId() != null ? TRACE_SCORE : 0);
        return new PreparedItem.Event(projectId, eventId, receivedAt, issue, occurrence, facts.type(),
                facts.platform(), facts.environment(), facts.transaction(), facts.traceId(), facts.spanId(),
                facts.message(), score, CompressedPayloads.compress(JsonTrees.bytes(event)));
    }

    private static IssueMetadata metadata(EventMetadata metadata) {
        return metadata == null ? null : new IssueMetadata(metadata.type(), metadata.value(), metadata.filename(),
                metadata.function(), metadata.title());
    }

    private static List<EventTag> tags(List<Tag> tags) {
        List<EventTag> result = new ArrayList<>(tags.size());
        for (Tag tag : tags) {
            result.add(new EventTag(tag.key(), tag.value()));
        }
        return result;
    }

    private static boolean hasStackTrace(JsonNode event) {
        return hasFrames(JsonFields.at(event, "stacktrace"))
                || anyValueHasFrames(JsonFields.at(event, "exception", "values"))
                || anyValueHasFrames(JsonFields.at(event, "threads", "values"));
    }

    private static boolean anyValueHasFrames(JsonNode values) {
        if (values == null || !values.isArray()) {
            return false;
        }
        for (JsonNode value : values) {
            if (hasFrames(JsonFields.at(value, "stacktrace"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasFrames(JsonNode stacktrace) {
        JsonNode frames = JsonFields.at(stacktrace, "frames");
        return frames != null && frames.isArray() && !frames.isEmpty();
    }
}
