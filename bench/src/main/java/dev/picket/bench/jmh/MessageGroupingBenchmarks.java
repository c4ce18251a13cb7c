package dev.picket.bench.jmh;

import dev.picket.processing.grouping.Grouper;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Grouping events that carry only a message, each with a fresh number or id as real messages
 * often do. More distinct messages than the parameterizer's cache holds, so every one is
 * parameterized afresh. Per event.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class MessageGroupingBenchmarks {

    private static final int EVENTS = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode[] events = new ObjectNode[EVENTS];
    private final Grouper grouper = new Grouper();

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < EVENTS; i++) {
            ObjectNode event = JSON.createObjectNode();
            event.putObject("logentry").put("formatted", message(i % 12, random));
            events[i] = event;
        }
    }

    private static String message(int kind, SplittableRandom random) {
        int n = random.nextInt(1_000_000);
        return switch (kind) {
            case 0 -> "TimeoutError while fetching order " + n;
            case 1 -> "Connection refused: connect to 10.0." + n % 256 + "." + n % 200 + ":5432";
            case 2 -> "User " + new UUID(random.nextLong(), random.nextLong()) + " not found";
            case 3 -> "Request GET /api/orders/" + n + " took " + n % 5000 + "ms";
            case 4 -> "Invalid value for field 'quantity': -" + n % 100;
            case 5 -> "Could not acquire lock 0x" + Long.toHexString(random.nextLong()) + " after 30 seconds";
            case 6 -> "Payment declined for customer cus_" + Integer.toString(n, 36) + " (amount=" + n % 1000 + "." + n % 100 + ")";
            case 7 -> "Failed to send mail to user" + n + "@example.com";
            case 8 -> "KeyError: 'session_" + n + "'";
            case 9 -> "HTTPError: 503 Server Error for url: https://api.example.com/v1/items/" + n;
            case 10 -> "Deadlock detected at 2026-11-26T02:" + n % 60 / 10 + n % 10 + ":07Z on table orders";
            default -> "Cannot read properties of undefined (reading 'id') in handler " + n;
        };
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void groupMessages(Blackhole out) {
        for (ObjectNode event : events) {
            out.consume(grouper.group(event));
        }
    }
}
