package dev.picket.processing.grouping;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Sentry's glob patterns for stack trace rules: {@code **} matches anything, {@code *} matches
 * anything but {@code /} in paths and anything elsewhere, {@code ?} one character, {@code [..]} a
 * character class and a backslash escapes. Patterns made of literals and "match anything"
 * wildcards, which are nearly all of them, are matched with string searches instead of a regex:
 * the rules run on every frame of every event.
 */
final class Glob {

    private Glob() {
    }

    static Predicate<String> compile(String glob, boolean pathLike) {
        List<String> literals = anyWildcardLiterals(glob, pathLike);
        if (literals != null) {
            return value -> matchesLiterals(value, literals);
        }
        Pattern pattern = regex(glob, pathLike);
        return value -> pattern.matcher(value).matches();
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

    private static Pattern regex(String glob, boolean pathLike) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else {
                    regex.append(pathLike ? "[^/]*" : ".*");
                }
            } else if (c == '?') {
                regex.append(pathLike ? "[^/]" : ".");
            } else if (c == '\\' && i + 1 < glob.length()) {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else if (c == '[' && glob.indexOf(']', i + 2) > 0) {
                int close = glob.indexOf(']', i + 2);
                regex.append('[').append(glob.substring(i + 1, close).replace("\\", "\\\\").replace("[", "\\[")).append(']');
                i = close;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
