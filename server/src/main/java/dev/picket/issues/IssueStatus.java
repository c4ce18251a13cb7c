package dev.picket.issues;

/** An issue's status, by Sentry's names (Sentry calls "ignored" "archived" in its newer UI). */
public enum IssueStatus {
    UNRESOLVED("unresolved"),
    RESOLVED("resolved"),
    IGNORED("ignored");

    private final String column;

    IssueStatus(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    public static IssueStatus ofColumn(String value) {
        for (IssueStatus status : values()) {
            if (status.column.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown issue status: " + value);
    }
}
