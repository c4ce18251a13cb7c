package dev.picket.protocol.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picket.protocol.LimitExceededException;
import dev.picket.protocol.ReferenceRequests;
import dev.picket.protocol.ReferenceRequests.Request;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BodyReaderTest {

    private static final int MIB = 1024 * 1024;
    private static final byte[] EVENT = "{\"event_id\":\"ef9759071e084fa4895d25f3354c5ff8\",\"message\":\"hello\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final BodyReader reader = new BodyReader(20L * MIB, 50L * MIB);

    static List<Request> referenceRequests() {
        return ReferenceRequests.all();
    }

    @ParameterizedTest
    @MethodSource("referenceRequests")
    void decodesEveryReferenceBodyWithItsOwnContentEncoding(Request request) throws Exception {
        Body body = reader.read(new ByteArrayInputStream(request.body()), request.header("Content-Encoding"));

        assertThat(bytes(body)).as(request.name()).isEqualTo(request.decoded());
    }

    @ParameterizedTest
    @EnumSource(Encoders.class)
    void decodesEveryReferenceBodyReEncodedWith(Encoders encoder) throws Exception {
        for (Request request : ReferenceRequests.all()) {
            Body body = reader.read(new ByteArrayInputStream(encoder.encode(request.decoded())), encoder.header);

            assertThat(bytes(body)).as(request.name()).isEqualTo(request.decoded());
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "identity", "IDENTITY", " identity , "})
    void passesAnUnencodedBodyThrough(String contentEncoding) throws Exception {
        Body body = reader.read(new ByteArrayInputStream(EVENT), contentEncoding);

        assertThat(bytes(body)).isEqualTo(EVENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GZIP", "x-gzip", "Gzip"})
    void readsEncodingNamesWithoutRegardToCase(String contentEncoding) throws Exception {
        Body body = reader.read(new ByteArrayInputStream(Encoders.GZIP.encode(EVENT)), contentEncoding);

        assertThat(bytes(body)).isEqualTo(EVENT);
    }

    @Test
    void undoesAListOfEncodingsLastFirst() throws Exception {
        byte[] wire = Encoders.BROTLI.encode(Encoders.GZIP.encode(EVENT));

        Body body = reader.read(new ByteArrayInputStream(wire), "gzip, br");

        assertThat(bytes(body)).isEqualTo(EVENT);
    }

    @Test
    void rejectsAnEncodingItDoesNotKnow() {
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(EVENT), "gzip, compress"))
                .isInstanceOf(UnsupportedContentEncodingException.class)
                .hasMessage("unsupported Content-Encoding \"compress\": use gzip, deflate, br or zstd");
    }

    @ParameterizedTest
    @EnumSource(Encoders.class)
    void rejectsATruncatedStreamAsMalformed(Encoders encoder) {
        byte[] wire = encoder.encode(ReferenceRequests.named("node-sdk-11.12.0/001.json").decoded());
        byte[] truncated = Arrays.copyOf(wire, wire.length / 2);

        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(truncated), encoder.header))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageStartingWith("body is not valid " + displayName(encoder) + ": ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "deflate", "br", "zstd"})
    void rejectsAPlainBodyLabelledAsCompressed(String contentEncoding) {
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(EVENT), contentEncoding))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageStartingWith("body is not valid ");
    }

    @Test
    void rejectsGzipWhoseChecksumDoesNotMatch() {
        byte[] wire = Encoders.GZIP.encode(EVENT);
        wire[wire.length - 8] ^= 0x01; // first byte of the CRC-32 in the gzip trailer

        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(wire), "gzip"))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageStartingWith("body is not valid gzip: Corrupt GZIP trailer");
    }

    @Test
    void rejectsAnEmptyBodyLabelledGzip() {
        assertThatThrownBy(() -> reader.read(InputStream.nullInputStream(), "gzip"))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageStartingWith("body is not valid gzip");
    }

    @Test
    void rejectsAnUnencodedBodyLargerThanTheLimitAsSent() {
        BodyReader small = new BodyReader(1024, 4096);

        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(new byte[1025]), null))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("body is larger than 1 KiB");
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() throws Exception {
        BodyReader small = new BodyReader(1024, 1024);

        assertThat(small.read(new ByteArrayInputStream(new byte[1024]), null).length()).isEqualTo(1024);
    }

    @Test
    void acceptsTheLargestLimitAsNoLimitOnBytesSent() throws Exception {
        BodyReader unlimited = new BodyReader(Long.MAX_VALUE, 1024);

        assertThat(bytes(unlimited.read(new ByteArrayInputStream(EVENT), null))).isEqualTo(EVENT);
    }

    @Test
    void rejectsACompressedBodyLargerThanTheLimitAsSentWithoutReadingTheRest() {
        byte[] wire = Encoders.GZIP.encode(ReferenceRequests.named("node-sdk-11.12.0/001.json").decoded());
        CountingStream chunked = new CountingStream(new ByteArrayInputStream(wire));
        BodyReader small = new BodyReader(512, 50L * MIB);

        assertThatThrownBy(() -> small.read(chunked, "gzip"))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("compressed body is larger than 512 bytes");
        assertThat(chunked.count).isEqualTo(513);
    }

    @Test
    void rejectsADecodedBodyLargerThanTheLimitNamingDecompression() {
        BodyReader small = new BodyReader(MIB, 4096);

        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(Encoders.ZSTD.encode(new byte[4097])), "zstd"))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("body is larger than 4 KiB when decompressed");
    }

    @Test
    void letsAFailureOfTheRequestStreamThroughAsAnIoError() {
        IOException reset = new IOException("Connection reset by peer");
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw reset;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw reset;
            }
        };

        assertThatThrownBy(() -> reader.read(failing, "gzip")).isSameAs(reset);
    }

    @Test
    void leavesTheRequestStreamOpen() throws Exception {
        CountingStream request = new CountingStream(new ByteArrayInputStream(Encoders.GZIP.encode(EVENT)));

        reader.read(request, "gzip");

        assertThat(request.closed).isFalse();
    }

    private static String displayName(Encoders encoder) {
        return switch (encoder) {
            case GZIP -> "gzip";
            case ZLIB_DEFLATE, RAW_DEFLATE -> "deflate";
            case BROTLI -> "brotli";
            case ZSTD -> "zstd";
        };
    }

    @Test
    void reservesEachBufferBeforeAllocatingItAndKeepsOnlyTheBodysOwnReserved() throws Exception {
        RecordingMemory memory = new RecordingMemory();

        Body body = reader.read(new ByteArrayInputStream(new byte[100_000]), null, memory);

        assertThat(body.length()).isEqualTo(100_000);
        assertThat(memory.reserved).containsExactly(16_384L, 32_768L, 65_536L, 131_072L);
        assertThat(memory.held).isEqualTo(body.bytes().length).isEqualTo(131_072);
        assertThat(memory.mostHeld).as("an outgrown buffer is released once copied")
                .isEqualTo(65_536 + 131_072);
    }

    @Test
    void aReservationThatIsRefusedStopsReading() {
        CountingStream source = new CountingStream(new ByteArrayInputStream(new byte[100_000]));
        BufferMemory refusesLargeBuffers = new RecordingMemory() {
            @Override
            public void reserve(long bytes) {
                if (bytes > 32_768) {
                    throw new IllegalStateException("no room for " + bytes + " bytes");
                }
                super.reserve(bytes);
            }
        };

        assertThatThrownBy(() -> reader.read(source, null, refusesLargeBuffers))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no room for 65536 bytes");
        assertThat(source.count).isEqualTo(32_768);
    }

    /** Memory that grants everything and keeps account of it. */
    static class RecordingMemory implements BufferMemory {
        final List<Long> reserved = new ArrayList<>();
        long held;
        long mostHeld;

        @Override
        public void reserve(long bytes) {
            reserved.add(bytes);
            held += bytes;
            mostHeld = Math.max(mostHeld, held);
        }

        @Override
        public void release(long bytes) {
            held -= bytes;
        }
    }

    static byte[] bytes(Body body) {
        return Arrays.copyOf(body.bytes(), body.length());
    }

    /** A request stream that counts what was read from it. */
    static final class CountingStream extends InputStream {
        private final InputStream in;
        long count;
        boolean closed;

        CountingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
