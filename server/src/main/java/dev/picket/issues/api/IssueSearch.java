package dev.picket.issues.api;

import dev.picket.issues.IssueQuery;
import dev.picket.issues.IssueStatus;
import dev.picket.issues.IssueSubstatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sentry's issue search language, as the REST API and the issues page take it:
 * {@code is:unresolved level:error release:"shop@1.4.0" !environment:staging browser:Chrome timeout}.
 * {@code is:} takes a status (unresolved, resolved, ignored or its new name archived) or a substatus
 * (new, ongoing, regressed, escalating); any other {@code key:value} filters on the tags of the
 * issue's events ({@code level}, {@code environment} and {@code release} included), a {@code !}
 * before the key excludes, {@code key:[a,b]} takes any of several values; the remaining words search
 * title and culprit.
 */
public final class IssueSearch {

    private static final Map<String, IssueStatus> STATUSES = Map.of(
            "unresolved", IssueStatus.UNRESOLVED, "resolved", IssueStatus.RESOLVED,
            "ignored", IssueStatus.IGNORED, "archived", IssueStatus.IGNORED);
    private static final Map<String, IssueSubstatus> SUBSTATUSES = Map.of(
            "new", IssueSubstatus.NEW, "ongoing", IssueSubstatus.ONGOING,
            "regressed", IssueSubstatus.REGRESSED, "escalating", IssueSubstatus.ESCALATING);

    private IssueSearch() {
    }

    /**
     * {@code base} narrowed by {@code search}.
     *
     * @throws IllegalArgumentException with a reason fit to show the user
     */
    public static IssueQuery apply(String search, IssueQuery base) {
        Set<IssueStatus> statuses = EnumSet.noneOf(IssueStatus.class);
        Set<IssueSubstatus> substatuses = EnumSet.noneOf(IssueSubstatus.class);
        Map<String, List<String>> tags = new LinkedHashMap<>();
        Map<String, List<String>> excluded = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        for (String token : tokens(search == null ? "" : search)) {
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
                values.forEach(value -> status(value, statuses, substatuses));
            } else {
                (negated ? excluded : tags).computeIfAbsent(key, k -> new ArrayList<>()).addAll(values);
            }
        }
        IssueQuery query = base;
        if (!statuses.isEmpty()) {
            query = query.withStatuses(statuses);
        }
        if (!substatuses.isEmpty()) {
            query = query.withSubstatuses(substatuses);
        }
        for (Map.Entry<String, List<String>> tag : tags.entrySet()) {
            query = query.withTag(tag.getKey(), tag.getValue());
        }
        for (Map.Entry<String, List<String>> tag : excluded.entrySet()) {
            query = query.withoutTag(tag.getKey(), tag.getValue());
        }
        String text = String.join(" ", words).trim();
        return text.isEmpty() ? query : query.withText(text);
    }

    private static void status(String value, Set<IssueStatus> statuses, Set<IssueSubstatus> substatuses) {
        String word = value.toLowerCase(Locale.ROOT);
        if (STATUSES.containsKey(word)) {
            statuses.add(STATUSES.get(word));
        } else if (SUBSTATUSES.containsKey(word)) {
            substatuses.add(SUBSTATUSES.get(word));
        } else {
            throw new IllegalArgumentException("is:" + value + " is not a status; use one of archived, escalating, "
                    + "ignored, new, ongoing, regressed, resolved, unresolved");
        }
    }

    /**
     * Splits on spaces outside double quotes; the issues page rewrites searches token by token.
     *
     * @throws IllegalArgumentException when a quote is not closed
     */
    public static List<String> tokens(String search) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < search.length(); i++) {
            char c = search.charAt(i);
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
            throw new IllegalArgumentException("unclosed quote in the search");
        }
        if (!current.isEmpty()) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    /** Where the key of {@code key:value} ends, or -1 for a plain word (a quoted word has no key). */
    private static int keyEnd(String token) {
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
