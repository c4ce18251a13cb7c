package dev.picket.serverless.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The local runner's command line: which handler, which event, how many invocations, which timeout. */
record RunnerArguments(String handlerClass, Path event, int invocations, Duration timeout) {

    static final String USAGE = "usage: LocalLambdaRunner <handler class> <event.json> [invocations, 2] [timeout-ms, 3000]";

    static RunnerArguments parse(String... args) {
        if (args.length < 2 || args.length > 4) {
            throw new IllegalArgumentException("expected 2 to 4 arguments, got " + args.length);
        }
        Path event = Path.of(args[1]);
        if (!Files.isReadable(event)) {
            throw new IllegalArgumentException("cannot read the event file " + event.toAbsolutePath());
        }
        int invocations = args.length > 2 ? positive(args[2], "invocations") : 2;
        Duration timeout = Duration.ofMillis(args.length > 3 ? positive(args[3], "timeout-ms") : 3000);
        return new RunnerArguments(args[0], event, invocations, timeout);
    }

    private static int positive(String value, String what) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException(what + " must be a whole number above 0, was '" + value + "'");
    }
}
