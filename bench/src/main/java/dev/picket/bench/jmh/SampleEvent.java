package dev.picket.bench.jmh;

import dev.picket.bench.EventFactory;
import dev.picket.bench.Gzip;
import java.nio.charset.StandardCharsets;

/** What the benchmarks work on: a generated error event near the load generator's mean size (about 6 KB), with its envelope. */
final class SampleEvent {

    private static final int MIN_BYTES = 5_500;
    private static final int MAX_BYTES = 7_500;

    final byte[] envelope;
    final byte[] gzippedEnvelope;
    final byte[] eventJson;

    SampleEvent() {
        EventFactory events = new EventFactory(100, 1000, 0, 1);
        byte[] candidate = events.nextEnvelope();
        while (candidate.length < MIN_BYTES || candidate.length > MAX_BYTES) {
            candidate = events.nextEnvelope();
        }
        envelope = candidate;
        gzippedEnvelope = Gzip.compress(envelope);
        // The envelope is a header line, an item header line, then the event and a newline.
        String text = new String(envelope, StandardCharsets.UTF_8);
        int payloadStart = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
        eventJson = text.substring(payloadStart, text.length() - 1).getBytes(StandardCharsets.UTF_8);
    }
}
