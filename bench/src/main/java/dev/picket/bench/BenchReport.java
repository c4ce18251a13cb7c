package dev.picket.bench;

import java.util.List;
import java.util.Locale;

/**
 * Everything one bench run measured. Absent parts are null (no discard run, no half-peak run,
 * no process to read) or NaN (readiness of a server the bench did not start).
 */
public record BenchReport(int envelopes, double meanEnvelopeBytes, double meanGzipBytes, List<String> jvmFlags,
                          double readySeconds, LoadResult discard, LoadResult picket, long processed,
                          double processedPerSecond, boolean drained, ProcessStats serverAfterLoad,
                          double serverCpuSecondsUnderLoad, double halfRate, LoadResult atHalfRate,
                          String startupLogLine) {

    public BenchReport withStartupLogLine(String line) {
        return new BenchReport(envelopes, meanEnvelopeBytes, meanGzipBytes, jvmFlags, readySeconds, discard, picket,
                processed, processedPerSecond, drained, serverAfterLoad, serverCpuSecondsUnderLoad, halfRate, atHalfRate, line);
    }

    public String format() {
        StringBuilder out = new StringBuilder();
        line(out, "envelopes per run", "%d (mean %.0f bytes of JSON, %.0f bytes gzip)", envelopes, meanEnvelopeBytes, meanGzipBytes);
        if (jvmFlags != null) {
            line(out, "Picket JVM flags", "%s", jvmFlags.isEmpty() ? "(none)" : String.join(" ", jvmFlags));
        }
        if (!Double.isNaN(readySeconds)) {
            line(out, "ready after", "%.2f s (launch to /actuator/health 200)", readySeconds);
            if (startupLogLine != null && !startupLogLine.isEmpty()) {
                line(out, "", "Picket's log: %s", startupLogLine);
            }
        }
        if (discard != null) {
            run(out, "discard server", discard);
        }
        run(out, "Picket, peak", picket);
        line(out, "processed end to end", drained
                ? "%.0f events/s (%d rows processed by the time the last one was)"
                : "incomplete: %.0f events/s so far, %d rows processed before the drain timeout", processedPerSecond, processed);
        if (serverAfterLoad != null) {
            line(out, "Picket peak RSS", "%.0f MB (VmHWM); RSS after load %.0f MB", serverAfterLoad.peakRssMb(), serverAfterLoad.rssKb() / 1024.0);
            line(out, "Picket CPU under load", "%.1f s user+system for the peak run and its processing", serverCpuSecondsUnderLoad);
        }
        if (atHalfRate != null) {
            run(out, String.format(Locale.ROOT, "Picket at %.0f/s", halfRate), atHalfRate);
        }
        if (discard != null && discard.acceptedPerSecond() > 0) {
            line(out, "Picket / discard", "%.1f %%", 100 * picket.acceptedPerSecond() / discard.acceptedPerSecond());
        }
        return out.toString();
    }

    private static void run(StringBuilder out, String name, LoadResult result) {
        line(out, name, "%.0f accepted/s (%d of %d in %.2f s); latency ms p50 %.2f p95 %.2f p99 %.2f max %.2f",
                result.acceptedPerSecond(), result.accepted(), result.sent(), result.elapsedSeconds(),
                result.latencies().percentileMillis(50), result.latencies().percentileMillis(95),
                result.latencies().percentileMillis(99), result.latencies().maxMillis());
        if (result.accepted() != result.sent()) {
            line(out, "", "refused: 429 %d, other 4xx %d, 5xx %d, transport failures %d; first: %s",
                    result.tooManyRequests(), result.otherClientErrors(), result.serverErrors(),
                    result.transportFailures(), result.firstFailure());
        }
    }

    private static void line(StringBuilder out, String name, String format, Object... args) {
        out.append(String.format(Locale.ROOT, "%-24s %s%n", name, String.format(Locale.ROOT, format, args)));
    }
}
