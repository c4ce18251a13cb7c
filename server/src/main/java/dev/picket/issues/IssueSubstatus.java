package dev.picket.issues;

/**
 * Why an issue has its status, by Sentry's names. Picket keeps this subset of Sentry's substatuses:
 * <ul>
 *   <li>unresolved: {@link #NEW} (created by its first event), {@link #REGRESSED} (an event arrived
 *       after it was resolved), {@link #ESCALATING} (an event ended its "ignore until" condition),
 *       {@link #ONGOING} (set unresolved by hand, its "ignore until" time passed with no event, or
 *       7 days after it became new, regressed or escalating, as Sentry's periodic tasks do);</li>
 *   <li>ignored: {@link #ARCHIVED_FOREVER}, {@link #ARCHIVED_UNTIL_CONDITION_MET} (a time, an event
 *       count or a user count);</li>
 *   <li>resolved: no substatus.</li>
 * </ul>
 * Sentry's "archived until escalating" needs its escalation forecasts and is not offered.
 */
public enum IssueSubstatus {
    NEW("new"),
    ONGOING("ongoing"),
    REGRESSED("regressed"),
    ESCALATING("escalating"),
    ARCHIVED_FOREVER("archived_forever"),
    ARCHIVED_UNTIL_CONDITION_MET("archived_until_condition_met");

    private final String column;

    IssueSubstatus(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    /** Null for a null column (resolved issues). */
    public static IssueSubstatus ofColumn(String value) {
        if (value == null) {
            return null;
        }
        for (IssueSubstatus substatus : values()) {
            if (substatus.column.equals(value)) {
                return substatus;
            }
        }
        throw new IllegalArgumentException("unknown issue substatus: " + value);
    }
}
