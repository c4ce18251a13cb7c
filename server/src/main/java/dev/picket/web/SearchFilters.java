package dev.picket.web;

import dev.picket.issues.api.IssueSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The issues list's filter selects (status, level, environment, release) read their value from the
 * search text and write it back into it, so that the search box always shows the whole query and a
 * link to the list carries it in one parameter.
 */
final class SearchFilters {

    /** Search keys that have a select, by the name of the select. */
    enum Filter {
        STATUS("is"), LEVEL("level"), ENVIRONMENT("environment"), RELEASE("release");

        private final String key;

        Filter(String key) {
            this.key = key;
        }

        String key() {
            return key;
        }
    }

    private SearchFilters() {
    }

    /**
     * The value the search gives {@code filter}, unquoted; empty when it has none (a negated
     * {@code !key:} is not a choice of the select, so it does not count).
     *
     * @throws IllegalArgumentException when a quote is not closed
     */
    static String valueOf(String search, Filter filter) {
        for (String token : IssueSearch.tokens(search)) {
            if (hasKey(token, filter)) {
                return unquoted(token.substring(filter.key().length() + 1));
            }
        }
        return "";
    }

    /**
     * {@code search} with {@code filter} set to {@code value}: its tokens go, and {@code key:value}
     * is appended unless the value is blank ("any").
     *
     * @throws IllegalArgumentException when a quote is not closed
     */
    static String with(String search, Filter filter, String value) {
        List<String> tokens = new ArrayList<>();
        for (String token : IssueSearch.tokens(search)) {
            if (!hasKey(token, filter)) {
                tokens.add(token);
            }
        }
        if (value != null && !value.isBlank()) {
            tokens.add(filter.key() + ":" + quoted(value.strip()));
        }
        return String.join(" ", tokens);
    }

    private static boolean hasKey(String token, Filter filter) {
        return token.toLowerCase(Locale.ROOT).startsWith(filter.key() + ":");
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** The search language has no escape for a quote inside a value, so quotes are dropped. */
    private static String quoted(String value) {
        String bare = value.replace("\"", "");
        return bare.chars().anyMatch(Character::isWhitespace) ? "\"" + bare + "\"" : bare;
    }
}
