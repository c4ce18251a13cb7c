package dev.picket.protocol.compress;

/**
 * A decoded request body: the first {@code length} bytes of {@code bytes}. The array is the read
 * buffer itself, usually larger than the body, so that the body is never copied to trim it.
 */
public record Body(byte[] bytes, int length) {
}
