package dev.picket.issues;

import java.time.Instant;
import java.util.Objects;

/**
 * The status columns of an issue, as the lifecycle rules read and change them. Null numbers are
 * unset columns.
 *
 * @param changedAt when status or substatus last changed, epoch milliseconds
 */
record IssueState(IssueStatus status, IssueSubstatus substatus, long changedAt, Long resolvedAt, boolean resolvedInNextRelease,
                  String resolvedInRelease, Long ignoreUntil, Long ignoreCount, Long ignoreCountBase,
                  Long ignoreUserCount, Long ignoreUserCountBase) {

    static IssueState unresolved(IssueSubstatus substatus, long now) {
        return new IssueState(IssueStatus.UNRESOLVED, substatus, now, null, false, null, null, null, null, null, null);
    }

    /**
     * The state after a user's change.
     *
     * @param lastRelease the release the issue was last seen in: "resolved in next release" keeps it
     * @param timesSeen   the issue's event count now, the base of "until N more events"
     * @param userCount   its user count now, the base of "until N more users"
     */
    static IssueState after(StatusChange change, long now, String lastRelease, long timesSeen, long userCount) {
        return switch (change.kind()) {
            case UNRESOLVED -> unresolved(IssueSubstatus.ONGOING, now);
            case RESOLVED -> new IssueState(IssueStatus.RESOLVED, null, now, now, false, null, null, null, null, null,
                    null);
            case RESOLVED_IN_NEXT_RELEASE -> new IssueState(IssueStatus.RESOLVED, null, now, now, true, lastRelease,
                    null, null, null, null, null);
            case IGNORED -> ignored(change.ignoreRule(), now, timesSeen, userCount);
        };
    }

    private static IssueState ignored(IgnoreRule rule, long now, long timesSeen, long userCount) {
        IssueSubstatus until = IssueSubstatus.ARCHIVED_UNTIL_CONDITION_MET;
        return switch (rule.kind()) {
            case FOREVER -> new IssueState(IssueStatus.IGNORED, IssueSubstatus.ARCHIVED_FOREVER, now, null, false,
                    null, null, null, null, null, null);
            case UNTIL_TIME -> new IssueState(IssueStatus.IGNORED, until, now, null, false, null,
                    rule.until().toEpochMilli(), null, null, null, null);
            case UNTIL_COUNT -> new IssueState(IssueStatus.IGNORED, until, now, null, false, null, null, rule.count(),
                    timesSeen, null, null);
            case UNTIL_USER_COUNT -> new IssueState(IssueStatus.IGNORED, until, now, null, false, null, null, null,
                    null, rule.count(), userCount);
        };
    }

    /**
     * The state after new events, by Sentry's rules: a resolved issue regresses on a new event,
     * unless it was resolved in the next release and the event is of the release current then (an
     * event without a release cannot show it is newer, so it does not reopen it either); an ignored
     * issue escalates when its condition is met, at the time of the event.
     *
     * @param timesSeenAfter its event count with the new events
     * @param userCountAfter its user count with the new users
     */
    IssueState afterEvents(Iterable<String> eventReleases, long timesSeenAfter, long userCountAfter, long now) {
        return switch (status) {
            case UNRESOLVED -> this;
            case RESOLVED -> regresses(eventReleases) ? unresolved(IssueSubstatus.REGRESSED, now) : this;
            case IGNORED -> conditionMet(timesSeenAfter, userCountAfter, now)
                    ? unresolved(IssueSubstatus.ESCALATING, now) : this;
        };
    }

    private boolean regresses(Iterable<String> eventReleases) {
        if (!resolvedInNextRelease) {
            return true;
        }
        for (String release : eventReleases) {
            if (release != null && !Objects.equals(release, resolvedInRelease)) {
                return true;
            }
        }
        return false;
    }

    boolean conditionMet(long timesSeen, long userCount, long now) {
        if (ignoreUntil != null && now >= ignoreUntil) {
            return true;
        }
        if (ignoreCount != null && timesSeen - ignoreCountBase >= ignoreCount) {
            return true;
        }
        return ignoreUserCount != null && userCount - ignoreUserCountBase >= ignoreUserCount;
    }

    IgnoreRule ignoreRule() {
        if (status != IssueStatus.IGNORED) {
            return null;
        }
        if (ignoreUntil != null) {
            return IgnoreRule.untilTime(Instant.ofEpochMilli(ignoreUntil));
        }
        if (ignoreCount != null) {
            return IgnoreRule.untilCount(ignoreCount);
        }
        if (ignoreUserCount != null) {
            return IgnoreRule.untilUserCount(ignoreUserCount);
        }
        return IgnoreRule.forever();
    }
}
