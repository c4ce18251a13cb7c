package dev.picket.alerts;

import java.util.Arrays;
import java.util.Optional;

/** What makes a rule fire for an issue. */
public enum AlertCondition {

    /** The issue was created: its first event arrived. */
    FIRST_SEEN("first_seen", false, false),
    /** A resolved issue got a new event and was reopened. */
    REGRESSION("regression", false, false),
    /** More than N matching events of the issue in M minutes. */
    EVENT_FREQUENCY("event_frequency", true, true),
    /** More than N distinct users of matching events of the issue in M minutes. */
    UNIQUE_USERS("unique_users", true, true),
    /** The project's events of the last M minutes are far more than its hourly baseline lets expect ({@link PoissonSpike}). */
    SPIKE("spike", false, true);

    private final String id;
    private final boolean threshold;
    private final boolean window;

    AlertCondition(String id, boolean threshold, boolean window) {
        this.id = id;
        this.threshold = threshold;
        this.window = window;
    }

    public String id() {
        return id;
    }

    /** Whether it needs a threshold ("more than N"). */
    public boolean hasThreshold() {
        return threshold;
    }

    /** Whether it counts in a window of M minutes. */
    public boolean hasWindow() {
        return window;
    }

    public static Optional<AlertCondition> of(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
