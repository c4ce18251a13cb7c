package dev.picket.issues;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which issues of a project to list, in which order. Empty or null filters match everything.
 *
 * @param statuses     the statuses to include; empty for all
 * @param substatuses  the substatuses to include (new, regressed, …); empty for all
 * @param tags         tag key → values: issues with an event carrying any of the values, for every key.
 *                     {@code level}, {@code environment} and {@code release} are tags too.
 * @param excludedTags tag key → values: issues with no event carrying any of them
 * @param text         a piece of the title or culprit, case-insensitive
 * @param cursor       where the previous page ended ({@link IssuePage#nextCursor()}), or null for the first page
 * @param limit        at most this many issues, 1 to 100
 */
public record IssueQuery(long projectId, Set<IssueStatus> statuses, Set<IssueSubstatus> substatuses,
                         Map<String, List<String>> tags, Map<String, List<String>> excludedTags,
                         String text, Instant firstSeenFrom, Instant firstSeenTo, Instant lastSeenFrom,
                         Instant lastSeenTo, IssueSort sort, String cursor, int limit) {

    public static final int MAX_LIMIT = 100;

    public IssueQuery {
        statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
        substatuses = Set.copyOf(Objects.requireNonNull(substatuses, "substatuses"));
        tags = Map.copyOf(Objects.requireNonNull(tags, "tags"));
        excludedTags = Map.copyOf(Objects.requireNonNull(excludedTags, "excludedTags"));
        Objects.requireNonNull(sort, "sort");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** Sentry's default list: unresolved issues by last seen, 25 a page. */
    public static IssueQuery unresolved(long projectId) {
        return all(projectId).withStatuses(Set.of(IssueStatus.UNRESOLVED));
    }

    public static IssueQuery all(long projectId) {
        return new IssueQuery(projectId, Set.of(), Set.of(), Map.of(), Map.of(), null, null, null, null, null,
                IssueSort.DATE, null, 25);
    }

    public IssueQuery withStatuses(Set<IssueStatus> value) {
        return new IssueQuery(projectId, value, substatuses, tags, excludedTags, text, firstSeenFrom, firstSeenTo,
                lastSeenFrom, lastSeenTo, sort, cursor, limit);
    }

    public IssueQuery withSubstatuses(Set<IssueSubstatus> value) {
        return new IssueQuery(projectId, statuses, value, tags, excludedTags, text, firstSeenFrom, firstSeenTo,
                lastSeenFrom, lastSeenTo, sort, cursor, limit);
    }

    /** Adds a tag filter: issues with an event whose {@code key} tag is one of {@code values}. */
    public IssueQuery withTag(String key, List<String> values) {
        Map<String, List<String>> more = new LinkedHashMap<>(tags);
        more.put(key, List.copyOf(values));
        return new IssueQuery(projectId, statuses, substatuses, more, excludedTags, text, firstSeenFrom,
                firstSeenTo, lastSeenFrom, lastSeenTo, sort, cursor, limit);
    }

    /** Adds an exclusion: issues with no event whose {@code key} tag is one of {@code values}. */
    public IssueQuery withoutTag(String key, List<String> values) {
        Map<String, List<String>> more = new LinkedHashMap<>(excludedTags);
        more.put(key, List.copyOf(values));
        return new IssueQuery(projectId, statuses, substatuses, tags, more, text, firstSeenFrom, firstSeenTo,
                lastSeenFrom, lastSeenTo, sort, cursor, limit);
    }

    public IssueQuery withLevel(String value) {
        return withTag("level", List.of(value));
    }

    public IssueQuery withEnvironment(String value) {
        return withTag("environment", List.of(value));
    }

    public IssueQuery withRelease(String value) {
        return withTag("release", List.of(value));
    }

    public IssueQuery withText(String value) {
        return new IssueQuery(projectId, statuses, substatuses, tags, excludedTags, value, firstSeenFrom,
                firstSeenTo, lastSeenFrom, lastSeenTo, sort, cursor, limit);
    }

    public IssueQuery withFirstSeen(Instant from, Instant to) {
        return new IssueQuery(projectId, statuses, substatuses, tags, excludedTags, text, from, to, lastSeenFrom,
                lastSeenTo, sort, cursor, limit);
    }

    public IssueQuery withLastSeen(Instant from, Instant to) {
        return new IssueQuery(projectId, statuses, substatuses, tags, excludedTags, text, firstSeenFrom,
                firstSeenTo, from, to, sort, cursor, limit);
    }

    public IssueQuery withSort(IssueSort value) {
        return new IssueQuery(projectId, statuses, substatuses, tags, excludedTags, text, firstSeenFrom,
                firstSeenTo, lastSeenFrom, lastSeenTo, value, cursor, limit);
    }

    public IssueQuery withCursor(String value) {
        return new IssueQuery(projectId, statuses, substatuses, tags, excludedTags, text, firstSeenFrom,
                firstSeenTo, lastSeenFrom, lastSeenTo, sort, value, limit);
    }

    public IssueQuery withLimit(int value) {
        return new IssueQuery(projectId, statuses, substatuses, tags, excludedTags, text, firstSeenFrom,
                firstSeenTo, lastSeenFrom, lastSeenTo, sort, cursor, value);
    }
}
