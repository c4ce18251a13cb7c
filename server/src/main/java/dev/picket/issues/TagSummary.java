package dev.picket.issues;

import java.util.List;

/**
 * A tag key of an issue's events.
 *
 * @param totalValues    how many events had this tag
 * @param distinctValues how many different values it had
 * @param topValues      the most frequent values, most frequent first
 */
public record TagSummary(String key, long totalValues, long distinctValues, List<TagValueCount> topValues) {

    public TagSummary {
        topValues = List.copyOf(topValues);
    }
}
