package dev.picket.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.processing.grouping.Grouper;
import dev.picket.protocol.envelope.Envelope;
import dev.picket.protocol.envelope.EnvelopeItem;
import dev.picket.protocol.envelope.EnvelopeReader;
import dev.picket.protocol.json.JsonPayloads;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The generated envelopes are read with Picket's own envelope reader and grouper. */
class EventFactoryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JsonPayloads payloads = new JsonPayloads(128);
    private final EnvelopeReader reader = new EnvelopeReader(payloads.factory(), 1000);

    private List<EnvelopeItem> items(EventFactory events, int count) throws Exception {
        List<EnvelopeItem> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Envelope envelope = reader.read(events.nextEnvelope());
            assertThat(envelope.items()).hasSize(1);
            EnvelopeItem item = envelope.items().getFirst();
            payloads.inspect(item.source(), item.offset(), item.length(), "item 0");
            items.add(item);
        }
        return items;
    }

    @Test
    void errorEventsAreValidEnvelopesOfTwoToTenKilobytesWithTenToFortyFrames() throws Exception {
        for (EnvelopeItem item : items(new EventFactory(100, 1000, 0, 7), 300)) {
            assertThat(item.type()).isEqualTo("event");
            assertThat(item.length()).isBetween(2_000, 10_000);
            JsonNode frames = JSON.readTree(item.payload()).at("/exception/values/0/stacktrace/frames");
            assertThat(frames.size()).isBetween(10, 40);
        }
    }

    @Test
    void theNumberOfGroupsBoundsTheDistinctGroupingHashes() throws Exception {
        Grouper grouper = new Grouper();
        Set<String> hashes = new HashSet<>();
        for (EnvelopeItem item : items(new EventFactory(5, 1000, 0, 7), 200)) {
            hashes.add(grouper.group((ObjectNode) JSON.readTree(item.payload())).primaryHash());
        }
        assertThat(hashes).hasSize(5);
    }

    @Test
    void theNumberOfUsersBoundsTheDistinctUsers() throws Exception {
        Set<String> users = new HashSet<>();
        for (EnvelopeItem item : items(new EventFactory(100, 7, 0, 7), 200)) {
            users.add(JSON.readTree(item.payload()).at("/user/id").asString());
        }
        assertThat(users).hasSize(7);
    }

    @Test
    void everyEnvelopeHasItsOwnEventIdSoPicketStoresEachOnce() throws Exception {
        Set<String> ids = new HashSet<>();
        for (EnvelopeItem item : items(new EventFactory(1, 1, 0.5, 7), 500)) {
            ids.add(JSON.readTree(item.payload()).path("event_id").asString());
        }
        assertThat(ids).hasSize(500);
    }

    @Test
    void transactionsComeInTheRequestedShare() throws Exception {
        long transactions = items(new EventFactory(100, 1000, 0.25, 7), 1000).stream()
                .filter(item -> item.type().equals("transaction"))
                .count();
        assertThat(transactions).isBetween(200L, 300L);
    }
}
