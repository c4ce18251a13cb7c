package dev.picket.traces;

import dev.picket.web.RelativeTime;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Durations, shares and epoch-millisecond times as the trace, performance and function pages print them. */
@Component("perfText")
public class PerformanceText {

    private final RelativeTime time;

    PerformanceText(RelativeTime time) {
        this.time = time;
    }

    /** "850 ms", "12.4 ms", "3.20 s"; a dash for none. */
    public String duration(Double millis) {
        return millis == null ? "–" : durationText(millis);
    }

    static String durationText(double millis) {
        if (millis >= 1000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1000);
        }
        return String.format(Locale.ROOT, millis >= 100 ? "%.0f ms" : "%.1f ms", millis);
    }

    /** "12.5 %"; a dash for none. */
    public String percent(Double share) {
        return share == null ? "–" : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    public String ago(long epochMillis) {
        return time.ago(Instant.ofEpochMilli(epochMillis));
    }

    public String exact(long epochMillis) {
        return time.exact(Instant.ofEpochMilli(epochMillis));
    }
}
