package dev.picket.protocol.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picket.protocol.LimitExceededException;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A small body that inflates to 1 GiB must be stopped at the decompressed limit, having
 * allocated about the limit, not the gigabyte.
 */
class DecompressionBombTest {

    private static final long GIB = 1024L * 1024 * 1024;
    private static final int LIMIT = 8 * 1024 * 1024;

    private final BodyReader reader = new BodyReader(20L * 1024 * 1024, LIMIT);

    @ParameterizedTest
    @EnumSource(value = Encoders.class, names = {"GZIP", "ZSTD", "BROTLI"})
    void stopsAGigabyteOfZerosAtTheDecompressedLimit(Encoders encoder) {
        byte[] bomb = encoder.encodeZeros(GIB);

        long allocated = allocatedWhile(() -> assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bomb), encoder.header))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("body is larger than 8 MiB when decompressed"));

        assertThat(bomb.length).isLessThan(LIMIT);
        assertThat(allocated).isLessThan(4L * LIMIT);
    }

    @Test
    void stopsAGzipBombCompressedTwiceAtTheDecompressedLimit() {
        byte[] bomb = Encoders.GZIP.encode(Encoders.GZIP.encodeZeros(GIB));

        long allocated = allocatedWhile(() -> assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bomb), "gzip, gzip"))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("body is larger than 8 MiB when decompressed"));

        assertThat(bomb.length).isLessThan(64 * 1024);
        assertThat(allocated).isLessThan(4L * LIMIT);
    }

    /** Bytes this thread allocated on the heap while {@code action} ran. */
    private static long allocatedWhile(Runnable action) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        action.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
