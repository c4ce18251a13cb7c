package dev.picket.processing.grouping;

import static dev.picket.processing.grouping.MessageFeatures.AT;
import static dev.picket.processing.grouping.MessageFeatures.COLON;
import static dev.picket.processing.grouping.MessageFeatures.COMMA;
import static dev.picket.processing.grouping.MessageFeatures.DASH;
import static dev.picket.processing.grouping.MessageFeatures.DIGIT;
import static dev.picket.processing.grouping.MessageFeatures.DIGIT_RUN_8;
import static dev.picket.processing.grouping.MessageFeatures.DOT;
import static dev.picket.processing.grouping.MessageFeatures.EQUALS;
import static dev.picket.processing.grouping.MessageFeatures.HEX_RUN_32;
import static dev.picket.processing.grouping.MessageFeatures.HEX_COLON;
import static dev.picket.processing.grouping.MessageFeatures.HEX_RUN_8;
import static dev.picket.processing.grouping.MessageFeatures.OPEN_PAREN;
import static dev.picket.processing.grouping.MessageFeatures.SCHEME_SEPARATOR;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Replaces event-specific values in messages (emails, URLs, host names, IPs, trace ids, UUIDs,
 * hashes, dates, durations, hex, git SHAs, floats, integers, quoted and boolean values of
 * {@code key=value} pairs) by
 * placeholders such as {@code <int>}, and trims messages to their first two non-blank lines.
 * The patterns and their order follow Sentry's parameterizer so that messages normalize alike;
 * the first pattern that matches at a position wins.
 */
final class MessageNormalizer {

    private static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
    private static final String DAY = "(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)";
    private static final String ZONE = "(?:UT|GMT|(?:E|C|M|P)(?:ST|DT)|[A-IK-Z])";
    private static final String OCTET = "(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])";
    private static final String IPV4 = "(" + OCTET + "\\.){3,3}" + OCTET;
    private static final String H = "[0-9a-fA-F]{1,4}";
    private static final String DATE_TIME = "\\d{4}-?[01]\\d-?[0-3]\\d[\\sT][0-2]\\d:?[0-5]\\d";
    private static final String OFFSET = "([+-][0-2]\\d:?[0-5]\\d|Z)";

    private static final String TLDS = "COM|NET|ORG|JP|DE|UK|FR|BR|IT|RU|ES|ME|GOV|PL|CA|AU|CN|CO|IN|NL|EDU|INFO|EU|CH|ID|AT"
            + "|KR|CZ|MX|BE|TV|SE|TR|TW|AL|UA|IR|VN|CL|SK|LY|CC|TO|NO|FI|US|PT|DK|AR|HU|TK|GR|IL|NEWS|RO|MY|BIZ|IE|ZA|NZ"
            + "|SG|EE|TH|IO|XYZ|PE|BG|HK|RS|LT|LINK|PH|CLUB|SI|SITE|MOBI|BY|CAT|WIKI|LA|GA|XXX|CF|HR|NG|JOBS|ONLINE|KZ"
            + "|UG|GQ|AE|IS|LV|PRO|FM|TIPS|MS|SA|APP";

