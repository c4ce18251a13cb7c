package dev.picket.processing.grouping;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link GroupingComponent#hash()} remembered within the grouping of one event: each variant is
 * hashed once to drop a system variant that duplicates the app one and again for the result, and
 * md5 was a fifth of grouping. Equal contributing values give the equal hash, whatever the node.
 * Not thread-safe: one per event.
 */
final class ComponentHashes {

    private final List<List<String>> hashedValues = new ArrayList<>(4);
    private final List<String> hashes = new ArrayList<>(4);

    String of(GroupingComponent component) {
        if (!component.contributes()) {
            return null;
        }
        List<String> values = component.contributingValues();
        for (int i = 0; i < hashedValues.size(); i++) {
            if (hashedValues.get(i).equals(values)) {
                return hashes.get(i);
            }
        }
        String hash = Md5.ofValues(values);
        hashedValues.add(values);
        hashes.add(hash);
        return hash;
    }
}
