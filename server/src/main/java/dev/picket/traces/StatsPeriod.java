package dev.picket.traces;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code statsPeriod} as Sentry writes it (a number and a unit: 30m, 24h, 7d, 2w), ending now.
 *
 * @param from inclusive
 * @param to   exclusive, a second after now, so that what arrived this instant counts
 */
record StatsPeriod(String text, Instant from, Instant to) {

    static final String DEFAULT = "24h";

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,4})([mhdw])");
    private static final Duration LONGEST = Duration.ofDays(90);

    /** @throws IllegalArgumentException saying what a period must look like */
    static StatsPeriod parse(String text, Instant now) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("statsPeriod must be a number and a unit (m, h, d or w), like 24h");
        }
        long n = Long.parseLong(m.group(1));
        Duration period = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
        if (period.isZero() || period.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("statsPeriod must be between 1m and 90d");
        }
        return new StatsPeriod(text, now.minus(period), now.plusSeconds(1));
    }
}
