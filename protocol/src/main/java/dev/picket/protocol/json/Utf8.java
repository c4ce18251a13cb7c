package dev.picket.protocol.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 validation (Unicode's well-formed byte sequences: no overlong forms, no encoded
 * surrogates, nothing above U+10FFFF). Jackson's parser lets all three through in strings it
 * skips, and stored payloads must be text every reader can decode.
 */
final class Utf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {
    }

    /** The index of the first byte of the first ill-formed sequence in {@code [from, to)}, or -1. */
    static int firstInvalid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            // Payloads are mostly ASCII: skip eight bytes at a time while no high bit is set.
            if (i + 8 <= to && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
                i += 8;
                continue;
            }
            int lead = b[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int length = sequenceLength(b, i, to, lead);
            if (length == 0) {
                return i;
            }
            i += length;
        }
        return -1;
    }

    /** The length of the well-formed sequence starting at {@code i}, or 0. */
    private static int sequenceLength(byte[] b, int i, int to, int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return continuation(b, i + 1, to, 0x80, 0xBF) ? 2 : 0;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            int low = lead == 0xE0 ? 0xA0 : 0x80;
            int high = lead == 0xED ? 0x9F : 0xBF;
            return continuation(b, i + 1, to, low, high) && continuation(b, i + 2, to, 0x80, 0xBF) ? 3 : 0;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            int low = lead == 0xF0 ? 0x90 : 0x80;
            int high = lead == 0xF4 ? 0x8F : 0xBF;
            return continuation(b, i + 1, to, low, high) && continuation(b, i + 2, to, 0x80, 0xBF)
                    && continuation(b, i + 3, to, 0x80, 0xBF) ? 4 : 0;
        }
        return 0;
    }

    private static boolean continuation(byte[] b, int i, int to, int low, int high) {
        if (i >= to) {
            return false;
        }
        int c = b[i] & 0xFF;
        return c >= low && c <= high;
    }
}