    private static final List<Placeholder> PLACEHOLDERS = List.of(
            new Placeholder("email", "[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*",
                    AT, 0),
            new Placeholder("url", "\\b(wss?|https?|ftp)://[^\\s/$.?#].[^\\s]*",
                    SCHEME_SEPARATOR, 0),
            new Placeholder("hostname", "\\b([a-zA-Z0-9\\-]{1,63}\\.)+?((" + TLDS + ")|(" + TLDS.toLowerCase() + "))\\b",
                    DOT, 0),
            // The look-arounds keep C++-style names such as Foo::bar() from reading as IPv6 addresses.
            new Placeholder("ip", "(?<![0-9a-zA-Z_])("
                    + "(" + H + ":){7,7}" + H
                    + "|(" + H + ":){1,7}:"
                    + "|(" + H + ":){1,6}:" + H
                    + "|(" + H + ":){1,5}(:" + H + "){1,2}"
                    + "|(" + H + ":){1,4}(:" + H + "){1,3}"
                    + "|(" + H + ":){1,3}(:" + H + "){1,4}"
                    + "|(" + H + ":){1,2}(:" + H + "){1,5}"
                    + "|" + H + ":((:" + H + "){1,6})"
                    + "|:((:" + H + "){1,7}|:)"
                    + "|fe80:(:[0-9a-fA-F]{0,4}){0,4}%[0-9a-zA-Z]{1,}"
                    + "|::(ffff(:0{1,4}){0,1}:){0,1}" + IPV4
                    + "|(" + H + ":){1,4}:" + IPV4 + "\\b"
                    + ")(?![0-9a-zA-Z])"
                    + "|(\\b" + IPV4 + "\\b)",
                    0, HEX_COLON | DOT),
            // W3C trace context and AWS load balancer trace ids
            new Placeholder("traceparent", "(\\b00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]\\b)|(\\b1-[0-9a-f]{8}-[0-9a-f]{24}\\b)",
                    DASH | DIGIT, 0),
            new Placeholder("uuid", "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b",
                    DASH | HEX_RUN_8, 0),
            new Placeholder("sha1", "\\b[0-9a-fA-F]{40}\\b",
                    HEX_RUN_32, 0),
            new Placeholder("md5", "\\b[0-9a-fA-F]{32}\\b",
                    HEX_RUN_32, 0),
            new Placeholder("date", List.of(
                    // RFC822, RFC1123, RFC1123Z
                    new Placeholder.Branch("(" + DAY + ",\\s\\d{1,2}\\s" + MONTH + "\\s\\d{2,4}\\s\\d{1,2}:\\d{1,2}(:\\d{1,2})?\\s([-\\+][\\d]{2}[0-5][\\d]|" + ZONE + "))", COMMA | COLON | DIGIT, 0),
                    // "Mon Jan 02, 1999", "Jan 02, 1999"
                    new Placeholder.Branch("((" + DAY + "\\s)?" + MONTH + "\\s[0-3]\\d,\\s\\d{2,4})", COMMA | DIGIT, 0),
                    // RFC850
                    new Placeholder.Branch("((?:Sun|Sunday|Mon|Monday|Tue|Tuesday|Wed|Wednesday|Thu|Thursday|Fri|Friday|Sat|Saturday),\\s\\d{2}-" + MONTH
                            + "-\\d{2}\\s\\d{2}:\\d{2}:\\d{2}\\s" + ZONE + ")", COMMA | DASH | COLON | DIGIT, 0),
                    // RFC3339 and RFC3339Nano
                    new Placeholder.Branch("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z?([+-]?\\d{2}:\\d{2})?)", DASH | COLON | DIGIT, 0),
                    // JavaScript's Date.toString()
                    new Placeholder.Branch("(" + DAY + "\\s" + MONTH + "\\s\\d{2}\\s\\d{4}\\s\\d{2}:\\d{2}:\\d{2}\\sGMT[+-]\\d{4}(?:\\s\\([^)]+\\))?)", COLON | DIGIT, 0),
                    // date and time with a zone, before plain date and time so the offset is not an int
                    new Placeholder.Branch("((" + DATE_TIME + ":?[0-5]\\d\\.\\d+" + OFFSET + ")|(" + DATE_TIME + ":?[0-5]\\d" + OFFSET + ")|(" + DATE_TIME + OFFSET + "))", DIGIT, DASH | DIGIT_RUN_8),
                    new Placeholder.Branch("((" + DATE_TIME + ":?[0-5]\\d\\.\\d+)|(" + DATE_TIME + ":?[0-5]\\d)|(" + DATE_TIME + "))", DIGIT, DASH | DIGIT_RUN_8),
                    // 12-hour clock, optionally with am/pm
                    new Placeholder.Branch("((?<!\\d)([1-9]|1[0-2]):[0-5]\\d(:[0-5]\\d)?(?![\\d:])(?:\\s?[aApP][Mm])?)", COLON | DIGIT, 0),
                    // 24-hour clock
                    new Placeholder.Branch("((?<!\\d)(0?\\d|1\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?(?![\\d:]))", COLON | DIGIT, 0),
                    new Placeholder.Branch("(\\d{4}-[01]\\d-[0-3]\\d)", DASH | DIGIT, 0),
                    new Placeholder.Branch("([0-2]\\d:[0-5]\\d:[0-5]\\d)", COLON | DIGIT, 0),
                    new Placeholder.Branch("(\\b(?:(Sun|Mon|Tue|Wed|Thu|Fri|Sat)\\s+)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\s+"
                            + "([\\d]{1,2})\\s+([\\d]{2}:[\\d]{2}:[\\d]{2})\\s+[\\d]{4})", COLON | DIGIT, 0),
                    new Placeholder.Branch("(\\b(?:(Sun|Mon|Tue|Wed|Thu|Fri|Sat),\\s+)?(0[1-9]|[1-2]?[\\d]|3[01])\\s+"
                            + "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\s+(19[\\d]{2}|[2-9][\\d]{3})\\s+"
                            + "(2[0-3]|[0-1][\\d]):([0-5][\\d])(?::(60|[0-5][\\d]))?\\s+([-\\+][\\d]{2}[0-5][\\d]|" + ZONE + "))", COLON | DIGIT, 0),
                    new Placeholder.Branch("(datetime.datetime\\(.*?\\))", OPEN_PAREN, 0))),
            new Placeholder("duration", "\\b(\\d+ms)|(\\d+(\\.\\d+)?s)\\b",
                    DIGIT, 0),
            // OpenStack Swift transaction ids
            new Placeholder("swift_txn_id", "(\\btx[0-9a-f]{21}-[0-9a-f]{10}\\S*)",
                    DASH | HEX_RUN_8, 0),
            // 0x-prefixed hex of any length; bare hex of 4 to 6 characters only with a digit and a
            // letter, bare hex of 8 to 128 characters in one letter case; a minus sign only when it
            // does not join two words
            new Placeholder("hex", "(\\b0[xX][0-9a-fA-F]+\\b)|(\\b|(?<!\\w)-)("
                    + "(?=[a-f]*[0-9])(?=[0-9]*[a-f])[0-9a-f]{4,6}"
                    + "|(?=[A-F]*[0-9])(?=[0-9]*[A-F])[0-9A-F]{4,6}"
                    + "|[0-9a-f]{8,128}|[0-9A-F]{8,128})\\b",
                    0, DIGIT | HEX_RUN_8),
            new Placeholder("git_sha", "(\\b(?=[a-f]*[0-9])(?=[0-9]*[a-f])[0-9a-f]{7}\\b)",
                    DIGIT, 0),
            new Placeholder("float", "-\\d+\\.\\d+\\b|\\b\\d+\\.\\d+\\b",
                    DIGIT | DOT, 0),
            // eight digits and more count as hex
            new Placeholder("int", "(\\b|(?<!\\w)-)\\d{1,7}\\b",
                    DIGIT, 0),
            new Placeholder("quoted_str", "(?<==)(?:'([^']+)'|\"([^\"]+)\")",
                    EQUALS, 0),
            new Placeholder("bool", "(?<==)(?:True|true|False|false)",
                    EQUALS, 0));

