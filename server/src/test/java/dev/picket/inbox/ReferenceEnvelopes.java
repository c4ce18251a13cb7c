package dev.picket.inbox;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.picket.protocol.envelope.EventIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The requests recorded from real SDKs in {@code ../shared/reference/envelopes}, as ingestion hands
 * them to the inbox: envelope bodies, and store-endpoint events wrapped in an envelope of one item.
 */
public final class ReferenceEnvelopes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReferenceEnvelopes() {
    }

    /**
     * One recorded request.
     *
     * @param name     the file it was recorded in, e.g. {@code java-sdk-8.20.0/001.json}
     * @param eventId  the event id ingestion would read from it, or null
     * @param envelope the envelope body
     */
    public record Envelope(String name, String eventId, byte[] envelope) {

        /** The same request as a new event: its event id replaced wherever it occurs. */
        public Envelope withNewEventId() {
            if (eventId == null) {
                return this;
            }
            String fresh = EventIds.random();
            String body = new String(envelope, StandardCharsets.UTF_8).replace(eventId, fresh);
            return new Envelope(name, fresh, body.getBytes(StandardCharsets.UTF_8));
        }

        public InboxEntry entry(long projectId) {
            return new InboxEntry(projectId, eventId, System.currentTimeMillis(), envelope);
        }
    }

    /** Every recorded request; skips the calling test when the reference data is absent. */
    public static List<Envelope> all() {
        Path dir = Path.of(System.getProperty("picket.repo.root", "."), "..", "shared", "reference", "envelopes");
        assumeTrue(Files.isDirectory(dir), "reference envelopes not found at " + dir + "; skipping");
        List<Envelope> envelopes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                envelopes.add(read(dir.relativize(file).toString(), file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assumeTrue(!envelopes.isEmpty(), "no reference envelopes in " + dir + "; skipping");
        return envelopes;
    }

    private static Envelope read(String name, Path file) throws IOException {
        JsonNode request = JSON.readTree(Files.readAllBytes(file));
        byte[] body = request.get("decoded").asString().getBytes(StandardCharsets.UTF_8);
        if (request.get("path").asString().contains("/store/")) {
            return wrapStoreEvent(name, body);
        }
        JsonNode header = JSON.readTree(new String(body, StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
        String eventId = header.hasNonNull("event_id") ? EventIds.normalize(header.get("event_id").asString()) : null;
        return new Envelope(name, eventId, body);
    }

    /** As ingestion hands a store request to the inbox: an envelope of one event item. */
    private static Envelope wrapStoreEvent(String name, byte[] event) {
        String eventId = EventIds.normalize(JSON.readTree(event).get("event_id").asString());
        byte[] headers = ("{\"event_id\":\"" + eventId + "\"}\n{\"type\":\"event\",\"length\":" + event.length + "}\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] envelope = new byte[headers.length + event.length];
        System.arraycopy(headers, 0, envelope, 0, headers.length);
        System.arraycopy(event, 0, envelope, headers.length, event.length);
        return new Envelope(name, eventId, envelope);
    }
}
