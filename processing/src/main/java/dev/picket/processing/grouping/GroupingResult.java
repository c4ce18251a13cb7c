package dev.picket.processing.grouping;

import java.util.List;

/**
 * What grouping decided for one event.
 *
 * @param hashes    the group hashes, primary first (32 lower-case hex digits each); an event
 *                  belongs to an existing issue when any of them is already known
 * @param variant   the name of the variant that gave the primary hash: {@code app},
 *                  {@code system}, {@code default} (message), {@code custom_fingerprint}, {@code built_in_fingerprint},
 *                  {@code checksum}, {@code hashed_checksum} or {@code fallback}
 * @param component what that variant grouped by: {@code exception}, {@code chained-exception},
 *                  {@code threads}, {@code stacktrace}, {@code message}, {@code fingerprint},
 *                  {@code checksum} or {@code fallback}
 * @param variants  every variant computed, contributing or not, for debugging
 */
public record GroupingResult(List<String> hashes, String variant, String component, List<Variant> variants) {

    public GroupingResult {
        hashes = List.copyOf(hashes);
        variants = List.copyOf(variants);
    }

    public String primaryHash() {
        return hashes.getFirst();
    }

    /**
     * One way of grouping the event.
     *
     * @param name        variant name, as in {@link GroupingResult#variant()}
     * @param hash        its hash, or null when it does not contribute
     * @param tree        the grouping tree it hashed (null for fingerprint, checksum and fallback variants)
     * @param fingerprint the resolved fingerprint entries for fingerprint variants and salted trees, else empty
     */
    public record Variant(String name, String hash, GroupingComponent tree, List<String> fingerprint) {

        public Variant {
            fingerprint = List.copyOf(fingerprint);
        }

        public boolean contributes() {
            return hash != null;
        }

        /** A readable account of this variant, like the grouping snapshots Sentry's tests keep. */
        public String describe() {
            StringBuilder out = new StringBuilder(name).append(": hash=").append(hash).append('\n');
            if (!fingerprint.isEmpty()) {
                out.append("  fingerprint ").append(fingerprint).append('\n');
            }
            if (tree != null) {
                tree.render().lines().forEach(line -> out.append("  ").append(line).append('\n'));
            }
            return out.toString();
        }
    }
}
