package dev.picket.issues;

import java.util.List;

/** One page of an issue's events, newest first; {@code nextCursor} is null on the last page. */
public record EventPage(List<EventSummary> events, String nextCursor) {

    public EventPage {
        events = List.copyOf(events);
    }
}
