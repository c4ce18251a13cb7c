package dev.picket.issues;

import java.time.Instant;
import java.util.Locale;

/**
 * An issue: the events of one project that share a grouping hash.
 *
 * @param shortId           its number within the project (Sentry shows it as PROJECT-SLUG-1)
 * @param type              the event type that created it ({@code error}, {@code default}, {@code csp}, …)
 * @param level             the level of its latest event
 * @param statusChangedAt   when its status or substatus last changed
 * @param timesSeen         how many events it has
 * @param userCount         how many distinct users those events had
 * @param resolvedInRelease for "resolved in next release": the release current when it was resolved,
 *                          whose events do not reopen it
 * @param ignoreRule        the rule it is ignored with, or null when it is not ignored
 */
public record Issue(long id, long projectId, long shortId, String type, String title, String culprit, String level,
                    String platform, IssueMetadata metadata, IssueStatus status, IssueSubstatus substatus,
                    Instant statusChangedAt,
                    Instant firstSeen, Instant lastSeen, long timesSeen, long userCount, String firstRelease,
                    String lastRelease, Instant resolvedAt, boolean resolvedInNextRelease, String resolvedInRelease,
                    IgnoreRule ignoreRule) {

    private static final String CROCKFORD_BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /**
     * The issue's name as Sentry shows it, {@code PROJECT-SLUG-1A}: its number within the project in
     * Crockford's base 32 (no I, L, O, U).
     */
    public String qualifiedShortId(String projectSlug) {
        StringBuilder digits = new StringBuilder();
        long n = shortId;
        do {
            digits.append(CROCKFORD_BASE32.charAt((int) (n % 32)));
            n /= 32;
        } while (n > 0);
        return projectSlug.toUpperCase(Locale.ROOT) + "-" + digits.reverse();
    }
}
