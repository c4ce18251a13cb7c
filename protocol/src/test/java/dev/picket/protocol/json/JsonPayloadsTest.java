package dev.picket.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picket.protocol.ReferenceRequests;
import dev.picket.protocol.ReferenceRequests.Request;
import dev.picket.protocol.envelope.EnvelopeItem;
import dev.picket.protocol.envelope.EnvelopeParseException;
import dev.picket.protocol.envelope.EnvelopeReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class JsonPayloadsTest {

    private final JsonPayloads json = new JsonPayloads(128);

    static List<Request> referenceRequests() {
        return ReferenceRequests.all();
    }

    @ParameterizedTest
    @MethodSource("referenceRequests")
    void extractsTheEventIdOfEveryReferenceEventAndTransaction(Request request) throws Exception {
        List<PayloadFacts> facts = eventPayloadFacts(request);

        assertThat(facts).as(request.name()).allSatisfy(f -> assertThat(f.eventId()).matches("[0-9a-f]{32}"));
    }

    @Test
    void findsOneEventInEveryReferenceRequestButTheNodeSpanAndSessionOnes() throws Exception {
        for (Request request : ReferenceRequests.all()) {
            boolean spansOrSessions = request.name().matches("node-sdk-11\\.12\\.0/00[123]\\.json");

            assertThat(eventPayloadFacts(request)).as(request.name()).hasSize(spansOrSessions ? 0 : 1);
        }
    }

    @Test
    void readsTheTypeOfAReferenceTransaction() throws Exception {
        List<PayloadFacts> facts = eventPayloadFacts(ReferenceRequests.named("java-sdk-8.20.0/007.json"));

        assertThat(facts).extracting(PayloadFacts::type).containsExactly("transaction");
    }

    @Test
    void returnsNullsForAnObjectWithoutEventIdOrType() throws Exception {
        assertThat(inspect("{\"message\":\"hi\",\"event_id\":null}")).isEqualTo(new PayloadFacts(null, null));
    }

    @Test
    void normalizesADashedUpperCaseEventId() throws Exception {
        assertThat(inspect("{\"event_id\":\"9EC79C33-EC99-42AB-8353-589FCB2E04DC\"}").eventId())
                .isEqualTo("9ec79c33ec9942ab8353589fcb2e04dc");
    }

    @Test
    void readsOnlyTopLevelFields() throws Exception {
        PayloadFacts facts = inspect("{\"contexts\":{\"trace\":{\"type\":\"trace\",\"event_id\":\"bad\"}},\"type\":\"event\"}");

        assertThat(facts).isEqualTo(new PayloadFacts(null, "event"));
    }

    @Test
    void acceptsTrailingWhitespace() throws Exception {
        assertThat(inspect("{\"type\":\"event\"} \r\n\t")).isEqualTo(new PayloadFacts(null, "event"));
    }

    @Test
    void readsOnlyTheGivenSliceOfTheSource() throws Exception {
        byte[] source = "garbage{\"type\":\"event\"}garbage".getBytes(StandardCharsets.UTF_8);

        assertThat(json.inspect(source, 7, 16, "item 0 (event)").type()).isEqualTo("event");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`{\"a\":}`                 | item 0 (event): payload is not valid JSON: Unexpected character ('}'",
            "`{\"a\":1,`                | item 0 (event): payload is not valid JSON: Unexpected end-of-input",
            "`{\"a\":\"unterminated`    | item 0 (event): payload is not valid JSON: Unexpected end-of-input",
            "`{\"a\":1}{\"b\":2}`       | item 0 (event): payload has more than one JSON value (line 1, column 8)",
            "`{} x`                     | item 0 (event): payload is not valid JSON: Unrecognized token 'x'",
            "`[1,2]`                    | item 0 (event): payload is not a JSON object (line 1, column 1)",
            "`\"text\"`                 | item 0 (event): payload is not a JSON object",
            "``                         | item 0 (event): payload is empty, expected a JSON object",
            "`  `                       | item 0 (event): payload is empty, expected a JSON object",
            "`{\"event_id\":\"xyz\"}`   | item 0 (event): event_id must be 32 hex digits or a UUID (line 1, column 13)",
            "`{\"event_id\":7}`         | item 0 (event): event_id must be a string",
            "`{'a':1}`                  | item 0 (event): payload is not valid JSON: Unexpected character (''' (code 39))",
            "`{\"a\":NaN}`              | item 0 (event): payload is not valid JSON: Non-standard token 'NaN'",
    })
    void rejectsAPayloadThatIsNotOneJsonObjectNamingItAndWhere(String payload, String reason) {
        assertThatThrownBy(() -> inspect(payload)).isInstanceOf(EnvelopeParseException.class).hasMessageStartingWith(reason);
    }

    @Test
    void saysOnWhichLineAndColumnThePayloadBreaks() {
        assertThatThrownBy(() -> inspect("{\n  \"a\": 1,\n  \"b\": ]\n}"))
                .isInstanceOf(EnvelopeParseException.class)
                .hasMessageEndingWith("(line 3, column 8)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "lone continuation byte         | 80",
            "invalid start byte             | ff",
            "truncated two-byte sequence    | c3",
            "truncated three-byte sequence  | e2 82",
            "truncated four-byte sequence   | f0 9f 98",
            "two-byte lead before ASCII     | c3 41",
            "overlong NUL                   | c0 80",
            "overlong three-byte slash      | e0 80 af",
            "encoded surrogate              | ed a0 80",
            "code point above U+10FFFF      | f4 90 80 80",
            "lead byte beyond F4            | f5 80 80 80",
    })
    void rejectsIllFormedUtf8AnywhereInThePayload(String what, String hex) {
        for (String place : List.of("{\"k\":\"a%sb\"}", "{\"k\":[{\"n\":\"a%sb\"}]}", "{\"a%sb\":1}")) {
            byte[] payload = withBytes(place, hex);

            assertThatThrownBy(() -> json.inspect(payload, 0, payload.length, "item 0 (event)"))
                    .as(what + " in " + place)
                    .isInstanceOf(EnvelopeParseException.class)
                    .hasMessageStartingWith("item 0 (event): payload is not valid UTF-8: byte 0x" + hex.substring(0, 2) + " at offset ");
        }
    }

    @Test
    void saysWhereTheIllFormedUtf8Is() {
        byte[] payload = withBytes("{\n \"k\":\"%s\"}", "c0 80");

        assertThatThrownBy(() -> json.inspect(payload, 0, payload.length, "item 2 (event)"))
                .hasMessage("item 2 (event): payload is not valid UTF-8: byte 0xc0 at offset 8 (line 2, byte 7 of the line)");
    }

    @Test
    void acceptsValidMultiByteUtf8() throws Exception {
        assertThat(inspect("{\"type\":\"événement ✓ 😀\"}").type()).isEqualTo("événement ✓ 😀");
    }

    @Test
    void acceptsNestingUpToTheDepthLimit() throws Exception {
        assertThat(inspect(nested(128))).isEqualTo(new PayloadFacts(null, null));
    }

    @Test
    void rejectsNestingOneBeyondTheDepthLimit() {
        assertThatThrownBy(() -> inspect(nested(129)))
                .isInstanceOf(EnvelopeParseException.class)
                .hasMessageStartingWith("item 0 (event): payload is not valid JSON: Document nesting depth (129) exceeds the maximum allowed (128");
    }

    @Test
    void sharesItsDepthLimitWithTheEnvelopeReader() {
        byte[] envelope = (nested(129) + "\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new EnvelopeReader(new JsonPayloads(128).factory(), 10).read(envelope))
                .isInstanceOf(EnvelopeParseException.class)
                .hasMessageContaining("nesting depth (129) exceeds the maximum allowed (128");
    }

    /** An object at depth 1 holding arrays down to {@code depth}. */
    private static String nested(int depth) {
        return "{\"a\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
    }

    private static byte[] withBytes(String template, String hex) {
        String[] parts = template.split("%s");
        byte[] before = parts[0].getBytes(StandardCharsets.UTF_8);
        byte[] after = parts[1].getBytes(StandardCharsets.UTF_8);
        String[] hexBytes = hex.split(" ");
        byte[] out = new byte[before.length + hexBytes.length + after.length];
        System.arraycopy(before, 0, out, 0, before.length);
        for (int i = 0; i < hexBytes.length; i++) {
            out[before.length + i] = (byte) Integer.parseInt(hexBytes[i], 16);
        }
        System.arraycopy(after, 0, out, before.length + hexBytes.length, after.length);
        return out;
    }

    private PayloadFacts inspect(String payload) throws EnvelopeParseException {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return json.inspect(bytes, 0, bytes.length, "item 0 (event)");
    }

    /** Facts of every event or transaction payload the request carries (store body or envelope items). */
    private List<PayloadFacts> eventPayloadFacts(Request request) throws Exception {
        byte[] body = request.decoded();
        if (!request.isEnvelope()) {
            return List.of(json.inspect(body, 0, body.length, request.name()));
        }
        List<EnvelopeItem> items = new EnvelopeReader(json.factory(), 1000).read(body).items();
        List<PayloadFacts> facts = new ArrayList<>();
        for (EnvelopeItem item : items) {
            if (item.itemType().isEvent()) {
                facts.add(json.inspect(item.source(), item.offset(), item.length(), request.name()));
            }
        }
        return facts;
    }
}
