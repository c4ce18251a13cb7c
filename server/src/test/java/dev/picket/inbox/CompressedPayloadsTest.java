package dev.picket.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Payloads stored compressed come back byte for byte, also when many threads share the kept contexts. */
class CompressedPayloadsTest {

    @Test
    void manyThreadsAtOnceEachGetTheirOwnPayloadBack() throws Exception {
        List<Callable<Boolean>> roundTrips = IntStream.range(0, 200).<Callable<Boolean>>mapToObj(i -> () -> {
            byte[] payload = ("{\"message\":\"payload " + i + "\",\"extra\":\"" + "x".repeat(i * 50) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] compressed = CompressedPayloads.compress(payload);
            return Arrays.equals(CompressedPayloads.decompress(compressed), payload);
        }).toList();
        try (ExecutorService threads = Executors.newFixedThreadPool(32)) {
            for (Future<Boolean> roundTrip : threads.invokeAll(roundTrips)) {
                assertThat(roundTrip.get()).isTrue();
            }
        }
    }

    @Test
    void somethingThatIsNotAZstdFrameIsRefusedWithAReason() {
        assertThatThrownBy(() -> CompressedPayloads.decompress("not zstd".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid zstd frame");
    }

    @Test
    void aTruncatedFrameIsRefusedWithAReason() {
        byte[] compressed = CompressedPayloads.compress("{\"message\":\"hello\"}".repeat(100).getBytes(StandardCharsets.UTF_8));
        byte[] truncated = Arrays.copyOf(compressed, compressed.length - 5);
        assertThatThrownBy(() -> CompressedPayloads.decompress(truncated))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid zstd frame");
    }
}
