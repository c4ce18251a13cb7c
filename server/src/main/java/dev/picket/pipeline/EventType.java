package dev.picket.pipeline;

/** The kinds of event {@link Events} finds: error events (table {@code events}) and transactions. */
public enum EventType {
    ERROR("error"),
    TRANSACTION("transaction");

    private final String column;

    EventType(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    static EventType ofColumn(String value) {
        for (EventType type : values()) {
            if (type.column.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown event type: " + value);
    }
}
