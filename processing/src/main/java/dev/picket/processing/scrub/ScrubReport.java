package dev.picket.processing.scrub;

import java.util.Map;

/**
 * What one {@link Scrubber#scrub} call removed.
 *
 * @param scrubbedValues how many values were changed (a string with two masked parts counts once)
 * @param remarksByRule how many remarks each rule (e.g. {@code @password:filter}) left in {@code _meta}
 */
public record ScrubReport(int scrubbedValues, Map<String, Integer> remarksByRule) {

    public static final ScrubReport NOTHING = new ScrubReport(0, Map.of());

    public ScrubReport {
        remarksByRule = Map.copyOf(remarksByRule);
    }

    public boolean scrubbedAnything() {
        return scrubbedValues > 0;
    }
}
