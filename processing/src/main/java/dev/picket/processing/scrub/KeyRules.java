package dev.picket.processing.scrub;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides from a key alone whether its value is sensitive, the way Sentry's default scrubber does:
 * a case-insensitive substring test against a fixed word list, no regular expressions.
 */
final class KeyRules {

    static final String PASSWORD_RULE = "@password:filter";
    static final String SENSITIVE_FIELDS_RULE = "strip-fields";
    static final String COOKIE_RULE = "@anything:filter";

    /** Sentry's default sensitive words; a key containing any of them is filtered. */
    static final List<String> DEFAULT_WORDS = List.of(
            "password", "secret", "passwd", "api_key", "api-key", "apikey", "auth", "credentials",
            "mysql_pwd", "privatekey", "private_key", "private-key", "token");

    /** Keys that are sensitive only as a whole word (one-time passwords). */
    private static final Set<String> DEFAULT_EXACT_KEYS = Set.of("otp", "two-factor", "two_factor");

    /** Session and CSRF cookie names of common frameworks, as Sentry's default scrubber lists them. */
    private static final Set<String> SENSITIVE_COOKIES = Set.of(
            "sentrysid", "sudo", "su", "session", "__session", "sessionid", "user_session", "symfony",
            "phpsessid", "fasthttpsessionid", "mysession", "irissessionid", "_vercel_jwt", "csrf", "xsrf",
            "_xsrf", "_csrf", "csrf-token", "csrf_token", "xsrf-token", "xsrf_token", "fastcsrf", "_iris_csrf");

    private static final String SPAN_COOKIE_HEADER = "http.request.header.cookie";

    /** Bounds what {@link #ruleFor} remembers: a few thousand short keys, starting afresh when full. */
    private static final int MAX_REMEMBERED_KEYS = 4096;
    private static final int MAX_REMEMBERED_KEY_LENGTH = 128;
    /** Remembered for a key that no rule filters. */
    private static final String NO_RULE = "";

    private final boolean defaults;
    private final List<String> sensitiveWords;
    private final Set<String> safeKeys;
    // Keys repeat from event to event (variables, headers, extra, contexts), and lower-casing and
    // trying each word on every key was a good part of scrubbing's time.
    private final Map<String, String> rulesOfKeys = new ConcurrentHashMap<>();
    private final Map<String, String> rulesOfCookieKeys = new ConcurrentHashMap<>();

    KeyRules(ScrubbingConfig config) {
        this.defaults = config.scrubDefaults();
        this.sensitiveWords = config.sensitiveFields().stream().map(KeyRules::lower).toList();
        Set<String> safe = new HashSet<>();
        config.safeFields().forEach(field -> safe.add(lower(field)));
        this.safeKeys = Set.copyOf(safe);
    }

    boolean isSafe(String key) {
        return key != null && !safeKeys.isEmpty() && safeKeys.contains(lower(key));
    }

    /**
     * The rule that filters the value under {@code key}, or null when the key says nothing.
     *
     * @param inCookies whether the key names a cookie (a direct child of a {@code cookies} field)
     */
    String ruleFor(String key, boolean inCookies) {
        if (key == null) {
            return null;
        }
        if (key.length() > MAX_REMEMBERED_KEY_LENGTH) {
            return judge(key, inCookies);
        }
        Map<String, String> remembered = inCookies ? rulesOfCookieKeys : rulesOfKeys;
        String rule = remembered.get(key);
        if (rule == null) {
            String judged = judge(key, inCookies);
            rule = judged == null ? NO_RULE : judged;
            if (remembered.size() >= MAX_REMEMBERED_KEYS) {
                remembered.clear();
            }
            remembered.put(key, rule);
        }
        return rule.isEmpty() ? null : rule;
    }

    private String judge(String key, boolean inCookies) {
        String lower = lower(key);
        if (defaults) {
            if (containsAny(lower, DEFAULT_WORDS) || DEFAULT_EXACT_KEYS.contains(lower)) {
                return PASSWORD_RULE;
            }
            if (isCookieKey(lower) || (inCookies && SENSITIVE_COOKIES.contains(lower))) {
                return COOKIE_RULE;
            }
        }
        if (containsAny(lower, sensitiveWords)) {
            return SENSITIVE_FIELDS_RULE;
        }
        return null;
    }

    List<String> sensitiveWords() {
        return sensitiveWords;
    }

    /**
     * Cookie and Set-Cookie headers carry every cookie, session ones included, in one string; Sentry
     * filters that string as a whole in span data, and so do we wherever such a header appears.
     */
    private static boolean isCookieKey(String lower) {
        if (lower.equals("cookie") || lower.equals("set-cookie") || lower.equals(SPAN_COOKIE_HEADER)) {
            return true;
        }
        return lower.startsWith(SPAN_COOKIE_HEADER + ".")
                && SENSITIVE_COOKIES.contains(lower.substring(SPAN_COOKIE_HEADER.length() + 1));
    }

    static boolean containsAny(String lower, List<String> words) {
        for (String word : words) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
