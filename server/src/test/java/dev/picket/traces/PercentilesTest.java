package dev.picket.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    /** The definition itself, by brute force: the smallest value with at least p % of values at or below it. */
    private static double reference(double[] values, double p) {
        double best = Double.NaN;
        for (double candidate : values) {
            long atOrBelow = Arrays.stream(values).filter(v -> v <= candidate).count();
            if (atOrBelow * 100.0 >= p * values.length && (Double.isNaN(best) || candidate < best)) {
                best = candidate;
            }
        }
        return best;
    }

    @Test
    void nearestRankPercentilesAreExactOnAGeneratedDataSet() {
        Random random = new Random(42);
        for (int size : new int[] {1, 2, 3, 10, 99, 100, 101, 1000, 1234}) {
            double[] durations = random.doubles(size, 0.1, 5000).map(d -> Math.round(d * 10) / 10.0).toArray();
            double[] sorted = durations.clone();
            Arrays.sort(sorted);
            for (double p : new double[] {50, 75, 95, 99, 100}) {
                assertThat(Percentiles.nearestRank(sorted, 0, size, p)).as("p%s of %s values", p, size)
                        .isEqualTo(reference(durations, p));
            }
        }
    }

    @Test
    void worksOnASliceOfALargerArray() {
        double[] sorted = {1, 2, 3, 10, 20, 30, 40};
        assertThat(Percentiles.nearestRank(sorted, 3, 7, 50)).isEqualTo(20);
        assertThat(Percentiles.nearestRank(sorted, 3, 7, 99)).isEqualTo(40);
    }
}
