package dev.picket.processing.scrub;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A project's server-side data scrubbing settings, modelled on Sentry's "Security &amp; Privacy"
 * project settings.
 *
 * @param enabled master switch ("Data Scrubber"); when off nothing is scrubbed, not even IPs
 * @param scrubDefaults Sentry's "Use Default Scrubbers": the built-in sensitive key names
 *     (password, secret, auth, token, …), cookie rules and value patterns (credit cards, IBANs,
 *     PEM keys, passwords in URLs, bearer tokens, US social security numbers)
 * @param scrubIpAddresses Sentry's "Prevent Storing of IP Addresses": removes the fields known to
 *     hold the user's IP and replaces IP addresses found in any scrubbed string with {@code [ip]}
 * @param scrubEmails replaces e-mail addresses in scrubbed strings with {@code [email]} (Sentry's
 *     legacy scrubber has no such switch; it is the {@code @email:replace} rule of advanced scrubbing)
 * @param sensitiveFields Sentry's "Additional Sensitive Fields": a key containing one of these
 *     (case-insensitive) has its value filtered, and so has any string value containing one
 * @param safeFields Sentry's "Safe Fields": values under these keys (case-insensitive, exact) are
 *     never scrubbed, nor anything below them
 * @param customPatterns regular expressions whose matches in any scrubbed string are replaced by
 *     {@code [Filtered]}, like an advanced data scrubbing rule of type "pattern"
 */
public record ScrubbingConfig(
        boolean enabled,
        boolean scrubDefaults,
        boolean scrubIpAddresses,
        boolean scrubEmails,
        List<String> sensitiveFields,
        List<String> safeFields,
        List<String> customPatterns) {

    /**
     * Validates the patterns here, when a project's settings are built, so that a typo is reported
     * to whoever typed it instead of failing on the processing path later.
     *
     * @throws IllegalArgumentException if a custom pattern is not a valid regular expression
     */
    public ScrubbingConfig {
        sensitiveFields = trimmedNonBlank(sensitiveFields, "sensitiveFields");
        safeFields = trimmedNonBlank(safeFields, "safeFields");
        customPatterns = List.copyOf(nonNull(customPatterns, "customPatterns"));
        for (int i = 0; i < customPatterns.size(); i++) {
            String pattern = customPatterns.get(i);
            if (pattern == null || pattern.isEmpty()) {
                throw new IllegalArgumentException("customPatterns[" + i + "] is empty: a scrubbing pattern"
                        + " must be a non-empty regular expression");
            }
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("customPatterns[" + i + "] \"" + pattern
                        + "\" is not a valid regular expression: " + e.getDescription()
                        + " near index " + e.getIndex(), e);
            }
        }
    }

    /**
     * Sentry's defaults for a new project: data scrubber and default scrubbers on, IP addresses kept
     * ("Prevent Storing of IP Addresses" is off by default), e-mail addresses kept (Sentry's default
     * scrubbers do not remove them from event data either), no extra or safe fields, no patterns.
     */
    public static ScrubbingConfig defaults() {
        return new ScrubbingConfig(true, true, false, false, List.of(), List.of(), List.of());
    }

    /** The same settings with scrubbing switched off entirely. */
    public static ScrubbingConfig disabled() {
        return new ScrubbingConfig(false, false, false, false, List.of(), List.of(), List.of());
    }

    private static List<String> trimmedNonBlank(List<String> values, String name) {
        List<String> result = new ArrayList<>();
        for (String value : nonNull(values, name)) {
            if (value != null && !value.isBlank()) {
                result.add(value.trim());
            }
        }
        return List.copyOf(result);
    }

    private static List<String> nonNull(List<String> values, String name) {
        if (values == null) {
            throw new IllegalArgumentException(name + " must not be null; use an empty list");
        }
        return values;
    }
}
