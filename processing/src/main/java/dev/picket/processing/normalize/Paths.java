package dev.picket.processing.normalize;

import java.util.ArrayList;
import java.util.List;

/** Paths into the event, as segments, for {@code errors} names and {@code _meta} nesting. */
final class Paths {

    private Paths() {
    }

    static List<String> child(List<String> path, String segment) {
        List<String> child = new ArrayList<>(path.size() + 1);
        child.addAll(path);
        child.add(segment);
        return child;
    }
}
