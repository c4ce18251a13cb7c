package dev.picket.processing.grouping;

/**
 * The characters and runs a message holds that some placeholder pattern cannot match without, as
 * bits found in one pass; a placeholder whose needs are missing cannot match anywhere in it.
 */
final class MessageFeatures {

    static final int AT = 1;
    static final int SCHEME_SEPARATOR = 1 << 1;
    static final int COLON = 1 << 2;
    static final int DOT = 1 << 3;
    static final int DASH = 1 << 4;
    static final int EQUALS = 1 << 5;
    static final int OPEN_PAREN = 1 << 6;
    /** Any Unicode decimal digit, as {@code \d} matches under {@code UNICODE_CHARACTER_CLASS}. */
    static final int DIGIT = 1 << 7;
    /** At least 8 ASCII hex digits in a row, which bare hex may be without any digit ("deadbeef"). */
    static final int HEX_RUN_8 = 1 << 8;
    static final int HEX_RUN_32 = 1 << 9;
    static final int COMMA = 1 << 10;
    /** At least 8 digits in a row, as a date and time without separators has ("20240131T1234"). */
    static final int DIGIT_RUN_8 = 1 << 11;
    /** A colon after an ASCII hex digit or before another colon, as every IPv6 address has. */
    static final int HEX_COLON = 1 << 12;

    private MessageFeatures() {
    }

    static int of(String text) {
        int features = 0;
        int hexRun = 0;
        int digitRun = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isAsciiHex(c)) {
                hexRun++;
                if (hexRun >= 8) {
                    features |= hexRun >= 32 ? HEX_RUN_8 | HEX_RUN_32 : HEX_RUN_8;
                }
            } else {
                hexRun = 0;
            }
            if (isDigit(c)) {
                digitRun++;
                features |= digitRun >= 8 ? DIGIT | DIGIT_RUN_8 : DIGIT;
                continue;
            }
            digitRun = 0;
            features |= switch (c) {
                case '@' -> AT;
                case ':' -> colon(text, i);
                case '.' -> DOT;
                case ',' -> COMMA;
                case '-' -> DASH;
                case '=' -> EQUALS;
                case '(' -> OPEN_PAREN;
                default -> 0;
            };
        }
        return features;
    }

    private static int colon(String text, int i) {
        int features = COLON;
        int length = text.length();
        if ((i > 0 && isAsciiHex(text.charAt(i - 1))) || (i + 1 < length && text.charAt(i + 1) == ':')) {
            features |= HEX_COLON;
        }
        if (i + 2 < length && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') {
            features |= SCHEME_SEPARATOR;
        }
        return features;
    }

    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    // A surrogate may belong to a supplementary digit (such as U+1D7CE); counting it as one is safe.
    private static boolean isDigit(char c) {
        return c < 0x80 ? c >= '0' && c <= '9' : Character.isDigit(c) || Character.isSurrogate(c);
    }
}
