package dev.picket.processing.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parameterizing with only the placeholders a text can hold gives what the full combined pattern,
 * applied as Sentry's parameterizer does, gives.
 */
class PlaceholderPatternsTest {

    private static final List<String> KINDS = List.of(
            "Payment 1234 declined for order 51234",
            "temperature -3.5 degrees, delta +0.25, ratio 1.0e5",
            "user 4a2b8a1e-7c3d-4f5e-9a6b-1c2d3e4f5a6b not found; also DEADBEEF-DEAD-BEEF-DEAD-BEEFDEADBEEF",
            "uuid letters only deadbeef-dead-beef-dead-beefdeadbeef",
            "mail to jane.doe+test@example.org bounced, a@b, @handle, user@localhost",
            "GET https://api.example.com/v1/orders?id=7 failed; ws://h/x wss://h:443/ ftp://f.example.net/a http://",
            "cannot reach 10.0.12.7 or 255.255.255.255 or 256.1.1.1 or 1.2.3",
            "cannot reach db.internal.example.com now, nor foo.APP, nor a.b.c.dev, nor example.COM.",
            "flag 0x1F set, 0XABCDEF, 0x, -0x10",
            "commit 3f786850e387550fdab836ed7e6dc881de23001b and 3F786850E387550FDAB836ED7E6DC881DE23001B",
            "md5 d41d8cd98f00b204e9800998ecf8427e and aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "sha1 of letters aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "took 250ms, then 1.5s, then 3s, then 12 s",
            "at 2024-01-31T12:34:56Z and 2024-01-31T12:34:56.123456789+02:00",
            "name='bob' active=true other=False q=\"quoted value\" e='' x=True1",
            "trace 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01 lost",
            "aws trace 1-5759e988-bd862e3fe1be46a994272793 seen",
            "deployed abc1234, abcdef0, 1234567, abcdefa",
            "order 123456789 and 12345678 and 1234567",
            "HTTP/1.1-8080",
            "at 9:30 pm today, 12:00AM, 13:45, 23:59:59, 24:00, 7:05:09 am",
            "offset -12 applied, a-12 b, -5",
            "swift tx1234567890abcdef01234-0123456789 and txabcdefabcdefabcdefabcde-abcdefabcd/more",
            "letters-only hex deadbeef and DEADBEEF and deadbeefcafe and DeadBeef",
            "hex words abcd ab12 12ab ABCD AB12 fade cafe",
            "Arabic-Indic digits ٣ and ١٢٣ and ٣.٥ and ٢٠٢٤-٠١-٣١",
            "Devanagari ४२ and fullwidth １２３ and math 𝟘𝟙 and Osmanya 𐒠",
            "python datetime.datetime(2020, 1, 1) and datetime.datetime() and datetimeXdatetime(now)",
            "datetime.datetime(unclosed",
            "IPv6 ::1, ::, fe80::1%eth0, 2001:db8::8a2e:370:7334, ::ffff:192.0.2.128, 1:2:3:4:5:6:7:8",
            "C++ names Foo::bar() and std::vector<int>::size and a::b",
            "colons KeyError: 42, code: 7, Error:12, abc:: 3, x:y:z, 12:",
            "packed 20240131T1234 and 20240131 1234 and ٢٠٢٤٠١٣١T1234 and 2024013T1234",
            "RFC822 Mon, 02 Jan 2006 15:04 MST and Mon, 02 Jan 2006 15:04:05 -0700",
            "Mon Jan 02, 1999 and Jan 02, 1999",
            "RFC850 Monday, 02-Jan-06 15:04:05 MST",
            "JS Mon Jan 02 2006 15:04:05 GMT-0700 (Mountain Standard Time)",
            "ISO 2024-01-31 12:34 and 20240131T1234 and 2024-01-31 12:34:56.789+01:00 and 2024-01-31T12:34Z",
            "plain date 2024-01-31 and time 23:59:59",
            "syslog Jan  2 15:04:05 2006 and Mon Jan 2 15:04:05 2006",
            "RFC2822 2 Jan 2006 15:04 -0700 and Mon, 31 Dec 1999 23:59:60 GMT",
            "key=value key='a=b' key=\"x\" =true ==false = 'spaced'",
            "",
            "plain words only, nothing to replace",
            "ÄÖÜ äöü ß — unicode words without digits",
            "trailing dot. and colon: and dash - and equals =",
            "line one\nline two 42\r\nline three");

