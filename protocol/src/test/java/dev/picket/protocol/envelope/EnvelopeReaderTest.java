package dev.picket.protocol.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.picket.protocol.LimitExceededException;
import dev.picket.protocol.ReferenceRequests;
import dev.picket.protocol.json.JsonPayloads;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvelopeReaderTest {

    private static final String HEADER = "{\"event_id\":\"9ec79c33ec9942ab8353589fcb2e04dc\"}\n";

    private final EnvelopeReader reader = new EnvelopeReader(new JsonPayloads(128).factory(), 1000);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "java-sdk-8.20.0/001.json   | event       | 0",
            "java-sdk-8.20.0/004.json   | event       | 0",
            "java-sdk-8.20.0/006.json   | event       | 0",
            "java-sdk-8.20.0/007.json   | transaction | 0",
            "node-sdk-11.12.0/001.json  | span        | 4",
            "node-sdk-11.12.0/002.json  | sessions    | 0",
            "node-sdk-11.12.0/003.json  | session     | 0",
            "node-sdk-11.12.0/004.json  | event       | 0",
            "node-sdk-11.12.0/010.json  | event       | 0",
            "python-sdk-1.9.10/009.json | transaction | 0",
    })
    void readsTheItemsOfAReferenceEnvelope(String name, String type, int itemCount) throws Exception {
        Envelope envelope = reader.read(ReferenceRequests.named(name).decoded());

        assertThat(envelope.items()).extracting(EnvelopeItem::type, EnvelopeItem::itemCount)
                .containsExactly(tuple(type, itemCount));
    }

    @Test
    void readsEveryReferenceEnvelopeIntoJsonPayloadsThatEndWhereTheBodySaysTheyDo() throws Exception {
        JsonPayloads json = new JsonPayloads(128);
        for (ReferenceRequests.Request request : ReferenceRequests.envelopes()) {
            Envelope envelope = reader.read(request.decoded());

            for (EnvelopeItem item : envelope.items()) {
                assertThat(item.itemType().isJson()).as(request.name()).isTrue();
                json.inspect(item.source(), item.offset(), item.length(), request.name());
            }
        }
    }

    @Test
    void readsTheEnvelopeHeaderFieldsAndKeepsItAsSent() throws Exception {
        byte[] body = ReferenceRequests.named("python-sdk-1.9.10/009.json").decoded();

        EnvelopeHeader header = reader.read(body).header();

        assertThat(header.eventId()).isEqualTo("d862b4f410c8441fb77bb621670b3696");
        assertThat(header.sentAt()).isEqualTo("2026-11-24T04:24:42.075641Z");
        assertThat(new String(header.json(), StandardCharsets.UTF_8)).startsWith("{\"event_id\"").endsWith("}}");
    }

    @Test
    void readsItemsWithAndWithoutLengthInOneEnvelope() throws Exception {
        Envelope envelope = read(HEADER
                + "{\"type\":\"attachment\",\"length\":11,\"filename\":\"a.txt\"}\nline\nbreak!\n"
                + "{\"type\":\"event\"}\n{\"message\":\"hi\"}\n"
                + "{\"type\":\"client_report\",\"length\":2}\n{}\n");

        assertThat(envelope.items()).extracting(EnvelopeItem::type, this::payload).containsExactly(
                tuple("attachment", "line\nbreak!"),
                tuple("event", "{\"message\":\"hi\"}"),
                tuple("client_report", "{}"));
        assertThat(envelope.items().getFirst().filename()).isEqualTo("a.txt");
    }

    @Test
    void readsEmptyPayloadsWithAndWithoutLength() throws Exception {
        Envelope envelope = read(HEADER + "{\"type\":\"attachment\",\"length\":0}\n\n{\"type\":\"attachment\"}\n\n");

        assertThat(envelope.items()).extracting(EnvelopeItem::length).containsExactly(0, 0);
    }

    @Test
    void readsTheLastPayloadWithoutATrailingNewline() throws Exception {
        Envelope withLength = read(HEADER + "{\"type\":\"event\",\"length\":2}\n{}");
        Envelope withoutLength = read(HEADER + "{\"type\":\"event\"}\n{}");

        assertThat(payload(withLength.items().getFirst())).isEqualTo("{}");
        assertThat(payload(withoutLength.items().getFirst())).isEqualTo("{}");
    }

    @Test
    void readsAnItemHeaderAtTheVeryEndAsAnEmptyPayload() throws Exception {
        Envelope envelope = read(HEADER + "{\"type\":\"event\"}");

        assertThat(envelope.items()).extracting(EnvelopeItem::length).containsExactly(0);
    }

    @Test
    void readsAJsonPayloadToItsNewlineWhenItsDeclaredLengthFallsShort() throws Exception {
        // As sentry-python 1.9.10 sends transactions (reference request python-sdk-1.9.10/009.json).
        Envelope envelope = read(HEADER + "{\"type\":\"transaction\",\"length\":5}\n{\"a\":\"long\"}\n{\"type\":\"event\"}\n{}\n");

        assertThat(envelope.items()).extracting(this::payload).containsExactly("{\"a\":\"long\"}", "{}");
    }

    @Test
    void readsAnEnvelopeWithNoItems() throws Exception {
        assertThat(read(HEADER).items()).isEmpty();
    }

    @Test
    void toleratesCrLfLineEnds() throws Exception {
        Envelope envelope = read("{}\r\n{\"type\":\"event\",\"length\":2}\r\n{}\r\n{\"type\":\"event\"}\r\n{}\r\n");

        assertThat(envelope.items()).hasSize(2);
        assertThat(payload(envelope.items().getFirst())).isEqualTo("{}");
    }

    @Test
    void normalizesADashedEventIdInTheHeader() throws Exception {
        Envelope envelope = read("{\"event_id\":\"9EC79C33-EC99-42AB-8353-589FCB2E04DC\"}\n");

        assertThat(envelope.header().eventId()).isEqualTo("9ec79c33ec9942ab8353589fcb2e04dc");
    }

    @Test
    void skipsHeaderValuesOfUnexpectedShapeWhole() throws Exception {
        Envelope envelope = read("{\"dsn\":{\"nested\":[1,{\"a\":2}]},\"sent_at\":[\"x\"]}\n{\"type\":\"event\",\"filename\":{}}\n{}\n");

        assertThat(envelope.header().dsn()).isNull();
        assertThat(envelope.items()).extracting(EnvelopeItem::type).containsExactly("event");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "``                                                        | empty envelope: the first line must be the envelope header",
            "`\n{\"type\":\"event\"}\n{}`                              | empty envelope",
            "`[]\n`                                                    | envelope header is not a JSON object",
            "`{\"event_id\":\n`                                        | envelope header is not valid JSON",
            "`{} {}\n`                                                 | envelope header is not a single JSON object",
            "`{\"event_id\":\"nope\"}\n`                               | envelope header: event_id must be 32 hex digits or a UUID",
            "`{\"event_id\":42}\n`                                     | envelope header: event_id must be a string",
            "`{}\n{\"length\":2}\n{}\n`                                | item 0: header has no \"type\"",
            "`{}\n{\"type\":\"\"}\n{}\n`                               | item 0: header has no \"type\"",
            "`{}\nnot json\n`                                          | item 0: header is not valid JSON",
            "`{}\n{\"type\":\"event\",\"length\":3}\n{}`               | item 0 (event): length 3 exceeds the 2 bytes left",
            "`{}\n{\"type\":\"attachment\",\"length\":1}\n{}\n`        | item 0 (attachment): expected a newline after its 1 bytes of payload",
            "`{}\n{\"type\":\"event\",\"length\":-1}\n{}\n`            | item 0: \"length\" must be a non-negative integer",
            "`{}\n{\"type\":\"event\",\"length\":\"2\"}\n{}\n`         | item 0: \"length\" must be a non-negative integer",
            "`{}\n{\"type\":\"event\",\"length\":2.0}\n{}\n`           | item 0: \"length\" must be a non-negative integer",
            "`{}\n{\"type\":\"event\",\"length\":99999999999}\n{}\n`   | item 0: \"length\" must be a non-negative integer",
            "`{}\n{\"type\":\"span\",\"item_count\":-4}\n{}\n`         | item 0: \"item_count\" must be a non-negative integer",
    })
    void rejectsAMalformedEnvelopeWithAReason(String body, String reason) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(EnvelopeParseException.class).hasMessageStartingWith(reason);
    }

    @Test
    void rejectsMoreItemsThanTheLimit() {
        EnvelopeReader three = new EnvelopeReader(new JsonPayloads(128).factory(), 3);
        String item = "{\"type\":\"event\",\"length\":2}\n{}\n";
        byte[] body = (HEADER + item.repeat(4)).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> three.read(body))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("envelope has more than 3 items");
    }

    @Test
    void readsOnlyTheGivenLengthOfALargerBuffer() throws Exception {
        byte[] body = (HEADER + "{\"type\":\"event\"}\n{}\nGARBAGE AFTER THE BODY").getBytes(StandardCharsets.UTF_8);
        int length = (HEADER + "{\"type\":\"event\"}\n{}\n").length();

        assertThat(reader.read(body, length).items()).hasSize(1);
    }

    private Envelope read(String body) throws EnvelopeParseException, LimitExceededException {
        return reader.read(body.getBytes(StandardCharsets.UTF_8));
    }

    private String payload(EnvelopeItem item) {
        return new String(item.payload(), StandardCharsets.UTF_8);
    }
}
