package dev.picket.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Times as people read them on a page: "5 minutes ago", with the exact UTC time for a tooltip. */
@Component("time")
public class RelativeTime {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;

    RelativeTime() {
        this(Clock.systemUTC());
    }

    RelativeTime(Clock clock) {
        this.clock = clock;
    }

    public String ago(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration age = Duration.between(instant, clock.instant());
        if (age.isNegative()) {
            return "in the future";
        }
        long seconds = age.toSeconds();
        if (seconds < 60) {
            return "just now";
        }
        if (seconds < 3600) {
            return plural(seconds / 60, "minute") + " ago";
        }
        if (seconds < 86_400) {
            return plural(seconds / 3600, "hour") + " ago";
        }
        if (seconds < 86_400L * 60) {
            return plural(seconds / 86_400, "day") + " ago";
        }
        if (seconds < 86_400L * 730) {
            return plural(seconds / (86_400L * 30), "month") + " ago";
        }
        return plural(seconds / (86_400L * 365), "year") + " ago";
    }

    public String exact(Instant instant) {
        return instant == null ? "" : EXACT.format(instant);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
