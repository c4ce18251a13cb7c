package dev.picket.pipeline;

import dev.picket.inbox.CompressedPayloads;
import dev.picket.inbox.InboxRow;
import dev.picket.processing.scrub.Scrubber;
import dev.picket.protocol.LimitExceededException;
import dev.picket.protocol.envelope.Envelope;
import dev.picket.protocol.envelope.EnvelopeItem;
import dev.picket.protocol.envelope.EnvelopeParseException;
import dev.picket.protocol.envelope.EnvelopeReader;
import dev.picket.protocol.envelope.EventIds;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an inbox row's envelope and prepares each item by its type. Client reports and logs are
 * not stored: client reports are counted (events SDKs dropped) and logs counted as received.
 * Thread-safe.
 */
final class EnvelopeItems {

    // Ingestion enforced the item limit before the row was acknowledged; here every item it let in is read.
    private static final int NO_ITEM_LIMIT = Integer.MAX_VALUE;

    private final EnvelopeReader reader = new EnvelopeReader(new JsonFactory(), NO_ITEM_LIMIT);
    private final EventPreparer events;
    private final TransactionPreparer transactions;
    private final SpanItemPreparer spans;
    private final SessionItemPreparer sessions = new SessionItemPreparer();
    private final CheckInPreparer checkIns = new CheckInPreparer();
    private final FeedbackPreparer feedback;

    EnvelopeItems(Scrubber scrubber, ScrubbingSettings settings) {
        this.events = new EventPreparer(scrubber, settings);
        this.transactions = new TransactionPreparer(scrubber, settings);
        this.spans = new SpanItemPreparer(scrubber, settings);
        this.feedback = new FeedbackPreparer(scrubber, settings);
    }

    /**
     * What a row holds, ready to write.
     *
     * @param discardedByClients events SDKs reported as dropped in client reports
     * @param logs               log records received (not stored)
     */
    record PreparedRow(List<PreparedItem> items, long discardedByClients, long logs) {
    }

    PreparedRow prepare(InboxRow row) throws UnprocessableRowException {
        Envelope envelope = read(row);
        List<PreparedItem> items = new ArrayList<>(envelope.items().size());
        long discarded = 0;
        long logs = 0;
        long projectId = row.projectId();
        long receivedAt = row.receivedAt();
        for (EnvelopeItem item : envelope.items()) {
            switch (item.itemType()) {
                case EVENT -> items.add(events.prepare(projectId, eventId(row, envelope, item), receivedAt,
                        object(item)));
                case TRANSACTION -> {
                    PreparedItem.Transaction transaction = transactions.prepare(projectId,
                            eventId(row, envelope, item), receivedAt, object(item));
                    items.add(transaction);
                    items.addAll(transaction.spans());
                }
                case SPAN -> items.addAll(spans.prepare(projectId, receivedAt, object(item)));
                case SESSION -> items.add(sessions.session(projectId, receivedAt, object(item)));
                case SESSIONS -> items.addAll(sessions.aggregates(projectId, receivedAt, object(item)));
                case CHECK_IN -> items.add(checkIns.prepare(projectId, receivedAt, object(item)));
                case USER_REPORT -> items.add(feedback.userReport(projectId, receivedAt, object(item)));
                case FEEDBACK -> items.add(feedback.feedback(projectId, eventId(row, envelope, item), receivedAt,
                        object(item)));
                case ATTACHMENT -> items.add(attachment(projectId, envelope, item, receivedAt));
                case CLIENT_REPORT -> discarded += discardedEvents(object(item));
                case LOG -> logs += Math.max(1, item.itemCount());
                case UNKNOWN -> {
                    // Ingestion keeps unknown items out of the inbox; an old row may still hold one.
                }
            }
        }
        return new PreparedRow(items, discarded, logs);
    }

    private Envelope read(InboxRow row) throws UnprocessableRowException {
        try {
            return reader.read(row.envelope());
        } catch (IllegalArgumentException | EnvelopeParseException | LimitExceededException e) {
            throw new UnprocessableRowException(e.getMessage(), e);
        }
    }

    private static ObjectNode object(EnvelopeItem item) {
        // Read where it lies in the envelope: a copy of every item first would be garbage only.
        return JsonTrees.object(item.source(), item.offset(), item.length(), item.type());
    }

    /**
     * The id ingestion acknowledged comes first; an event sent without any id gets a new one, as
     * Sentry gives it.
     */
    private static String eventId(InboxRow row, Envelope envelope, EnvelopeItem item) {
        if (row.eventId() != null) {
            return row.eventId();
        }
        if (envelope.header().eventId() != null) {
            return envelope.header().eventId();
        }
        String own = JsonFields.text(object(item), "event_id");
        if (own == null) {
            return EventIds.random();
        }
        try {
            return EventIds.normalize(own);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableItemException(item.type() + " item: " + e.getMessage());
        }
    }

    private static PreparedItem.Attachment attachment(long projectId, Envelope envelope, EnvelopeItem item,
                                                      long receivedAt) {
        byte[] headerJson = item.headerJson();
        JsonNode header = JsonTrees.object(headerJson, 0, headerJson.length, "attachment header");
        String filename = item.filename() != null ? item.filename() : "attachment";
        return new PreparedItem.Attachment(projectId, envelope.header().eventId(), filename, item.contentType(),
                JsonFields.text(header, "attachment_type"), item.length(), receivedAt,
                CompressedPayloads.compress(item.source(), item.offset(), item.length()));
    }

    private static long discardedEvents(ObjectNode report) {
        JsonNode discarded = JsonFields.at(report, "discarded_events");
        long total = 0;
        if (discarded != null && discarded.isArray()) {
            for (JsonNode entry : discarded) {
                total += JsonFields.longValue(entry, "quantity", 0);
            }
        }
        return total;
    }
}