    private static final PlaceholderPatterns PATTERNS = new PlaceholderPatterns(PLACEHOLDERS);

    // Most events of an issue carry the same message, and trying every pattern at every position
    // costs tens of microseconds: remember recent results, bounded in count and length (at most
    // a few MB), starting afresh when full.
    private static final int CACHED_ENTRIES = 4096;
    private static final int CACHED_MAX_LENGTH = 256;
    private static final ConcurrentMap<String, String> PARAMETERIZED = new ConcurrentHashMap<>();

    private MessageNormalizer() {
    }

    /** The patterns in the order they are tried. */
    static List<Placeholder> placeholders() {
        return PLACEHOLDERS;
    }

    /** Trims to two lines and parameterizes, as for messages and exception values. */
    static String normalize(String message) {
        return parameterize(trim(message));
    }

    /** Keeps the first two non-blank lines, adding {@code ...} when anything was dropped. */
    static String trim(String message) {
        List<String> kept = new ArrayList<>(2);
        for (String line : PythonText.splitLines(message)) {
            if (!PythonText.strip(line).isEmpty()) {
                kept.add(line);
                if (kept.size() == 2) {
                    break;
                }
            }
        }
        String trimmed = String.join("\n", kept);
        return trimmed.equals(message) ? trimmed : trimmed + "...";
    }

    static String parameterize(String text) {
        if (text.length() > CACHED_MAX_LENGTH) {
            return replacePlaceholders(text);
        }
        String cached = PARAMETERIZED.get(text);
        if (cached != null) {
            return cached;
        }
        String parameterized = replacePlaceholders(text);
        if (PARAMETERIZED.size() >= CACHED_ENTRIES) {
            PARAMETERIZED.clear();
        }
        PARAMETERIZED.put(text, parameterized);
        return parameterized;
    }

    static String replacePlaceholders(String text) {
        return PATTERNS.replace(text);
    }
}
