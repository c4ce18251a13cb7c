package dev.picket.processing.normalize;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How one string field of the event schema is checked, after Relay's {@code max_chars},
 * {@code max_chars_allowance}, {@code trim_whitespace} and lenient-string attributes.
 *
 * @param lenient   numbers and booleans are accepted and turned into strings (Relay's {@code LenientString})
 * @param trim      leading and trailing whitespace is removed
 * @param maxChars  longer values are cut to this many characters ending in {@code "..."}; 0 for no limit
 * @param allowance values up to {@code maxChars + allowance} are left alone
 */
record StringRule(boolean lenient, boolean trim, int maxChars, int allowance) {

    static final StringRule PLAIN = new StringRule(false, false, 0, 0);

    static StringRule limit(int maxChars) {
        return new StringRule(false, false, maxChars, 0);
    }

    StringRule trimmed() {
        return new StringRule(lenient, true, maxChars, allowance);
    }

    StringRule lenientValues() {
        return new StringRule(true, trim, maxChars, allowance);
    }

    /**
     * Checks {@code parent[name]} in place and returns its final value: null when it was absent, empty or
     * of the wrong type (then it is removed, with an error for a wrong type).
     */
    String apply(ObjectNode parent, String name, List<String> path, Problems problems) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return null;
        }
        String value;
        if (node.isString()) {
            value = node.stringValue();
        } else if (lenient && (node.isNumber() || node.isBoolean())) {
            value = node.asString();
        } else {
            parent.remove(name);
            if (!node.isNull()) {
                problems.invalid(path, "expected a string", node);
            }
            return null;
        }
        if (trim) {
            value = value.strip();
        }
        if (value.isEmpty()) {
            parent.remove(name);
            return null;
        }
        value = cut(value, path, problems);
        parent.put(name, value);
        return value;
    }

    /** Cuts an over-long value the way Relay does and records the original length. */
    String cut(String value, List<String> path, Problems problems) {
        if (maxChars <= 0) {
            return value;
        }
        int length = value.codePointCount(0, value.length());
        if (length <= maxChars + allowance) {
            return value;
        }
        problems.trimmed(path, maxChars, length);
        return value.substring(0, value.offsetByCodePoints(0, maxChars - 3)) + "...";
    }
}
