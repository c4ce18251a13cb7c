package dev.picket.issues;

import java.util.Objects;

/**
 * What a user sets an issue's status to.
 *
 * @param ignoreRule the rule for {@link Kind#IGNORED}, else null
 */
public record StatusChange(Kind kind, IgnoreRule ignoreRule) {

    public enum Kind {
        UNRESOLVED,
        /** Resolved now: any new event reopens it as regressed. */
        RESOLVED,
        /**
         * Resolved by the next release: events of the release the issue was last seen in (the
         * current one) do not reopen it; an event of any other release does, as in Sentry.
         */
        RESOLVED_IN_NEXT_RELEASE,
        IGNORED
    }

    public StatusChange {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.IGNORED) != (ignoreRule != null)) {
            throw new IllegalArgumentException("an ignore rule is given exactly when ignoring");
        }
    }

    public static StatusChange unresolved() {
        return new StatusChange(Kind.UNRESOLVED, null);
    }

    public static StatusChange resolved() {
        return new StatusChange(Kind.RESOLVED, null);
    }

    public static StatusChange resolvedInNextRelease() {
        return new StatusChange(Kind.RESOLVED_IN_NEXT_RELEASE, null);
    }

    public static StatusChange ignored(IgnoreRule rule) {
        return new StatusChange(Kind.IGNORED, Objects.requireNonNull(rule, "rule"));
    }
}
