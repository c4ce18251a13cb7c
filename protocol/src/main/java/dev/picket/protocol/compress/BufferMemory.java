package dev.picket.protocol.compress;

/**
 * Accounts for the memory a body's read buffers take. {@link BodyReader} reserves each buffer
 * before allocating it and releases the one it outgrew, so that a caller can bound what all
 * bodies being read at once hold; the last buffer, which the body is, stays reserved.
 */
public interface BufferMemory {

    /** Nothing accounted. */
    BufferMemory UNBOUNDED = new BufferMemory() {
        @Override
        public void reserve(long bytes) {
        }

        @Override
        public void release(long bytes) {
        }
    };

    /** Called before a buffer of {@code bytes} is allocated; throws (unchecked) to stop reading. */
    void reserve(long bytes);

    /** Called once a buffer of {@code bytes} reserved earlier is no longer used. */
    void release(long bytes);
}
