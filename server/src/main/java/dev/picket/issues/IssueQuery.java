package dev.picket.issues;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Which issues of a project to list, in which order. Null filters match everything.
 *
 * @param statuses     the statuses to include; empty for all
 * @param level        the issue's (latest) level
 * @param environment  issues with an event in this environment
 * @param release      issues with an event in this release
 * @param text         a piece of the title or culprit, case-insensitive
 * @param cursor       where the previous page ended ({@link IssuePage#nextCursor()}), or null for the first page
 * @param limit        at most this many issues, 1 to 100
 */
public record IssueQuery(long projectId, Set<IssueStatus> statuses, String level, String environment, String release,
                         String text, Instant firstSeenFrom, Instant firstSeenTo, Instant lastSeenFrom,
                         Instant lastSeenTo, IssueSort sort, String cursor, int limit) {

    public static final int MAX_LIMIT = 100;

    public IssueQuery {
        statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
        Objects.requireNonNull(sort, "sort");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** Sentry's default list: unresolved issues by last seen, 25 a page. */
    public static IssueQuery unresolved(long projectId) {
        return new IssueQuery(projectId, Set.of(IssueStatus.UNRESOLVED), null, null, null, null, null, null, null,
                null, IssueSort.DATE, null, 25);
    }

    public static IssueQuery all(long projectId) {
        return new IssueQuery(projectId, Set.of(), null, null, null, null, null, null, null, null, IssueSort.DATE,
                null, 25);
    }

    public IssueQuery withStatuses(Set<IssueStatus> value) {
        return new IssueQuery(projectId, value, level, environment, release, text, firstSeenFrom, firstSeenTo,
                lastSeenFrom, lastSeenTo, sort, cursor, limit);
    }

    public IssueQuery withLevel(String value) {
        return new IssueQuery(projectId, statuses, value, environment, release, text, firstSeenFrom, firstSeenTo,
                lastSeenFrom, lastSeenTo, sort, cursor, limit);
    }

    public IssueQuery withEnvironment(String value) {
        return new IssueQuery(projectId, statuses, level, value, release, text, firstSeenFrom, firstSeenTo,
                lastSeenFrom, lastSeenTo, sort, cursor, limit);
    }

    public IssueQuery withRelease(String value) {
        return new IssueQuery(projectId, statuses, level, environment, value, text, firstSeenFrom, firstSeenTo,
                lastSeenFrom, lastSeenTo, sort, cursor, limit);
    }

    public IssueQuery withText(String value) {
        return new IssueQuery(projectId, statuses, level, environment, release, value, firstSeenFrom, firstSeenTo,
                lastSeenFrom, lastSeenTo, sort, cursor, limit);
    }

    public IssueQuery withFirstSeen(Instant from, Instant to) {
        return new IssueQuery(projectId, statuses, level, environment, release, text, from, to, lastSeenFrom,
                lastSeenTo, sort, cursor, limit);
    }

    public IssueQuery withLastSeen(Instant from, Instant to) {
        return new IssueQuery(projectId, statuses, level, environment, release, text, firstSeenFrom, firstSeenTo,
                from, to, sort, cursor, limit);
    }

    public IssueQuery withSort(IssueSort value) {
        return new IssueQuery(projectId, statuses, level, environment, release, text, firstSeenFrom, firstSeenTo,
                lastSeenFrom, lastSeenTo, value, cursor, limit);
    }

    public IssueQuery withCursor(String value) {
        return new IssueQuery(projectId, statuses, level, environment, release, text, firstSeenFrom, firstSeenTo,
                lastSeenFrom, lastSeenTo, sort, value, limit);
    }

    public IssueQuery withLimit(int value) {
        return new IssueQuery(projectId, statuses, level, environment, release, text, firstSeenFrom, firstSeenTo,
                lastSeenFrom, lastSeenTo, sort, cursor, value);
    }
}
