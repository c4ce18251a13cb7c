package dev.picket.issues;

/** A tag of an event, counted per issue. */
public record EventTag(String key, String value) {
}
