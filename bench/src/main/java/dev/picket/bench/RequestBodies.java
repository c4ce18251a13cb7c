package dev.picket.bench;

/**
 * Every request body of a run, made and compressed before the clock starts so that the
 * generator's own work does not eat into the CPU the server under test gets.
 */
public record RequestBodies(byte[][] gzipped, long uncompressedBytes, long compressedBytes) {

    public static RequestBodies generate(EventFactory events, int count) {
        byte[][] bodies = new byte[count][];
        long raw = 0;
        long sent = 0;
        for (int i = 0; i < count; i++) {
            byte[] envelope = events.nextEnvelope();
            bodies[i] = Gzip.compress(envelope);
            raw += envelope.length;
            sent += bodies[i].length;
        }
        return new RequestBodies(bodies, raw, sent);
    }

    public int count() {
        return gzipped.length;
    }
}
