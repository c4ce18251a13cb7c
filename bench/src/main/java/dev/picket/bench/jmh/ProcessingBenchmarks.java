package dev.picket.bench.jmh;

import dev.picket.processing.grouping.Grouper;
import dev.picket.processing.grouping.GroupingResult;
import dev.picket.processing.normalize.EventNormalizer;
import dev.picket.processing.normalize.NormalizeContext;
import dev.picket.processing.normalize.NormalizedEvent;
import dev.picket.processing.scrub.ScrubReport;
import dev.picket.processing.scrub.Scrubber;
import dev.picket.processing.scrub.ScrubbingConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What processing does to every event: read it into a tree, normalize it, group it, scrub it.
 * Normalizing and scrubbing edit the event in place, so they work on a copy; {@link #copyEvent}
 * is that copy's cost alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ProcessingBenchmarks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private byte[] eventJson;
    private ObjectNode event;
    private final EventNormalizer normalizer = new EventNormalizer();
    private final Grouper grouper = new Grouper();
    private final Scrubber scrubber = new Scrubber();
    private final ScrubbingConfig scrubbing = ScrubbingConfig.defaults();

    @Setup
    public void setUp() {
        eventJson = new SampleEvent().eventJson;
        event = (ObjectNode) JSON.readTree(eventJson);
    }

    @Benchmark
    public ObjectNode readEventTree() {
        return (ObjectNode) JSON.readTree(eventJson);
    }

    @Benchmark
    public NormalizedEvent normalizeEventCopy() {
        return normalizer.normalize(event.deepCopy(), new NormalizeContext("event", System.currentTimeMillis(), null));
    }

    @Benchmark
    public GroupingResult groupEvent() {
        return grouper.group(event);
    }

    @Benchmark
    public ObjectNode copyEvent() {
        return event.deepCopy();
    }

    @Benchmark
    public ScrubReport scrubEventCopy() {
        return scrubber.scrub(event.deepCopy(), scrubbing);
    }
}
