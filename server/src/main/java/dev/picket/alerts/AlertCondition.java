package dev.picket.alerts;

import java.util.Arrays;
import java.util.Optional;

/** What makes a rule fire for an issue. */
public enum AlertCondition {

    /** The issue was created: its first event arrived. */
    FIRST_SEEN("first_seen", false),
    /** A resolved issue got a new event and was reopened. */
    REGRESSION("regression", false),
    /** More than N matching events of the issue in M minutes. */
    EVENT_FREQUENCY("event_frequency", true),
    /** More than N distinct users of matching events of the issue in M minutes. */
    UNIQUE_USERS("unique_users", true);

    private final String id;
    private final boolean windowed;

    AlertCondition(String id, boolean windowed) {
        this.id = id;
        this.windowed = windowed;
    }

    public String id() {
        return id;
    }

    /** Whether it counts in a window, and so needs a threshold and a window length. */
    public boolean windowed() {
        return windowed;
    }

    public static Optional<AlertCondition> of(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
