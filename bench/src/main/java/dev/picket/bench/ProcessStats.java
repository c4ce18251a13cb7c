package dev.picket.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A process's memory and CPU from Linux's {@code /proc}: peak resident set ({@code VmHWM}),
 * current resident set ({@code VmRSS}) and CPU time (user + system ticks of {@code stat}).
 */
public record ProcessStats(long peakRssKb, long rssKb, double cpuSeconds) {

    /** Linux reports {@code stat} times in USER_HZ, which is 100 on every mainstream architecture. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** @throws IOException when the process is gone or {@code /proc} is not there (not Linux) */
    public static ProcessStats of(long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        List<String> status = Files.readAllLines(proc.resolve("status"));
        String stat = Files.readString(proc.resolve("stat"));
        // The command name in parentheses may hold spaces: fields are counted after its closing one.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return new ProcessStats(kilobytes(status, "VmHWM:"), kilobytes(status, "VmRSS:"), ticks / TICKS_PER_SECOND);
    }

    private static long kilobytes(List<String> status, String field) throws IOException {
        for (String line : status) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
            }
        }
        throw new IOException("no " + field + " in /proc status");
    }

    public double peakRssMb() {
        return peakRssKb / 1024.0;
    }
}
