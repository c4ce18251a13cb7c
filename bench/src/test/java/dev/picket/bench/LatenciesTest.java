package dev.picket.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankOverTheRecordedValuesOnly() {
        long[] nanos = new long[200];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L;
        }
        Latencies latencies = new Latencies(nanos, 100);

        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
        assertThat(latencies.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void nothingRecordedHasNoPercentiles() {
        assertThat(new Latencies(new long[0], 0).percentileMillis(99)).isNaN();
    }
}
