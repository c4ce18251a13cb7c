package dev.picket.processing.grouping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Sentry's glob patterns for stack trace rules: {@code **} matches anything, {@code *} matches
 * anything but {@code /} in paths and anything elsewhere, {@code ?} one character, {@code [..]} a
 * character class and a backslash escapes. Patterns made of literals and "match anything"
 * wildcards, which are nearly all of them, are matched with string searches, the others step by
 * step; no regex: the rules run on every frame of every event.
 */
final class Glob {

    private Glob() {
    }

    static Predicate<String> compile(String glob, boolean pathLike) {
        List<String> literals = anyWildcardLiterals(glob, pathLike);
        if (literals != null) {
            return value -> matchesLiterals(value, literals);
        }
        return new Steps(glob, pathLike)::matches;
    }

    /** The literal parts between "match anything" wildcards, or null when the glob needs a regex. */
    private static List<String> anyWildcardLiterals(String glob, boolean pathLike) {
        List<String> literals = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '?' || c == '[' || c == '\\') {
                return null;
            }
            if (c == '*') {
                boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                if (pathLike && !doubleStar) {
                    return null;
                }
                literals.add(literal.toString());
                literal.setLength(0);
                while (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    i++;
                }
            } else {
                literal.append(c);
            }
        }
        literals.add(literal.toString());
        return literals;
    }

    private static boolean matchesLiterals(String value, List<String> literals) {
        if (literals.size() == 1) {
            return value.equals(literals.getFirst());
        }
        String first = literals.getFirst();
        String last = literals.getLast();
        if (value.length() < first.length() + last.length() || !value.startsWith(first) || !value.endsWith(last)) {
            return false;
        }
        int from = first.length();
        int end = value.length() - last.length();
        for (int i = 1; i < literals.size() - 1; i++) {
            int at = value.indexOf(literals.get(i), from);
            if (at < 0 || at + literals.get(i).length() > end) {
                return false;
            }
            from = at + literals.get(i).length();
        }
        return true;
    }

    /**
     * The other globs, matched step by step with backtracking at the wildcards, which is what a
     * regex would do but without one: those globs are tried on every frame too.
     */
    private static final class Steps {

        private static final int ANY = -1;
        private static final int ANY_BUT_SLASH = -2;
        private static final int ONE = -3;
        private static final int ONE_BUT_SLASH = -4;
        private static final int CLASS = -5;

        /** A character to match, or one of the kinds above. */
        private final int[] steps;
        /** The character class of each {@link #CLASS} step. */
        private final CharClass[] classes;
        /**
         * Characters every match starts with, ends with, and holds somewhere (the longest run of
         * literal characters): most values fail on them, without backtracking.
         */
        private final String prefix;
        private final String suffix;
        private final String required;

        Steps(String glob, boolean pathLike) {
            int[] parsed = new int[glob.length()];
            CharClass[] parsedClasses = new CharClass[glob.length()];
            int n = 0;
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                if (c == '*') {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        parsed[n++] = ANY;
                        i++;
                    } else {
                        parsed[n++] = pathLike ? ANY_BUT_SLASH : ANY;
                    }
                } else if (c == '?') {
                    parsed[n++] = pathLike ? ONE_BUT_SLASH : ONE;
                } else if (c == '\\' && i + 1 < glob.length()) {
                    parsed[n++] = glob.charAt(++i);
                } else if (c == '[' && glob.indexOf(']', i + 2) > 0) {
                    int close = glob.indexOf(']', i + 2);
                    parsedClasses[n] = new CharClass(glob.substring(i + 1, close));
                    parsed[n++] = CLASS;
                    i = close;
                } else {
                    parsed[n++] = c;
                }
            }
            this.steps = Arrays.copyOf(parsed, n);
            this.classes = Arrays.copyOf(parsedClasses, n);
            int first = 0;
            while (first < n && steps[first] >= 0) {
                first++;
            }
            int last = n;
            while (last > first && steps[last - 1] >= 0) {
                last--;
            }
            this.prefix = literal(0, first);
            this.suffix = literal(last, n);
            int longestStart = 0;
            int longestLength = 0;
            for (int i = 0; i < n; ) {
                int end = i;
                while (end < n && steps[end] >= 0) {
                    end++;
                }
                if (end - i > longestLength) {
                    longestStart = i;
                    longestLength = end - i;
                }
                i = end + 1;
            }
            this.required = literal(longestStart, longestStart + longestLength);
        }

        private String literal(int from, int to) {
            StringBuilder literal = new StringBuilder(to - from);
            for (int i = from; i < to; i++) {
                literal.append((char) steps[i]);
            }
            return literal.toString();
        }

        boolean matches(String value) {
            return value.startsWith(prefix) && value.endsWith(suffix) && value.contains(required)
                    && matchFrom(0, value, 0);
        }

        private boolean matchFrom(int step, String value, int at) {
            for (int s = step; s < steps.length; s++) {
                int kind = steps[s];
                if (kind == ANY || kind == ANY_BUT_SLASH) {
                    for (int end = at; end <= value.length(); end++) {
                        if (matchFrom(s + 1, value, end)) {
                            return true;
                        }
                        if (end < value.length() && kind == ANY_BUT_SLASH && value.charAt(end) == '/') {
                            return false;
                        }
                    }
                    return false;
                }
                if (at == value.length()) {
                    return false;
                }
                if (kind >= 0) {
                    if (value.charAt(at) != kind) {
                        return false;
                    }
                    at++;
                    continue;
                }
                // Like a regex, "?" and a class take a whole code point, surrogate pairs included.
                int codePoint = value.codePointAt(at);
                boolean matched = switch (kind) {
                    case ONE -> true;
                    case ONE_BUT_SLASH -> codePoint != '/';
                    default -> classes[s].contains(codePoint);
                };
                if (!matched) {
                    return false;
                }
                at += Character.charCount(codePoint);
            }
            return at == value.length();
        }
    }

    /**
     * A {@code [..]} class, with the meaning a Java regex gives it; looked up in a table for ASCII,
     * which is nearly every character of frame names.
     */
    private static final class CharClass {

        private final Pattern pattern;
        private final boolean[] ascii = new boolean[128];

        CharClass(String body) {
            this.pattern = Pattern.compile("[" + body.replace("\\", "\\\\").replace("[", "\\[") + "]", Pattern.DOTALL);
            for (int c = 0; c < ascii.length; c++) {
                ascii[c] = pattern.matcher(Character.toString(c)).matches();
            }
        }

        boolean contains(int codePoint) {
            return codePoint < ascii.length ? ascii[codePoint] : pattern.matcher(Character.toString(codePoint)).matches();
        }
    }
}
