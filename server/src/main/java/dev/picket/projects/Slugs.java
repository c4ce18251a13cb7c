package dev.picket.projects;

import dev.picket.api.ApiException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Project slugs follow Sentry's rule: lower-case letters, digits, '_' and '-', not all digits. */
final class Slugs {

    static final int MAX_LENGTH = 50;
    private static final Pattern VALID = Pattern.compile("[a-z0-9_-]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private Slugs() {
    }

    /** "My Web App!" becomes "my-web-app"; accents are dropped, not the letters under them. */
    static String fromName(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "-");
        slug = trimHyphens(slug);
        if (slug.length() > MAX_LENGTH) {
            slug = trimHyphens(slug.substring(0, MAX_LENGTH));
        }
        if (slug.isEmpty() || DIGITS.matcher(slug).matches()) {
            throw ApiException.badRequest("Cannot make a slug from this name; give one in 'slug'");
        }
        return slug;
    }

    static void requireValid(String slug) {
        if (slug.length() > MAX_LENGTH || !VALID.matcher(slug).matches() || DIGITS.matcher(slug).matches()) {
            throw ApiException.badRequest("'slug' must be at most " + MAX_LENGTH
                    + " lower-case letters, digits, underscores or hyphens, and not only digits");
        }
    }

    private static String trimHyphens(String slug) {
        return slug.replaceAll("^-+|-+$", "");
    }
}
