package dev.picket.alerts;

import java.util.Locale;

/**
 * The spike test. Under steady traffic, events arrive as a Poisson process: with the project's
 * baseline rate λ (events per hour over its recent hours), the count of an M-minute window is
 * Poisson with mean μ = λ·M/60. A window spikes when the chance of at least its count,
 * P(X ≥ observed | μ), is below {@link #SIGNIFICANCE}, and the count is also at least
 * {@link #MIN_RATIO} times μ and at least {@link #MIN_EVENTS}: real traffic varies more than
 * Poisson's, so a large project's slight excess would pass the p-value alone, and a quiet project's
 * handful of events is no spike.
 */
final class PoissonSpike {

    static final double SIGNIFICANCE = 1e-6;
    static final double MIN_RATIO = 2;
    static final long MIN_EVENTS = 10;
    /** A window is never judged as if fewer events than this were expected: silence is no baseline. */
    static final double MIN_EXPECTED = 1;

    private PoissonSpike() {
    }

    /** The test's numbers, which the notification shows. */
    record Verdict(long observed, int windowMinutes, double baselinePerHour, double expected, double pValue) {

        boolean spike() {
            return pValue < SIGNIFICANCE && observed >= MIN_RATIO * expected && observed >= MIN_EVENTS;
        }

        /** Why a rule over all the project's events fired. */
        String reason() {
            return reason("the project's");
        }

        /** Why a rule with filters fired: its baseline is of the matching events alone. */
        String reasonForMatchingEvents() {
            return reason("the matching events'");
        }

        private String reason(String whose) {
            return String.format(Locale.ROOT, "Spike: %d events in the last %d minutes, where %s hourly "
                            + "baseline (%.1f events/hour) expects %.1f; Poisson P(X >= %d) = %.2g < %s",
                    observed, windowMinutes, whose, baselinePerHour, expected, observed, pValue, SIGNIFICANCE);
        }
    }

    static Verdict judge(long observed, double baselinePerHour, int windowMinutes) {
        double expected = Math.max(baselinePerHour * windowMinutes / 60.0, MIN_EXPECTED);
        return new Verdict(observed, windowMinutes, baselinePerHour, expected, upperTail(observed, expected));
    }

    /** P(X ≥ k) for X ~ Poisson(μ); terms are built in log space so that large counts neither overflow nor vanish early. */
    static double upperTail(long k, double mu) {
        if (k <= 0) {
            return 1;
        }
        double logMu = Math.log(mu);
        double logTerm = -mu;
        if (k <= mu) {
            double below = 0;
            for (long i = 0; i < k; i++) {
                if (i > 0) {
                    logTerm += logMu - Math.log(i);
                }
                below += Math.exp(logTerm);
            }
            return Math.max(0, 1 - below);
        }
        for (long i = 1; i <= k; i++) {
            logTerm += logMu - Math.log(i);
        }
        // Past the mean the terms shrink ever faster, so the sum ends soon.
        double sum = 0;
        double term = Math.exp(logTerm);
        for (long i = k + 1; term > 0 && term > sum * 1e-17; i++) {
            sum += term;
            term *= mu / i;
        }
        return Math.min(1, sum);
    }
}
