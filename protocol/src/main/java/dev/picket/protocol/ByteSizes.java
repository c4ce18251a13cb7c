package dev.picket.protocol;

/** Byte counts written the way limits are configured, so a rejection names the limit as the operator set it. */
public final class ByteSizes {

    private static final long KIB = 1024;
    private static final long MIB = KIB * 1024;

    private ByteSizes() {
    }

    /** {@code 52428800} → {@code "50 MiB"}, {@code 4096} → {@code "4 KiB"}, {@code 1000} → {@code "1000 bytes"}. */
    public static String describe(long bytes) {
        if (bytes >= MIB && bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        if (bytes >= KIB && bytes % KIB == 0) {
            return bytes / KIB + " KiB";
        }
        return bytes == 1 ? "1 byte" : bytes + " bytes";
    }
}
