package dev.picket.protocol.envelope;

/** The item types Picket keeps for processing; anything else is {@link #UNKNOWN} and skipped. */
public enum ItemType {
    EVENT("event", true),
    TRANSACTION("transaction", true),
    ATTACHMENT("attachment", false),
    SESSION("session", true),
    SESSIONS("sessions", true),
    USER_REPORT("user_report", true),
    FEEDBACK("feedback", true),
    CHECK_IN("check_in", true),
    CLIENT_REPORT("client_report", true),
    SPAN("span", true),
    LOG("log", true),
    /** A browser's CSP, HPKP, Expect-CT or Expect-Staple report, as the security endpoint receives it. */
    SECURITY("security", true),
    UNKNOWN("", false);

    private final String wireName;
    private final boolean json;

    ItemType(String wireName, boolean json) {
        this.wireName = wireName;
        this.json = json;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the payload must be a JSON document (checked at ingestion). */
    public boolean isJson() {
        return json;
    }

    /** Whether this item is an error-like event (counts against the event size limit). */
    public boolean isEvent() {
        return this == EVENT || this == TRANSACTION || this == FEEDBACK || this == SECURITY;
    }

    public static ItemType of(String wireName) {
        if (wireName == null) {
            return UNKNOWN;
        }
        return switch (wireName) {
            case "event" -> EVENT;
            case "transaction" -> TRANSACTION;
            case "attachment" -> ATTACHMENT;
            case "session" -> SESSION;
            case "sessions" -> SESSIONS;
            case "user_report" -> USER_REPORT;
            case "feedback" -> FEEDBACK;
            case "check_in" -> CHECK_IN;
            case "client_report" -> CLIENT_REPORT;
            case "span" -> SPAN;
            case "log" -> LOG;
            case "security" -> SECURITY;
            default -> UNKNOWN;
        };
    }
}
