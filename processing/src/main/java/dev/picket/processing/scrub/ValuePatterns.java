package dev.picket.processing.scrub;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The patterns Sentry's scrubbers look for inside string values, compiled once, plus the checks
 * that keep their false positives down. Java's {@code \b}, {@code \d} and {@code \s} are ASCII-only
 * here, as in Sentry's patterns.
 */
final class ValuePatterns {

    /**
     * Card numbers by issuer prefix: Amex (15 digits), Visa, Mastercard and Discover (16), with an
     * optional space or dash before any digit. Like Sentry, no Luhn check: it would let through
     * numbers Sentry removes.
     */
    static final Pattern CREDIT_CARD = Pattern.compile(
            "\\b(?:3[47]\\d|4\\d{3}|5[1-5]\\d\\d|65\\d\\d|6011)(?:[-\\s]?\\d){12}\\b");

    /** Candidates only: {@link #isIban} checks the country and the checksum, cheaper than a regex alternation. */
    static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}[a-zA-Z0-9]{11,29}\\b");

    /** The countries whose IBANs Sentry recognises. */
    private static final Set<String> IBAN_COUNTRIES = Set.of("AT", "AD", "AE", "AL", "AZ", "BA", "BE", "BG", "BH",
            "BR", "BY", "CH", "CR", "CY", "CZ", "DE", "DK", "DO", "EE", "EG", "ES", "FI", "FO", "FR", "GB", "GE",
            "GI", "GL", "GR", "GT", "HR", "HU", "IE", "IL", "IQ", "IS", "IT", "JO", "KW", "KZ", "LB", "LC", "LI",
            "LT", "LU", "LV", "LY", "MC", "MD", "ME", "MK", "MR", "MT", "MU", "NL", "NO", "PK", "PL", "PS", "PT",
            "QA", "RO", "RU", "RS", "SA", "SC", "SE", "SI", "SK", "SM", "ST", "SV", "TL", "TN", "TR", "UA", "VA",
            "VG", "XK", "DZ", "AO", "BJ", "BF", "BI", "CV", "CM", "CF", "TD", "KM", "CG", "CI", "DJ", "GQ", "GA",
            "GW", "HN", "IR", "MG", "ML", "MA", "MZ", "NI", "NE", "SN", "TG");

    /** Group 1 is the key material between the BEGIN and END lines; the armour lines stay. */
    static final Pattern PEM_KEY = Pattern.compile("(?s)-----BEGIN[A-Z ]+(?:PRIVATE|PUBLIC) KEY-----[\\t ]*\\r?\\n?"
            + "(.+?)\\r?\\n?-----END[A-Z ]+(?:PRIVATE|PUBLIC) KEY-----");

    /** Group 2 is the password of {@code scheme://user:password@host}. */
    static final Pattern URL_PASSWORD = Pattern.compile("\\b((?:[a-z0-9]+:)?//[a-zA-Z0-9%_.-]+:)([a-zA-Z0-9%_.-]+)@");

    /** Group 2 is the token after "Bearer". */
    static final Pattern BEARER = Pattern.compile("(?i)\\b(Bearer\\s+)(\\S+)");

    static final Pattern US_SSN = Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b");

    static final Pattern IPV4 = Pattern.compile(
            "\\b(?:(?:25[0-5]|2[0-4]\\d|[01]?\\d\\d?)\\.){3}(?:25[0-5]|2[0-4]\\d|[01]?\\d\\d?)\\b");

    /** Candidates only: colon-separated hex groups not glued to a word; {@link #isIpv6} decides. */
    static final Pattern IPV6 = Pattern.compile(
            "(?<![0-9A-Za-z_:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\\d{1,3}\\.){3}\\d{1,3})?(?![0-9A-Za-z_:])");

    static final Pattern EMAIL = Pattern.compile(
            "\\b[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*\\.[a-zA-Z]{2,}\\b");

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private ValuePatterns() {
    }

    /** A known country and the ISO 13616 check: the rearranged IBAN, letters as numbers, is 1 modulo 97. */
    static boolean isIban(String candidate) {
        if (!IBAN_COUNTRIES.contains(candidate.substring(0, 2))) {
            return false;
        }
        String rearranged = (candidate.substring(4) + candidate.substring(0, 4)).toUpperCase(Locale.ROOT);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    /** Whether a candidate is a well-formed IPv6 address (at most one "::", eight groups in all). */
    static boolean isIpv6(String candidate) {
        if (candidate.chars().noneMatch(c -> Character.digit(c, 16) >= 0)) {
            return false;
        }
        String address = candidate;
        int lastColon = address.lastIndexOf(':');
        if (address.indexOf('.', lastColon) > 0) {
            if (!IPV4.matcher(address.substring(lastColon + 1)).matches()) {
                return false;
            }
            // An embedded IPv4 address takes the place of the last two groups.
            address = address.substring(0, lastColon + 1) + "0:0";
        }
        int doubleColon = address.indexOf("::");
        if (doubleColon != address.lastIndexOf("::")) {
            return false;
        }
        if (doubleColon < 0) {
            return groups(address) == 8;
        }
        String head = address.substring(0, doubleColon);
        String tail = address.substring(doubleColon + 2);
        int headGroups = head.isEmpty() ? 0 : groups(head);
        int tailGroups = tail.isEmpty() ? 0 : groups(tail);
        return headGroups >= 0 && tailGroups >= 0 && headGroups + tailGroups <= 7;
    }

    /** How many valid hex groups a colon-separated run holds, or -1 if one is empty or too long. */
    private static int groups(String run) {
        String[] parts = run.split(":", -1);
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 4) {
                return -1;
            }
        }
        return parts.length;
    }
}
