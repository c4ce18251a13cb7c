package dev.picket.pipeline;

import dev.picket.protocol.envelope.ItemType;
import java.util.Optional;

/** The kinds of event the {@code events} table holds, by the value of its {@code type} column. */
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
        throw new IllegalArgumentException("unknown event type in the events table: " + value);
    }

    /** The event type an envelope item is stored as, or empty when it is not stored as an event. */
    static Optional<EventType> of(ItemType item) {
        return switch (item) {
            case EVENT -> Optional.of(ERROR);
            case TRANSACTION -> Optional.of(TRANSACTION);
            default -> Optional.empty();
        };
    }
}
