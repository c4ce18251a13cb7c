package dev.picket.issues;

/** The orders of an issue list, by Sentry's names; all newest or largest first. */
public enum IssueSort {
    /** Last seen. */
    DATE("last_seen"),
    /** First seen. */
    NEW("first_seen"),
    /** Events. */
    FREQ("times_seen"),
    /** Users. */
    USER("user_count");

    private final String column;

    IssueSort(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
