package dev.picket.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picket.protocol.envelope.Envelope;
import dev.picket.protocol.envelope.EnvelopeReader;
import dev.picket.protocol.json.JsonPayloads;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IngestLimitsTest {

    private static final IngestLimits SMALL = new IngestLimits(1024, 4096, 10, 20, 100, 128);

    @Test
    void defaultsFollowRelay() {
        assertThat(IngestLimits.defaults()).isEqualTo(
                new IngestLimits(20L << 20, 50L << 20, 1 << 20, 40L << 20, 1000, 128));
    }

    @Test
    void acceptsEveryReferenceEnvelopeUnderTheDefaults() throws Exception {
        IngestLimits limits = IngestLimits.defaults();
        EnvelopeReader reader = new EnvelopeReader(new JsonPayloads(limits.maxJsonDepth()).factory(), limits.maxItems());
        for (ReferenceRequests.Request request : ReferenceRequests.envelopes()) {
            assertThatCode(() -> limits.check(reader.read(request.decoded()))).as(request.name()).doesNotThrowAnyException();
        }
    }

    @Test
    void acceptsItemsOfExactlyTheirLimit() throws Exception {
        Envelope envelope = read("{}\n{\"type\":\"event\",\"length\":10}\n{\"a\":\"12\"}\n"
                + "{\"type\":\"attachment\",\"length\":20}\n01234567890123456789\n");

        assertThatCode(() -> SMALL.check(envelope)).doesNotThrowAnyException();
    }

    @Test
    void rejectsAJsonItemOverTheEventSizeNamingItsIndexTypeAndSize() throws Exception {
        Envelope envelope = read("{}\n{\"type\":\"attachment\",\"length\":1}\nx\n{\"type\":\"session\"}\n{\"a\":\"123\"}\n");

        assertThatThrownBy(() -> SMALL.check(envelope))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("item 1 (session) is 11 bytes, larger than the 10 bytes limit for JSON items");
    }

    @Test
    void rejectsAnAttachmentOverTheAttachmentSize() throws Exception {
        Envelope envelope = read("{}\n{\"type\":\"attachment\",\"length\":21}\n012345678901234567890\n");

        assertThatThrownBy(() -> SMALL.check(envelope))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("item 0 (attachment) is 21 bytes, larger than the 20 bytes limit for attachments");
    }

    @Test
    void holdsAnItemOfAnUnknownTypeToTheAttachmentSize() throws Exception {
        Envelope envelope = read("{}\n{\"type\":\"replay_recording\",\"length\":15}\n012345678901234\n");

        assertThatCode(() -> SMALL.check(envelope)).doesNotThrowAnyException();
    }

    @Test
    void namesTheLimitInMebibytes() throws Exception {
        Envelope envelope = read("{}\n{\"type\":\"event\"}\n{\"pad\":\"" + "x".repeat(1 << 20) + "\"}\n");

        assertThatThrownBy(() -> IngestLimits.defaults().check(envelope))
                .hasMessage("item 0 (event) is 1048586 bytes, larger than the 1 MiB limit for JSON items");
    }

    private static Envelope read(String body) throws Exception {
        return new EnvelopeReader(new JsonPayloads(128).factory(), 100).read(body.getBytes(StandardCharsets.UTF_8));
    }
}
