package dev.picket.ingest;

import dev.picket.inbox.Inbox;
import dev.picket.inbox.InboxEntry;
import dev.picket.inbox.InboxUnavailableException;
import dev.picket.projects.ProjectKey;
import dev.picket.protocol.IngestLimits;
import dev.picket.protocol.LimitExceededException;
import dev.picket.protocol.auth.SentryAuth;
import dev.picket.protocol.compress.Body;
import dev.picket.protocol.compress.BodyReader;
import dev.picket.protocol.compress.MalformedBodyException;
import dev.picket.protocol.compress.UnsupportedContentEncodingException;
import dev.picket.protocol.envelope.Envelope;
import dev.picket.protocol.envelope.EnvelopeItem;
import dev.picket.protocol.envelope.EnvelopeParseException;
import dev.picket.protocol.envelope.EnvelopeReader;
import dev.picket.protocol.envelope.EventIds;
import dev.picket.protocol.envelope.ItemType;
import dev.picket.protocol.json.EnvelopeWriter;
import dev.picket.protocol.json.JsonPayloads;
import dev.picket.protocol.json.PayloadFacts;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The ingest hot path: authenticate, rate-limit, read and check the body, and append it to the
 * inbox. Only item headers and the top level of JSON payloads are read; nothing is bound to objects.
 * Returns once the inbox has made the request durable.
 */
@Service
class Ingestor {

    /** As long as an entry waits for room in a full inbox: both are the server falling behind. */
    private static final long BODY_MEMORY_WAIT_MILLIS = 2000;

    private final IngestAuthenticator authenticator;
    private final IngestRateLimiter rateLimiter;
    private final Inbox inbox;
    private final IngestLimits limits;
    private final BodyReader bodyReader;
    private final JsonPayloads payloads;
    private final EnvelopeReader envelopeReader;
    private final BodyMemory bodyMemory;

    Ingestor(IngestAuthenticator authenticator, IngestRateLimiter rateLimiter, Inbox inbox,
             IngestProperties properties) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.inbox = inbox;
        this.limits = properties.limits();
        this.bodyReader = new BodyReader(limits.maxCompressedBody(), limits.maxBody());
        this.payloads = new JsonPayloads(limits.maxJsonDepth());
        this.envelopeReader = new EnvelopeReader(payloads.factory(), limits.maxItems());
        this.bodyMemory = new BodyMemory(properties.bodyMemoryBytes(), BODY_MEMORY_WAIT_MILLIS);
    }

    /** Ingests an envelope; returns its event id, or null when it has none. */
    String envelope(long projectId, HttpServletRequest request) {
        // Check a key sent in a header or the query before reading the body, so refusals are cheap.
        Optional<SentryAuth> auth = authenticator.fromRequest(request);
        ProjectKey key = auth.map(a -> admit(a, projectId)).orElse(null);
        try (BodyMemory.Lease memory = bodyMemory.lease()) {
            return envelope(projectId, key, readBody(request, memory));
        }
    }

    private String envelope(long projectId, ProjectKey key, Body body) {
        Envelope envelope;
        try {
            envelope = envelopeReader.read(body.bytes(), body.length());
            limits.check(envelope);
        } catch (EnvelopeParseException e) {
            throw IngestRejection.badRequest("invalid envelope: " + e.getMessage());
        } catch (LimitExceededException e) {
            throw IngestRejection.tooLarge(e.getMessage());
        }
        if (key == null) {
            admit(authenticator.fromDsn(envelope.header().dsn()), projectId);
        }
        String eventId = envelope.header().eventId();
        boolean keep = false;
        boolean carriesEvent = false;
        for (int i = 0; i < envelope.items().size(); i++) {
            EnvelopeItem item = envelope.items().get(i);
            ItemType type = item.itemType();
            if (type == ItemType.UNKNOWN || item.length() == 0) {
                continue;
            }
            keep = true;
            carriesEvent |= type.isEvent();
            if (type.isJson()) {
                PayloadFacts facts = inspect(item.source(), item.offset(), item.length(),
                        "item " + i + " (" + item.type() + ")");
                if (eventId == null && type.isEvent()) {
                    eventId = facts.eventId();
                }
            }
        }
        if (keep) {
            // Only an envelope that carries the event is unique by its id: a user report or an
            // attachment sent later names the event it belongs to in the same header field.
            append(new InboxEntry(projectId, carriesEvent ? eventId : null, System.currentTimeMillis(), body.bytes(),
                    body.length()));
        }
        return eventId;
    }

    /** Ingests a store request (one JSON event); returns its event id. */
    String store(long projectId, HttpServletRequest request) {
        return single(projectId, request, "event",
                facts -> "transaction".equals(facts.type()) ? ItemType.TRANSACTION : ItemType.EVENT);
    }

    /**
     * Ingests a browser's security report (CSP, HPKP, Expect-CT, Expect-Staple: one JSON object, as
     * sent to a {@code report-uri}); returns the event id given to it.
     */
    String securityReport(long projectId, HttpServletRequest request) {
        return single(projectId, request, "security report", facts -> ItemType.SECURITY);
    }

    /** A body of one JSON object, kept as an envelope of one item so that the inbox holds one format. */
    private String single(long projectId, HttpServletRequest request, String what,
                          Function<PayloadFacts, ItemType> itemType) {
        SentryAuth auth = authenticator.fromRequest(request).orElseGet(() -> authenticator.fromDsn(null));
        admit(auth, projectId);
        try (BodyMemory.Lease memory = bodyMemory.lease()) {
            Body body = readBody(request, memory);
            if (body.length() > limits.maxEventSize()) {
                throw IngestRejection.tooLarge(what + " is " + body.length() + " bytes; the limit is "
                        + limits.maxEventSize() + " bytes");
            }
            PayloadFacts facts = inspect(body.bytes(), 0, body.length(), what);
            String eventId = facts.eventId() != null ? facts.eventId() : EventIds.random();
            append(new InboxEntry(projectId, eventId, System.currentTimeMillis(),
                    EnvelopeWriter.single(eventId, itemType.apply(facts).wireName(), body.bytes(), 0, body.length())));
            return eventId;
        }
    }

    private ProjectKey admit(SentryAuth auth, long projectId) {
        ProjectKey key = authenticator.authorize(auth, projectId);
        rateLimiter.acquire(key).ifPresent(limited -> {
            throw new RateLimitedException(limited);
        });
        return key;
    }

    private Body readBody(HttpServletRequest request, BodyMemory.Lease memory) {
        try {
            return bodyReader.read(request.getInputStream(), request.getHeader("Content-Encoding"), memory);
        } catch (LimitExceededException e) {
            throw IngestRejection.tooLarge(e.getMessage());
        } catch (UnsupportedContentEncodingException e) {
            throw IngestRejection.unsupportedEncoding(e.getMessage());
        } catch (MalformedBodyException e) {
            throw IngestRejection.badRequest(e.getMessage());
        } catch (IOException e) {
            throw IngestRejection.badRequest("could not read the request body: " + e.getMessage());
        }
    }

    private PayloadFacts inspect(byte[] source, int offset, int length, String what) {
        try {
            return payloads.inspect(source, offset, length, what);
        } catch (EnvelopeParseException e) {
            throw IngestRejection.badRequest(e.getMessage());
        }
    }

    private void append(InboxEntry entry) {
        try {
            inbox.append(entry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestRejection(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "shutting down; retry later");
        } catch (InboxUnavailableException e) {
            throw new IngestRejection(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", e.getMessage() + "; retry later");
        }
    }
}
