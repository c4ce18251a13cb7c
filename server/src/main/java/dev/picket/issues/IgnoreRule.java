package dev.picket.issues;

import java.time.Instant;
import java.util.Objects;

/**
 * How long an ignored issue stays ignored, as Sentry's "Archive" (ignore) options: forever, until a
 * time, until it occurs {@code count} more times, or until {@code count} more users are affected.
 * When the condition is met the issue is unresolved again (substatus escalating).
 *
 * @param until the end of the ignore for {@link Kind#UNTIL_TIME}, else null
 * @param count how many more events or users end it for {@link Kind#UNTIL_COUNT} and
 *              {@link Kind#UNTIL_USER_COUNT}, else 0
 */
public record IgnoreRule(Kind kind, Instant until, long count) {

    public enum Kind { FOREVER, UNTIL_TIME, UNTIL_COUNT, UNTIL_USER_COUNT }

    public IgnoreRule {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.UNTIL_TIME) != (until != null)) {
            throw new IllegalArgumentException("an ignore rule has a time exactly when it is 'until time'");
        }
        boolean counted = kind == Kind.UNTIL_COUNT || kind == Kind.UNTIL_USER_COUNT;
        if (counted && count < 1) {
            throw new IllegalArgumentException("an ignore rule's count must be at least 1, was " + count);
        }
        if (!counted && count != 0) {
            throw new IllegalArgumentException("only 'until count' rules have a count");
        }
    }

    public static IgnoreRule forever() {
        return new IgnoreRule(Kind.FOREVER, null, 0);
    }

    public static IgnoreRule untilTime(Instant until) {
        return new IgnoreRule(Kind.UNTIL_TIME, Objects.requireNonNull(until, "until"), 0);
    }

    /** Until the issue occurs {@code events} more times. */
    public static IgnoreRule untilCount(long events) {
        return new IgnoreRule(Kind.UNTIL_COUNT, null, events);
    }

    /** Until {@code users} more distinct users are affected. */
    public static IgnoreRule untilUserCount(long users) {
        return new IgnoreRule(Kind.UNTIL_USER_COUNT, null, users);
    }
}
