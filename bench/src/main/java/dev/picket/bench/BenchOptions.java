package dev.picket.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The command line of {@link BenchMain}; see {@link #USAGE}. */
public record BenchOptions(Path serverJar, List<String> jvmFlags, String dsn, Long pid, int count, Duration maxDuration,
                           int concurrency, double rate, int groups, int users, double transactionShare,
                           boolean discard, Duration drainTimeout, long seed) {

    public static final String USAGE = """
            usage: java -jar bench/target/picket-bench.jar (--start-server JAR [--jvm-flags "FLAGS"] | --dsn DSN [--pid PID]) [options]
              --start-server JAR   start Picket from JAR on a free loopback port and a fresh data directory, stop it at the end
              --jvm-flags "FLAGS"  JVM flags for that Picket, e.g. "-Xmx256m -XX:+UseSerialGC"
              --dsn DSN            send to an already running Picket (loopback only); --pid PID adds its memory and CPU
              --count N            envelopes per run (default 20000)
              --duration SECONDS   stop a run after this long even if not all were sent (default 300)
              --concurrency N      requests in flight at most (default 32)
              --rate R             send at R envelopes/s instead of as fast as possible (skips the half-peak run)
              --groups N           distinct issues among the error events (default 100)
              --users N            distinct users (default 1000)
              --transactions S     share of transactions, 0..1 (default 0)
              --no-discard         skip the run against the discard server
              --drain-timeout S    how long to wait for Picket to process what it accepted (default 120)
              --seed N             random seed for the generated events (default 1)
            """;

    public static BenchOptions parse(String... args) {
        Path jar = null;
        List<String> flags = List.of();
        String dsn = null;
        Long pid = null;
        int count = 20_000;
        Duration duration = Duration.ofSeconds(300);
        int concurrency = 32;
        double rate = 0;
        int groups = 100;
        int users = 1000;
        double transactions = 0;
        boolean discard = true;
        Duration drain = Duration.ofSeconds(120);
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--no-discard" -> discard = false;
                case "--start-server" -> jar = Path.of(value(args, ++i, option));
                case "--jvm-flags" -> flags = Arrays.stream(value(args, ++i, option).trim().split("\\s+")).filter(f -> !f.isEmpty()).toList();
                case "--dsn" -> dsn = value(args, ++i, option);
                case "--pid" -> pid = number(args, ++i, option, 1, Long.MAX_VALUE);
                case "--count" -> count = (int) number(args, ++i, option, 1, 2_000_000);
                case "--duration" -> duration = Duration.ofSeconds(number(args, ++i, option, 1, 3600));
                case "--concurrency" -> concurrency = (int) number(args, ++i, option, 1, 4096);
                case "--rate" -> rate = fraction(args, ++i, option, 1, 1_000_000);
                case "--groups" -> groups = (int) number(args, ++i, option, 1, Integer.MAX_VALUE);
                case "--users" -> users = (int) number(args, ++i, option, 1, Integer.MAX_VALUE);
                case "--transactions" -> transactions = fraction(args, ++i, option, 0, 1);
                case "--drain-timeout" -> drain = Duration.ofSeconds(number(args, ++i, option, 1, 3600));
                case "--seed" -> seed = number(args, ++i, option, Long.MIN_VALUE, Long.MAX_VALUE);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if ((jar == null) == (dsn == null)) {
            throw new IllegalArgumentException("give exactly one of --start-server JAR and --dsn DSN");
        }
        if (dsn != null) {
            IngestTarget.fromDsn(dsn);
            if (!flags.isEmpty()) {
                throw new IllegalArgumentException("--jvm-flags applies only with --start-server");
            }
        }
        if (pid != null && jar != null) {
            throw new IllegalArgumentException("--pid applies only with --dsn: a started server's pid is known");
        }
        return new BenchOptions(jar, flags, dsn, pid, count, duration, concurrency, rate, groups, users, transactions,
                discard, drain, seed);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static long number(String[] args, int index, String option, long min, long max) {
        String text = value(args, index, option);
        try {
            long n = Long.parseLong(text);
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not '" + text + "'", e);
        }
    }

    private static double fraction(String[] args, int index, String option, double min, double max) {
        String text = value(args, index, option);
        try {
            double n = Double.parseDouble(text);
            if (!(n >= min && n <= max)) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not " + text);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not '" + text + "'", e);
        }
    }
}
