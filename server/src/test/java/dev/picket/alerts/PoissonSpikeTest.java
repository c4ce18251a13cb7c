package dev.picket.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The spike test on numbers: exact tails, and its verdicts over a generated week of traffic. */
class PoissonSpikeTest {

    private static final int MINUTES_PER_WEEK = 7 * 24 * 60;
    private static final int WINDOW = 10;

    @Test
    void theUpperTailIsPoissons() {
        // P(X >= 3 | 1) = 1 - e^-1 (1 + 1 + 1/2)
        assertThat(PoissonSpike.upperTail(3, 1)).isCloseTo(1 - Math.exp(-1) * 2.5, within(1e-12));
        // P(X >= 2 | 4) = 1 - e^-4 (1 + 4)
        assertThat(PoissonSpike.upperTail(2, 4)).isCloseTo(1 - Math.exp(-4) * 5, within(1e-12));
        // P(X >= 25 | 5), summed with exact fractions elsewhere: 1.599586e-10
        assertThat(PoissonSpike.upperTail(25, 5)).isCloseTo(1.599586e-10, within(1e-15));
        assertThat(PoissonSpike.upperTail(0, 4)).isEqualTo(1);
        assertThat(PoissonSpike.upperTail(20_000, 10)).isZero();
    }

    @Test
    void aWindowWithFiveTimesItsExpectedCountSpikes() {
        PoissonSpike.Verdict verdict = PoissonSpike.judge(25, 30, WINDOW);

        assertThat(verdict.expected()).isEqualTo(5);
        assertThat(verdict.spike()).isTrue();
        assertThat(verdict.reason()).isEqualTo("Spike: 25 events in the last 10 minutes, where the project's hourly "
                + "baseline (30.0 events/hour) expects 5.0; Poisson P(X >= 25) = 1.6e-10 < 1.0E-6");
    }

    @Test
    void aQuietProjectsHandfulOfEventsIsNoSpike() {
        assertThat(PoissonSpike.judge(9, 0, WINDOW).spike()).isFalse();
        assertThat(PoissonSpike.judge(12, 0, WINDOW).spike()).isTrue();
    }

    /**
     * A week of generated traffic, 30 events per hour on average with a day/night swing of ±30 %,
     * judged every minute on its last 10 minutes against the 7 days before, as the evaluator does:
     * at most 1 of the 10,080 judgments may be a false alarm, and a burst of 5 times the usual
     * rate for 10 minutes, injected into a second such week, must be found.
     */
    @Test
    void steadyTrafficRarelySpikesAndAnInjectedBurstDoes() {
        Random random = new Random(20_261_125L);
        int[] perMinute = traffic(random, 2 * MINUTES_PER_WEEK);

        int falseAlarms = spikes(perMinute, MINUTES_PER_WEEK, 2 * MINUTES_PER_WEEK);

        System.out.printf("spike test: %d false alarms in %d one-minute judgments of a generated week (%.4f %%)%n",
                falseAlarms, MINUTES_PER_WEEK, 100.0 * falseAlarms / MINUTES_PER_WEEK);
        assertThat(falseAlarms).isLessThanOrEqualTo(1);

        int burstStart = MINUTES_PER_WEEK + 3 * 24 * 60 + 14 * 60;
        for (int minute = burstStart; minute < burstStart + WINDOW; minute++) {
            perMinute[minute] += poisson(random, 4 * 0.5);
        }
        assertThat(spikes(perMinute, burstStart, burstStart + WINDOW)).isPositive();
    }

    /** How many minutes in [from, to) end a window judged a spike. */
    private static int spikes(int[] perMinute, int from, int to) {
        int spikes = 0;
        for (int minute = from; minute < to; minute++) {
            int hourStart = minute - minute % 60;
            long baseline = 0;
            for (int m = hourStart - MINUTES_PER_WEEK; m < hourStart; m++) {
                baseline += perMinute[m];
            }
            long window = 0;
            for (int m = minute - WINDOW + 1; m <= minute; m++) {
                window += perMinute[m];
            }
            if (PoissonSpike.judge(window, baseline / (7.0 * 24), WINDOW).spike()) {
                spikes++;
            }
        }
        return spikes;
    }

    private static int[] traffic(Random random, int minutes) {
        int[] counts = new int[minutes];
        for (int minute = 0; minute < minutes; minute++) {
            double dayPhase = 2 * Math.PI * (minute % (24 * 60)) / (24 * 60);
            counts[minute] = poisson(random, 0.5 * (1 + 0.3 * Math.sin(dayPhase)));
        }
        return counts;
    }

    /** Knuth's method: fine for the small means of one minute. */
    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
