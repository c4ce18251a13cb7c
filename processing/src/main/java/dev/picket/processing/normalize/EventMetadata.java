package dev.picket.processing.normalize;

/**
 * Sentry's issue metadata: what the issue list shows under the title.
 *
 * @param type     the main exception's type (null for synthetic exceptions and non-error events)
 * @param value    the main exception's value, trimmed to 1024 characters
 * @param filename the crash frame's file
 * @param function the crash frame's function
 * @param title    the title of default, security, transaction and feedback events
 */
public record EventMetadata(String type, String value, String filename, String function, String title) {

    static final EventMetadata NONE = new EventMetadata(null, null, null, null, null);
}
