package dev.picket.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.picket.protocol.compress.Body;
import dev.picket.protocol.compress.BodyReader;
import dev.picket.protocol.compress.Encoders;
import dev.picket.protocol.compress.MalformedBodyException;
import dev.picket.protocol.compress.UnsupportedContentEncodingException;
import dev.picket.protocol.envelope.Envelope;
import dev.picket.protocol.envelope.EnvelopeItem;
import dev.picket.protocol.envelope.EnvelopeParseException;
import dev.picket.protocol.envelope.EnvelopeReader;
import dev.picket.protocol.json.EnvelopeWriter;
import dev.picket.protocol.json.JsonPayloads;
import dev.picket.protocol.json.PayloadFacts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Any bytes at all go through the whole ingestion path (decode, envelope, limits, JSON checks, and
 * the store endpoint's re-wrapping) and either pass or fail with one of the declared checked
 * exceptions; anything else (a runtime exception, an error, a hang) is a finding.
 *
 * <p>Input layout, so that seeds stay readable: byte 0 picks the Content-Encoding ({@code '0'} none,
 * {@code '1'} gzip, {@code '2'} zlib deflate, {@code '3'} raw deflate, {@code '4'} br, {@code '5'}
 * zstd, {@code '6'} gzip then br); byte 1 is {@code 'e'} to encode the rest before sending it (so the
 * envelope reader gets fuzzed through a valid encoding), anything else to send the rest as it is
 * (so the decoders get fuzzed).
 */
class IngestFuzzTest {

    private static final List<List<Encoders>> ENCODINGS = List.of(
            List.of(),
            List.of(Encoders.GZIP),
            List.of(Encoders.ZLIB_DEFLATE),
            List.of(Encoders.RAW_DEFLATE),
            List.of(Encoders.BROTLI),
            List.of(Encoders.ZSTD),
            List.of(Encoders.GZIP, Encoders.BROTLI));

    /** Small limits, so that limit paths are reached by small inputs. */
    private static final IngestLimits LIMITS = new IngestLimits(32 * 1024, 64 * 1024, 4 * 1024, 16 * 1024, 20, 16);
    private static final BodyReader BODIES = new BodyReader(LIMITS.maxCompressedBody(), LIMITS.maxBody());
    private static final JsonPayloads JSON = new JsonPayloads(LIMITS.maxJsonDepth());
    private static final EnvelopeReader ENVELOPES = new EnvelopeReader(JSON.factory(), LIMITS.maxItems());

    @FuzzTest(maxDuration = "30s")
    void ingestsAnyBytesFailingOnlyWithADeclaredReason(byte[] input) throws IOException {
        if (input.length < 2) {
            return;
        }
        List<Encoders> codings = ENCODINGS.get(Math.floorMod(input[0] - '0', ENCODINGS.size()));
        boolean encodeFirst = input[1] == 'e';
        byte[] body = Arrays.copyOfRange(input, 2, input.length);
        byte[] wire = encodeFirst ? encode(codings, body) : body;
        String contentEncoding = codings.stream().map(e -> e.header).collect(Collectors.joining(", "));

        Body decoded;
        try {
            decoded = BODIES.read(new ByteArrayInputStream(wire), contentEncoding);
        } catch (LimitExceededException | UnsupportedContentEncodingException e) {
            return;
        } catch (MalformedBodyException e) {
            if (encodeFirst) {
                throw new AssertionError("a body we encoded ourselves did not decode", e);
            }
            return;
        }
        if (encodeFirst) {
            assertThat(Arrays.copyOf(decoded.bytes(), decoded.length())).isEqualTo(body);
        }
        readAsEnvelope(decoded);
        readAsStoreBody(decoded);
    }

    private static void readAsEnvelope(Body body) {
        try {
            Envelope envelope = ENVELOPES.read(body.bytes(), body.length());
            LIMITS.check(envelope);
            for (int i = 0; i < envelope.items().size(); i++) {
                EnvelopeItem item = envelope.items().get(i);
                if (item.itemType().isJson()) {
                    JSON.inspect(item.source(), item.offset(), item.length(), "item " + i + " (" + item.type() + ")");
                }
            }
        } catch (EnvelopeParseException | LimitExceededException e) {
            // Declared: the sender gets the reason.
        }
    }

    /** The store endpoint keeps a JSON body as a one-item envelope, which must read back unchanged. */
    private static void readAsStoreBody(Body body) {
        PayloadFacts facts;
        try {
            facts = JSON.inspect(body.bytes(), 0, body.length(), "store body");
        } catch (EnvelopeParseException e) {
            return;
        }
        byte[] envelope = EnvelopeWriter.single(facts.eventId(), "event", body.bytes(), 0, body.length());
        try {
            EnvelopeItem item = ENVELOPES.read(envelope).items().getFirst();
            assertThat(item.payload()).isEqualTo(Arrays.copyOf(body.bytes(), body.length()));
        } catch (EnvelopeParseException | LimitExceededException e) {
            throw new AssertionError("an envelope we wrote did not read back", e);
        }
    }

    private static byte[] encode(List<Encoders> codings, byte[] body) {
        byte[] out = body;
        for (Encoders coding : codings) {
            out = coding.encode(out);
        }
        return out;
    }
}
