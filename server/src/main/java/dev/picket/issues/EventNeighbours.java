package dev.picket.issues;

/**
 * The events around one event of an issue, in event time order; each null when there is none.
 *
 * @param oldest the issue's first event, null when it is this one
 * @param older  the event just before this one
 * @param newer  the event just after this one
 * @param latest the issue's last event, null when it is this one
 */
public record EventNeighbours(String oldest, String older, String newer, String latest) {
}
