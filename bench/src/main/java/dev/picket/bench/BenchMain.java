package dev.picket.bench;

/** The load generator's command line: {@code java -jar bench/target/picket-bench.jar --help}. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("picket-bench: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        Bench bench = new Bench(options);
        BenchReport report = options.serverJar() != null
                ? bench.runStartingPicket(PicketServer.fromJar(options.serverJar()))
                : bench.runAgainstRunningPicket();
        System.out.print(report.format());
    }
}
