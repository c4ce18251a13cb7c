package dev.picket.issues.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A search in Sentry's issue query language, as the REST API and the issues page take it:
 * {@code is:unresolved level:error release:"shop@1.4.0" !environment:staging browser:Chrome timeout}.
 * {@code is:} takes a status or a substatus; {@code level}, {@code release} and {@code environment}
 * filter issue fields (a {@code !} before the key excludes, {@code key:[a,b]} takes any of several
 * values); any other {@code key:value} is a tag; the remaining words search title and culprit.
 *
 * @param is          statuses and substatuses asked for with {@code is:}, lower-case
 * @param include     field filters: key → accepted values
 * @param exclude     negated field filters: key → refused values
 * @param tags        tag key → accepted values
 * @param text        the free text, or empty
 */
public record IssueQuery(Set<String> is, Map<String, List<String>> include, Map<String, List<String>> exclude,
                         Map<String, List<String>> tags, String text) {

    public static final Set<String> STATUS_WORDS = Set.of("unresolved", "resolved", "ignored", "archived",
            "new", "ongoing", "regressed", "escalating");
    private static final Set<String> FIELDS = Set.of("level", "release", "environment");

    /** @throws IllegalArgumentException with a reason fit to show the user */
    public static IssueQuery parse(String query) {
        Set<String> is = new LinkedHashSet<>();
        Map<String, List<String>> include = new LinkedHashMap<>();
        Map<String, List<String>> exclude = new LinkedHashMap<>();
        Map<String, List<String>> tags = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        for (String token : tokens(query == null ? "" : query)) {
            int colon = keyEnd(token);
            if (colon <= 0 || colon == token.length() - 1) {
                words.add(unquote(token));
                continue;
            }
            boolean negated = token.charAt(0) == '!';
            String key = token.substring(negated ? 1 : 0, colon).toLowerCase(Locale.ROOT);
            List<String> values = values(token.substring(colon + 1));
            if (key.equals("is")) {
                if (negated) {
                    throw new IllegalArgumentException("!is: is not supported; ask for the statuses you want");
                }
                for (String value : values) {
                    String word = value.toLowerCase(Locale.ROOT);
                    if (!STATUS_WORDS.contains(word)) {
                        throw new IllegalArgumentException("is:" + value + " is not a status; use one of "
                                + String.join(", ", STATUS_WORDS.stream().sorted().toList()));
                    }
                    is.add(word.equals("archived") ? "ignored" : word);
                }
            } else if (FIELDS.contains(key)) {
                (negated ? exclude : include).computeIfAbsent(key, k -> new ArrayList<>()).addAll(values);
            } else if (negated) {
                throw new IllegalArgumentException("!" + key + ": is not supported for tags");
            } else {
                tags.computeIfAbsent(key, k -> new ArrayList<>()).addAll(values);
            }
        }
        return new IssueQuery(is, include, exclude, tags, String.join(" ", words).trim());
    }

    /** Splits on spaces outside double quotes. */
    private static List<String> tokens(String query) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!current.isEmpty()) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote in the query");
        }
        if (!current.isEmpty()) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    /** Where the key of {@code key:value} ends, or -1 for a plain word (a quoted word has no key). */
    private static int keyEnd(String token) {
        if (token.startsWith("\"")) {
            return -1;
        }
        int colon = token.indexOf(':');
        int quote = token.indexOf('"');
        return quote >= 0 && quote < colon ? -1 : colon;
    }

    private static List<String> values(String raw) {
        if (raw.startsWith("[") && raw.endsWith("]")) {
            List<String> values = new ArrayList<>();
            for (String part : raw.substring(1, raw.length() - 1).split(",")) {
                if (!part.isBlank()) {
                    values.add(unquote(part.trim()));
                }
            }
            return values;
        }
        return List.of(unquote(raw));
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
