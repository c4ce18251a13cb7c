package dev.picket.accounts;

import java.text.Normalizer;
import java.util.Locale;

/** Names of organizations and teams as people type them, and the URL slugs made from them. */
final class AccountNames {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_SLUG_LENGTH = 50;

    private AccountNames() {
    }

    /** The name, stripped; refused when empty or too long. */
    static String requireName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new AccountRuleException("Enter a name.");
        }
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw new AccountRuleException("A name has at most " + MAX_NAME_LENGTH + " characters.");
        }
        return stripped;
    }

    /**
     * "Acme Café" becomes "acme-cafe": lower-case letters, digits and hyphens, as in Sentry's URLs;
     * refused when nothing usable is left or only digits (which would read as an id).
     */
    static String slugOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = trimHyphens(ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        if (slug.length() > MAX_SLUG_LENGTH) {
            slug = trimHyphens(slug.substring(0, MAX_SLUG_LENGTH));
        }
        if (slug.isEmpty() || slug.chars().allMatch(Character::isDigit)) {
            throw new AccountRuleException("Use some letters in the name: it also makes the address of its pages.");
        }
        return slug;
    }

    private static String trimHyphens(String slug) {
        return slug.replaceAll("^-+|-+$", "");
    }
}