    private static final List<String> FRAGMENTS = Stream.concat(KINDS.stream().flatMap(kind -> Stream.of(kind.split(" "))),
            Stream.of("٣", "٣٣", "0", "-", "--", ".", ":", "::", "=", "'", "\"", "(", ")", "@", "/", "//", "://", "x",
                    "0x", "tx", "ms", "s", "am", "PM", "GMT", "Z", "T", "deadbeef", "DEADBEEF", "abc", "123", "-1",
                    "1.", ".5", "True", "false", "com", "COM", "fe80", "ffff", "Jan", "Mon", "datetime", "\n", "\t",
                    "\u00a0", "𝟘", "_", "e", "f", "a1", "A1"))
            .toList();

    private static final String[] SEPARATORS = {" ", "", " ", "=", ":", "-", ".", "/", ",", "\n", "(", ")", "  "};

    // Fresh instances now and then, so that every subset met is compiled rather than served by the
    // full pattern once the bound on subsets is reached.
    private static final int STRINGS_PER_INSTANCE = 40;

    @Test
    void agreesWithTheFullPatternOnEveryStringOfTheGroupingTests() throws IOException {
        for (String literal : groupingTestLiterals()) {
            assertAgrees(literal);
        }
    }

    @Test
    void agreesWithTheFullPatternOnMessagesOfEveryPlaceholderKind() {
        for (String message : KINDS) {
            assertAgrees(message);
        }
    }

    @Test
    void messagesOfEveryPlaceholderKindGetEveryPlaceholder() {
        String all = String.join("\n", KINDS.stream().map(PlaceholderPatternsTest::reference).toList());
        for (Placeholder placeholder : MessageNormalizer.placeholders()) {
            assertThat(all).contains("<" + placeholder.key() + ">");
        }
    }

    @Test
    void agreesWithTheFullPatternOnRandomMixturesOfFragments() {
        Random random = new Random(20261126);
        PlaceholderPatterns patterns = null;
        for (int n = 0; n < 20_000; n++) {
            patterns = n % STRINGS_PER_INSTANCE == 0 ? fresh() : patterns;
            StringBuilder text = new StringBuilder();
            int fragments = 1 + random.nextInt(8);
            for (int f = 0; f < fragments; f++) {
                if (f > 0) {
                    text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
                }
                text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
            }
            assertAgrees(patterns, text.toString());
        }
    }

    @Test
    void agreesWithTheFullPatternOnRandomCharacters() {
        String alphabet = "0123456789abcdefxyzABCDEFXT:.,-=@/()'\" \n_+%٣४１";
        Random random = new Random(7);
        PlaceholderPatterns patterns = null;
        for (int n = 0; n < 20_000; n++) {
            patterns = n % STRINGS_PER_INSTANCE == 0 ? fresh() : patterns;
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertAgrees(patterns, text.toString());
        }
    }

    private static void assertAgrees(String text) {
        assertThat(MessageNormalizer.replacePlaceholders(text)).as("%s", text).isEqualTo(reference(text));
    }

    private static void assertAgrees(PlaceholderPatterns patterns, String text) {
        assertThat(patterns.replace(text)).as("%s", text).isEqualTo(reference(text));
    }

    private static PlaceholderPatterns fresh() {
        return new PlaceholderPatterns(MessageNormalizer.placeholders());
    }

    private static final Pattern FULL = full();

    // The combined pattern and its application as they were before subsets.
    private static Pattern full() {
        List<String> alternatives = new ArrayList<>();
        List<Placeholder> placeholders = MessageNormalizer.placeholders();
        for (int i = 0; i < placeholders.size(); i++) {
            alternatives.add("(?<p" + i + ">" + placeholders.get(i).pattern() + ")");
        }
        return Pattern.compile(String.join("|", alternatives), Pattern.UNICODE_CHARACTER_CLASS);
    }

    private static String reference(String text) {
        Matcher matcher = FULL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement("<" + keyOf(matcher) + ">"));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String keyOf(Matcher matcher) {
        List<Placeholder> placeholders = MessageNormalizer.placeholders();
        for (int i = 0; i < placeholders.size(); i++) {
            if (matcher.group("p" + i) != null) {
                return placeholders.get(i).key();
            }
        }
        throw new IllegalStateException("a match always comes from one placeholder");
    }

    // Every string literal in this package's tests, the examples of which they are made.
    private static List<String> groupingTestLiterals() throws IOException {
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
        List<String> literals = new ArrayList<>();
        try (Stream<Path> sources = Files.list(Path.of("src/test/java/dev/picket/processing/grouping"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = literal.matcher(Files.readString(source));
                while (matcher.find()) {
                    String text = matcher.group(1).replace("\\n", "\n").replace("\\t", "\t").replace("\\\"", "\"")
                            .replace("\\'", "'").replace("\\\\", "\\");
                    literals.add(text);
                    // The examples of a CSV source are the cells of its rows.
                    literals.addAll(List.of(text.split("\\|")));
                }
            }
        }
        assertThat(literals).hasSizeGreaterThan(100);
        return literals;
    }
}
