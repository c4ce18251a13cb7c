package dev.picket.processing.scrub;

/**
 * One entry of a value's {@code _meta[""].rem} list, in Sentry's shape: {@code [rule, "s", start, end]}
 * for a substituted range of the new string, {@code [rule, "x"]} for a removed value.
 */
record Remark(String rule, boolean removed, int start, int end) {

    static final String SUBSTITUTED = "s";
    static final String REMOVED = "x";

    static Remark substituted(String rule, int start, int end) {
        return new Remark(rule, false, start, end);
    }

    static Remark removed(String rule) {
        return new Remark(rule, true, -1, -1);
    }
}
