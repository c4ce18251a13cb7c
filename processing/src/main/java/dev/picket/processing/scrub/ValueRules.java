package dev.picket.processing.scrub;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scrubs sensitive values out of one string, rule by rule in Sentry's order, and remembers which
 * rule replaced what. Cheap character tests decide which patterns can match at all, so most strings
 * are never handed to a regular expression. Immutable and thread-safe.
 */
final class ValueRules {

    static final String FILTERED = "[Filtered]";
    static final String CUSTOM_RULE_PREFIX = "project:";

    /** Sentry's sensitive words for values: the key words, except that "token" counts only as {@code token=…}. */
    private static final List<String> VALUE_WORDS =
            KeyRules.DEFAULT_WORDS.stream().filter(word -> !word.equals("token")).toList();

    private static final Set<String> EXACT_VALUE_WORDS = Set.of("otp", "two-factor", "two_factor");

    private final boolean defaults;
    private final boolean ipAddresses;
    private final boolean emails;
    private final List<String> sensitiveWords;
    private final List<Pattern> customPatterns;

    ValueRules(ScrubbingConfig config, List<String> lowerCaseSensitiveWords) {
        this.defaults = config.scrubDefaults();
        this.ipAddresses = config.scrubIpAddresses();
        this.emails = config.scrubEmails();
        this.sensitiveWords = lowerCaseSensitiveWords;
        List<Pattern> patterns = new ArrayList<>();
        config.customPatterns().forEach(pattern -> patterns.add(Pattern.compile(pattern)));
        this.customPatterns = List.copyOf(patterns);
    }

    boolean scrubsIpAddresses() {
        return ipAddresses;
    }

    /**
     * Free-form data (extra, contexts, request bodies, variables …): a string that mentions a
     * sensitive word is filtered as a whole, recognised secrets inside it are cut out.
     */
    void scrubData(RedactedText text) {
        Traits traits = Traits.of(text.original());
        if (defaults) {
            if (traits.digits >= 15) {
                text.replaceMatches(ValuePatterns.CREDIT_CARD, 0, "@creditcard:filter", FILTERED, null);
            }
            if (traits.ibanStart) {
                text.replaceMatches(ValuePatterns.IBAN, 0, "@iban:filter", FILTERED, ValuePatterns::isIban);
            }
            if (traits.dashes >= 10) {
                text.replaceMatches(ValuePatterns.PEM_KEY, 1, "@pemkey:filter", FILTERED, null);
            }
            if (traits.at && traits.slashes >= 2) {
                text.replaceMatches(ValuePatterns.URL_PASSWORD, 2, "@urlauth:legacy", FILTERED, null);
            }
            String lower = KeyRules.lower(text.original());
            if (lower.contains("bearer")) {
                text.replaceMatches(ValuePatterns.BEARER, 0, KeyRules.PASSWORD_RULE, FILTERED, null);
            }
            if (mentionsPassword(text.changed() ? KeyRules.lower(text.plainText()) : lower)) {
                text.replaceAll(KeyRules.PASSWORD_RULE, FILTERED);
                return;
            }
            if (traits.dashes >= 2 && traits.digits >= 9) {
                text.replaceMatches(ValuePatterns.US_SSN, 0, "@usssn:filter", FILTERED, null);
            }
        }
        scrubAddresses(text, traits, emails);
        if (!sensitiveWords.isEmpty() && KeyRules.containsAny(KeyRules.lower(text.plainText()), sensitiveWords)) {
            text.replaceAll(KeyRules.SENSITIVE_FIELDS_RULE, FILTERED);
            return;
        }
        scrubCustomPatterns(text);
    }

    /**
     * Messages (log messages, exception values, URLs): only the recognised secrets are replaced, by a
     * placeholder naming their kind, because the rest of the text matters for grouping and reading.
     */
    void scrubMessage(RedactedText text) {
        Traits traits = Traits.of(text.original());
        if (defaults) {
            if (traits.at) {
                text.replaceMatches(ValuePatterns.EMAIL, 0, "@email:replace", "[email]", null);
            }
            if (traits.digits >= 15) {
                text.replaceMatches(ValuePatterns.CREDIT_CARD, 0, "@creditcard:replace", "[creditcard]", null);
            }
            if (traits.ibanStart) {
                text.replaceMatches(ValuePatterns.IBAN, 0, "@iban:replace", "[iban]", ValuePatterns::isIban);
            }
            if (traits.dashes >= 2 && traits.digits >= 9) {
                text.replaceMatches(ValuePatterns.US_SSN, 0, "@usssn:replace", "[us-ssn]", null);
            }
            if (KeyRules.lower(text.original()).contains("bearer")) {
                text.replaceMatches(ValuePatterns.BEARER, 2, "@bearer:replace", "[token]", null);
            }
            if (traits.at && traits.slashes >= 2) {
                text.replaceMatches(ValuePatterns.URL_PASSWORD, 2, "@urlauth:legacy", FILTERED, null);
            }
        }
        scrubAddresses(text, traits, emails && !defaults);
        scrubCustomPatterns(text);
    }

    private void scrubAddresses(RedactedText text, Traits traits, boolean scrubEmails) {
        if (ipAddresses) {
            if (traits.dots >= 3) {
                text.replaceMatches(ValuePatterns.IPV4, 0, "@ip:replace", "[ip]", null);
            }
            if (traits.colons >= 2) {
                text.replaceMatches(ValuePatterns.IPV6, 0, "@ip:replace", "[ip]", ValuePatterns::isIpv6);
            }
        }
        if (scrubEmails && traits.at) {
            text.replaceMatches(ValuePatterns.EMAIL, 0, "@email:replace", "[email]", null);
        }
    }

    private void scrubCustomPatterns(RedactedText text) {
        for (int i = 0; i < customPatterns.size(); i++) {
            text.replaceMatches(customPatterns.get(i), 0, CUSTOM_RULE_PREFIX + i, FILTERED, null);
        }
    }

    /** Sentry filters a whole value that mentions a password-like word, or assigns a token ({@code token=…}). */
    static boolean mentionsPassword(String lower) {
        if (EXACT_VALUE_WORDS.contains(lower) || KeyRules.containsAny(lower, VALUE_WORDS)) {
            return true;
        }
        for (int at = lower.indexOf("token"); at >= 0; at = lower.indexOf("token", at + 1)) {
            for (int i = at + 5; i < lower.length() && !Character.isWhitespace(lower.charAt(i)); i++) {
                char c = lower.charAt(i);
                if (c == '=' || c == ':') {
                    return true;
                }
            }
        }
        return false;
    }

    /** Counts of the characters the patterns need, gathered in one pass. */
    private record Traits(int digits, int dashes, int dots, int colons, int slashes, boolean at, boolean ibanStart) {

        static Traits of(String text) {
            int digits = 0;
            int dashes = 0;
            int dots = 0;
            int colons = 0;
            int slashes = 0;
            boolean at = false;
            boolean ibanStart = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits++;
                    ibanStart |= i >= 3 && isUpper(text.charAt(i - 3)) && isUpper(text.charAt(i - 2))
                            && isDigit(text.charAt(i - 1));
                } else if (c == '-') {
                    dashes++;
                } else if (c == '.') {
                    dots++;
                } else if (c == ':') {
                    colons++;
                } else if (c == '/') {
                    slashes++;
                } else if (c == '@') {
                    at = true;
                }
            }
            return new Traits(digits, dashes, dots, colons, slashes, at, ibanStart);
        }

        private static boolean isUpper(char c) {
            return c >= 'A' && c <= 'Z';
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
