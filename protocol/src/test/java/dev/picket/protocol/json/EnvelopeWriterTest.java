package dev.picket.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.protocol.ReferenceRequests;
import dev.picket.protocol.ReferenceRequests.Request;
import dev.picket.protocol.envelope.Envelope;
import dev.picket.protocol.envelope.EnvelopeItem;
import dev.picket.protocol.envelope.EnvelopeReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopeWriterTest {

    private final JsonPayloads json = new JsonPayloads(128);
    private final EnvelopeReader reader = new EnvelopeReader(json.factory(), 10);

    @Test
    void wrapsAStoreRequestBodyInAnEnvelopeThatReadsBackToTheSameEvent() throws Exception {
        Request store = ReferenceRequests.named("python-sdk-1.9.10/001.json");
        byte[] body = store.decoded();
        PayloadFacts facts = json.inspect(body, 0, body.length, "store body");

        Envelope envelope = reader.read(EnvelopeWriter.single(facts.eventId(), "event", body, 0, body.length));

        assertThat(envelope.header().eventId()).isEqualTo(facts.eventId());
        EnvelopeItem item = envelope.items().getFirst();
        assertThat(item.type()).isEqualTo("event");
        assertThat(item.payload()).isEqualTo(body);
    }

    @Test
    void writesTheDocumentedLayout() {
        byte[] payload = "xx{\"a\":1}\nxx".getBytes(StandardCharsets.UTF_8);

        byte[] envelope = EnvelopeWriter.single("9ec79c33ec9942ab8353589fcb2e04dc", "event", payload, 2, 8);

        assertThat(new String(envelope, StandardCharsets.UTF_8)).isEqualTo(
                "{\"event_id\":\"9ec79c33ec9942ab8353589fcb2e04dc\"}\n{\"type\":\"event\",\"length\":8}\n{\"a\":1}\n\n");
    }

    @Test
    void writesAnEmptyHeaderWithoutAnEventId() {
        byte[] envelope = EnvelopeWriter.single(null, "event", new byte[0], 0, 0);

        assertThat(new String(envelope, StandardCharsets.UTF_8)).isEqualTo("{}\n{\"type\":\"event\",\"length\":0}\n\n");
    }

    @Test
    void escapesTheItemType() throws Exception {
        byte[] envelope = EnvelopeWriter.single(null, "we\"ird\n", new byte[] {'{', '}'}, 0, 2);

        assertThat(reader.read(envelope).items().getFirst().type()).isEqualTo("we\"ird\n");
    }
}
