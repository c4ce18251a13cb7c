package dev.picket.bench.jmh;

import dev.picket.protocol.compress.Body;
import dev.picket.protocol.compress.BodyReader;
import dev.picket.protocol.envelope.Envelope;
import dev.picket.protocol.envelope.EnvelopeItem;
import dev.picket.protocol.envelope.EnvelopeReader;
import dev.picket.protocol.json.JsonPayloads;
import dev.picket.protocol.json.PayloadFacts;
import java.io.ByteArrayInputStream;
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

/** What ingestion does to every request before it is durable: decompress, read the envelope, check the event JSON. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class IngestBenchmarks {

    private byte[] gzipped;
    private byte[] envelope;
    private BodyReader bodies;
    private EnvelopeReader envelopes;
    private JsonPayloads payloads;
    private EnvelopeItem event;

    @Setup
    public void setUp() throws Exception {
        SampleEvent sample = new SampleEvent();
        gzipped = sample.gzippedEnvelope;
        envelope = sample.envelope;
        // Picket's default limits (README, Limits).
        bodies = new BodyReader(20L << 20, 50L << 20);
        payloads = new JsonPayloads(128);
        envelopes = new EnvelopeReader(payloads.factory(), 1000);
        event = envelopes.read(envelope).items().getFirst();
    }

    @Benchmark
    public Body decompressGzip() throws Exception {
        return bodies.read(new ByteArrayInputStream(gzipped), "gzip");
    }

    @Benchmark
    public Envelope parseEnvelope() throws Exception {
        return envelopes.read(envelope);
    }

    @Benchmark
    public PayloadFacts inspectEventJson() throws Exception {
        return payloads.inspect(event.source(), event.offset(), event.length(), "item 0 (event)");
    }
}
