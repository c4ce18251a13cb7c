package dev.picket.pipeline;

import dev.picket.inbox.CompressedPayloads;
import dev.picket.inbox.InboxRow;
import dev.picket.protocol.LimitExceededException;
import dev.picket.protocol.envelope.Envelope;
import dev.picket.protocol.envelope.EnvelopeItem;
import dev.picket.protocol.envelope.EnvelopeParseException;
import dev.picket.protocol.envelope.EnvelopeReader;
import dev.picket.protocol.envelope.EventIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** Finds the events and transactions in an inbox row's envelope. Thread-safe. */
final class EnvelopeEvents {

    // Ingestion enforced the item limit before the row was acknowledged; here every item it let in is read.
    private static final int NO_ITEM_LIMIT = Integer.MAX_VALUE;

    private final JsonFactory json;
    private final EnvelopeReader reader;

    EnvelopeEvents(JsonFactory json) {
        this.json = json;
        this.reader = new EnvelopeReader(json, NO_ITEM_LIMIT);
    }

    List<EventRow> of(InboxRow row) throws UnprocessableRowException {
        Envelope envelope = read(row);
        List<EventRow> events = new ArrayList<>(1);
        for (EnvelopeItem item : envelope.items()) {
            Optional<EventType> type = EventType.of(item.itemType());
            if (type.isPresent()) {
                events.add(new EventRow(row.projectId(), eventId(row, envelope, item), type.get(), row.receivedAt(),
                        CompressedPayloads.compress(item.payload())));
            }
        }
        return events;
    }

    private Envelope read(InboxRow row) throws UnprocessableRowException {
        try {
            return reader.read(row.envelope());
        } catch (IllegalArgumentException | EnvelopeParseException | LimitExceededException e) {
            throw new UnprocessableRowException(e.getMessage(), e);
        }
    }

    /**
     * The id ingestion acknowledged comes first; an event sent without any id gets a new one, as
     * Sentry gives it.
     */
    private String eventId(InboxRow row, Envelope envelope, EnvelopeItem item) throws UnprocessableRowException {
        if (row.eventId() != null) {
            return row.eventId();
        }
        if (envelope.header().eventId() != null) {
            return envelope.header().eventId();
        }
        String own = payloadEventId(item);
        return own != null ? own : EventIds.random();
    }

    private String payloadEventId(EnvelopeItem item) throws UnprocessableRowException {
        try (JsonParser p = json.createParser(ObjectReadContext.empty(), item.source(), item.offset(), item.length())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new UnprocessableRowException(item.type() + " item is not a JSON object", null);
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("event_id") && value == JsonToken.VALUE_STRING) {
                    return EventIds.normalize(p.getString());
                }
                p.skipChildren();
            }
            return null;
        } catch (JacksonException e) {
            throw new UnprocessableRowException(item.type() + " item is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableRowException(item.type() + " item: " + e.getMessage(), e);
        }
    }
}
