package dev.picket.bench.jmh;

import dev.picket.bench.EventFactory;
import dev.picket.processing.grouping.Grouper;
import java.nio.charset.StandardCharsets;
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
 * Grouping as the server sees it: many events of a hundred issues, each read afresh (so no string
 * of one event is shared with the last, as with {@code groupEvent}'s single tree). Per event; the
 * reading alone is {@link #readEvents}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class GroupingBenchmarks {

    private static final int EVENTS = 2_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final byte[][] eventJson = new byte[EVENTS][];
    private final Grouper grouper = new Grouper();

    @Setup
    public void setUp() {
        EventFactory events = new EventFactory(100, 1000, 0, 1);
        for (int i = 0; i < EVENTS; i++) {
            // The envelope is a header line, an item header line, then the event and a newline.
            String envelope = new String(events.nextEnvelope(), StandardCharsets.UTF_8);
            int payloadStart = envelope.indexOf('\n', envelope.indexOf('\n') + 1) + 1;
            eventJson[i] = envelope.substring(payloadStart, envelope.length() - 1).getBytes(StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void readEvents(Blackhole out) {
        for (byte[] json : eventJson) {
            out.consume(JSON.readTree(json));
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void readAndGroupEvents(Blackhole out) {
        for (byte[] json : eventJson) {
            ObjectNode event = (ObjectNode) JSON.readTree(json);
            out.consume(grouper.group(event));
        }
    }
}
