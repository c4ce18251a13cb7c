package dev.picket.processing.grouping;

import java.util.BitSet;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Which stack trace rules a frame satisfies by its own unchanging fields, remembered per distinct
 * frame. The events of an issue repeat the same frames, and trying a few hundred rules on every
 * frame of every event was most of grouping's time. Bounded in count and length (a few MB at
 * most), starting afresh when full; thread-safe, the sets it hands out are never changed.
 */
final class OwnFieldMatches {

    private static final int MAX_ENTRIES = 8192;
    private static final int MAX_KEY_LENGTH = 1024;

    private final Function<Frame, BitSet> matching;
    private final ConcurrentMap<Key, BitSet> remembered = new ConcurrentHashMap<>();

    /** @param matching computes the set for a frame; it must read only the fields of {@link Key} */
    OwnFieldMatches(Function<Frame, BitSet> matching) {
        this.matching = matching;
    }

    BitSet of(Frame frame) {
        Key key = Key.of(frame);
        if (key.length() > MAX_KEY_LENGTH) {
            return matching.apply(frame);
        }
        BitSet known = remembered.get(key);
        if (known != null) {
            return known;
        }
        BitSet computed = matching.apply(frame);
        if (remembered.size() >= MAX_ENTRIES) {
            remembered.clear();
        }
        remembered.put(key, computed);
        return computed;
    }

    /**
     * The fields of a frame from which everything a rule's own-frame matchers read is derived
     * (the family from the platform, the lower-cased paths, the trimmed function name).
     */
    private record Key(String platform, String absPath, String filename, String packageName, String module, String function,
                       String rawFunction) {

        static Key of(Frame frame) {
            return new Key(frame.platform, frame.absPath, frame.filename, frame.packageName, frame.module, frame.function,
                    frame.rawFunction);
        }

        // Written out: a record's generated equals and hashCode go through method handles, which the
        // client compiler Picket is run with (C1 only) does not inline, and this lookup is made for
        // every frame of every event.
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(function, key.function) && Objects.equals(module, key.module)
                    && Objects.equals(filename, key.filename) && Objects.equals(absPath, key.absPath)
                    && Objects.equals(packageName, key.packageName) && Objects.equals(rawFunction, key.rawFunction)
                    && Objects.equals(platform, key.platform);
        }

        @Override
        public int hashCode() {
            int hash = Objects.hashCode(platform);
            hash = 31 * hash + Objects.hashCode(absPath);
            hash = 31 * hash + Objects.hashCode(filename);
            hash = 31 * hash + Objects.hashCode(packageName);
            hash = 31 * hash + Objects.hashCode(module);
            hash = 31 * hash + Objects.hashCode(function);
            return 31 * hash + Objects.hashCode(rawFunction);
        }

        int length() {
            return length(platform) + length(absPath) + length(filename) + length(packageName) + length(module) + length(function)
                    + length(rawFunction);
        }

        private static int length(String value) {
            return value == null ? 0 : value.length();
        }
    }
}
