package dev.picket.processing.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ScrubberTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Scrubber scrubber = new Scrubber();

    @Test
    void passwordInRequestDataIsFilteredAndExplainedInMeta() {
        ObjectNode event = scrub("""
                {"request": {"data": {"username": "ada", "password": "hunter22"}}}""");

        assertThat(event.at("/request/data/password").stringValue()).isEqualTo("[Filtered]");
        assertThat(event.at("/request/data/username").stringValue()).isEqualTo("ada");
        assertThat(event.at("/_meta/request/data/password/").toString())
                .isEqualTo("{\"rem\":[[\"@password:filter\",\"s\",0,10]],\"len\":8}");
    }

    @Test
    void authorizationAndCookieHeadersAreFilteredButUserAgentIsKept() {
        ObjectNode event = scrub("""
                {"request": {"headers": {"Authorization": "Basic dXNlcjpwYXNz", "Cookie": "sid=abc123",
                  "User-Agent": "auth-client/1.0", "Accept": "text/html"}}}""");

        assertThat(event.at("/request/headers/Authorization").stringValue()).isEqualTo("[Filtered]");
        assertThat(event.at("/request/headers/Cookie").stringValue()).isEqualTo("[Filtered]");
        assertThat(event.at("/request/headers/User-Agent").stringValue()).isEqualTo("auth-client/1.0");
        assertThat(event.at("/request/headers/Accept").stringValue()).isEqualTo("text/html");
    }

    @Test
    void headersSentAsPairsAreJudgedByTheirNames() {
        ObjectNode event = scrub("""
                {"request": {"headers": [["X-Api-Key", "k-123"], ["Accept", "text/html"]]}}""");

        assertThat(event.at("/request/headers/0/1").stringValue()).isEqualTo("[Filtered]");
        assertThat(event.at("/request/headers/1/1").stringValue()).isEqualTo("text/html");
        assertThat(event.at("/_meta/request/headers/0/1/").get("rem").toString())
                .isEqualTo("[[\"@password:filter\",\"s\",0,10]]");
    }

    @Test
    void secretsInAQueryStringStringAreReplacedInPlace() {
        ObjectNode event = scrub("""
                {"request": {"query_string": "page=2&access_token=abc&api_key=k1&q=shoes"}}""");

        assertThat(event.at("/request/query_string").stringValue())
                .isEqualTo("page=2&access_token=[Filtered]&api_key=[Filtered]&q=shoes");
        assertThat(event.at("/_meta/request/query_string/").toString()).isEqualTo(
                "{\"rem\":[[\"@password:filter\",\"s\",20,30],[\"@password:filter\",\"s\",39,49]],\"len\":42}");
    }

    @Test
    void secretsInAQueryStringPairListAreFiltered() {
        ObjectNode event = scrub("""
                {"request": {"query_string": [["page", "2"], ["token", "abc"], ["passwd", "x1"]]}}""");

        assertThat(event.at("/request/query_string").toString())
                .isEqualTo("[[\"page\",\"2\"],[\"token\",\"[Filtered]\"],[\"passwd\",\"[Filtered]\"]]");
    }

    @Test
    void firstStringOfATwoElementListIsScrubbedWhenTheListIsNoPair() {
        ObjectNode event = scrub("""
                {"extra": {"lines": ["my password is hunter2", "ok"]}}""");

        assertThat(event.at("/extra/lines").toString()).isEqualTo("[\"[Filtered]\",\"ok\"]");
    }

    @Test
    void sessionCookiesAreFilteredByNameAndOtherCookiesKept() {
        ObjectNode event = scrub("""
                {"request": {"cookies": {"sessionid": "s-42", "theme": "dark", "csrftoken": "c-1"}}}""");

        assertThat(event.at("/request/cookies/sessionid").stringValue()).isEqualTo("[Filtered]");
        assertThat(event.at("/request/cookies/csrftoken").stringValue()).isEqualTo("[Filtered]");
        assertThat(event.at("/request/cookies/theme").stringValue()).isEqualTo("dark");
        assertThat(event.at("/_meta/request/cookies/sessionid/").get("rem").get(0).get(0).stringValue())
                .isEqualTo("@anything:filter");
    }

    @Test
    void cookiesSentAsOneStringKeepTheirHarmlessPairs() {
        ObjectNode event = scrub("""
                {"request": {"cookies": "theme=dark; sessionid=s-42"}}""");

        assertThat(event.at("/request/cookies").stringValue()).isEqualTo("theme=dark; sessionid=[Filtered]");
    }

    @Test
    void creditCardInABreadcrumbMessageIsCutOut() {
        ObjectNode event = scrub("""
                {"breadcrumbs": {"values": [{"message": "charged 4242-4242-4242-4242 for order 7"}]}}""");

        assertThat(event.at("/breadcrumbs/values/0/message").stringValue())
                .isEqualTo("charged [Filtered] for order 7");
        assertThat(event.at("/_meta/breadcrumbs/values/0/message/").toString())
                .isEqualTo("{\"rem\":[[\"@creditcard:filter\",\"s\",8,18]],\"len\":39}");
    }

    @Test
    void tokenNestedFiveLevelsDeepInExtraIsFiltered() {
        ObjectNode event = scrub("""
                {"extra": {"a": {"b": {"c": {"d": {"refresh_token": "r-1", "count": 3}}}}}}""");

        assertThat(event.at("/extra/a/b/c/d/refresh_token").stringValue()).isEqualTo("[Filtered]");
        assertThat(event.at("/extra/a/b/c/d/count").intValue()).isEqualTo(3);
        assertThat(event.at("/_meta/extra/a/b/c/d/refresh_token/").get("len").intValue()).isEqualTo(3);
    }

    @Test
    void frameVariablesOfExceptionsAndThreadsAreScrubbed() {
        ObjectNode event = scrub("""
                {"exception": {"values": [{"stacktrace": {"frames": [{"vars": {"secret_key": "'s1'", "n": "1"}}]}}]},
                 "threads": {"values": [{"stacktrace": {"frames": [{"vars": {"db_password": "'p2'"}}]}}]}}""");

        assertThat(event.at("/exception/values/0/stacktrace/frames/0/vars/secret_key").stringValue())
                .isEqualTo("[Filtered]");
        assertThat(event.at("/exception/values/0/stacktrace/frames/0/vars/n").stringValue()).isEqualTo("1");
        assertThat(event.at("/threads/values/0/stacktrace/frames/0/vars/db_password").stringValue())
                .isEqualTo("[Filtered]");
    }

    @Test
    void nonStringValuesUnderSensitiveKeysAreRemoved() {
        ObjectNode event = scrub("""
                {"extra": {"pin_password": 1234, "credentials": {"user": "ada"}, "auth_enabled": true}}""");

        assertThat(event.at("/extra/pin_password").isNull()).isTrue();
        assertThat(event.at("/extra/credentials").isNull()).isTrue();
        assertThat(event.at("/extra/auth_enabled").booleanValue()).isTrue();
        assertThat(event.at("/_meta/extra/credentials/").toString()).isEqualTo("{\"rem\":[[\"@password:filter\",\"x\"]]}");
    }

    @Test
    void stringMentioningAPasswordIsFilteredWhole() {
        ObjectNode event = scrub("""
                {"extra": {"note": "user typed password hunter2 twice"}}""");

        assertThat(event.at("/extra/note").stringValue()).isEqualTo("[Filtered]");
    }

    @Test
    void bearerTokenInsideAValueIsFiltered() {
        ObjectNode event = scrub("""
                {"extra": {"sent": "header Bearer eyJhbGciOi.x.y"}}""");

        assertThat(event.at("/extra/sent").stringValue()).isEqualTo("header [Filtered]");
    }

    @Test
    void passwordInAUrlIsCutOutAndTheRestKept() {
        ObjectNode event = scrub("""
                {"extra": {"dsn": "redis://cache:s3cr3t@localhost:6379/0"}}""");

        assertThat(event.at("/extra/dsn").stringValue()).isEqualTo("redis://cache:[Filtered]@localhost:6379/0");
        assertThat(event.at("/_meta/extra/dsn/").get("rem").toString()).isEqualTo("[[\"@urlauth:legacy\",\"s\",14,24]]");
    }

    @Test
    void privateKeyMaterialIsCutOutBetweenItsArmourLines() {
        ObjectNode event = scrub("""
                {"extra": {"pem": "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIB\\n-----END EC PRIVATE KEY-----"}}""");

        assertThat(event.at("/extra/pem").stringValue())
                .isEqualTo("-----BEGIN EC PRIVATE KEY-----\n[Filtered]\n-----END EC PRIVATE KEY-----");
    }

    @Test
    void transactionSpanDataIsScrubbed() {
        ObjectNode event = scrub("""
                {"type": "transaction", "spans": [{"op": "http.client",
                  "data": {"http.request.header.authorization": "Bearer t", "http.method": "GET"}}]}""");

        assertThat(event.at("/spans/0/data/http.request.header.authorization").stringValue()).isEqualTo("[Filtered]");
        assertThat(event.at("/spans/0/data/http.method").stringValue()).isEqualTo("GET");
    }

    @Test
    void logMessageKeepsItsTextButLosesTheCardNumber() {
        ObjectNode event = scrub("""
                {"logentry": {"formatted": "Payment with 4111111111111111 declined", "params": ["api_key=k9"]}}""");

        assertThat(event.at("/logentry/formatted").stringValue()).isEqualTo("Payment with [creditcard] declined");
        assertThat(event.at("/logentry/params/0").stringValue()).isEqualTo("[Filtered]");
    }

    @Test
    void ipAddressesAreKeptByDefault() {
        ObjectNode event = scrub("""
                {"user": {"id": "u1", "ip_address": "203.0.113.7"}, "extra": {"peer": "203.0.113.7"}}""");

        assertThat(event.at("/user/ip_address").stringValue()).isEqualTo("203.0.113.7");
        assertThat(event.at("/extra/peer").stringValue()).isEqualTo("203.0.113.7");
    }

    @Test
    void ipAddressesAreRemovedWhenIpScrubbingIsOn() {
        ObjectNode event = scrub("""
                {"user": {"id": "u1", "ip_address": "203.0.113.7"},
                 "request": {"env": {"REMOTE_ADDR": "203.0.113.7"}},
                 "breadcrumbs": [{"message": "connect from 2001:db8::1 and 198.51.100.2 failed"}]}""",
                config(true, false, List.of(), List.of(), List.of()));

        assertThat(event.at("/user/ip_address").isNull()).isTrue();
        assertThat(event.at("/request/env/REMOTE_ADDR").isNull()).isTrue();
        assertThat(event.at("/breadcrumbs/0/message").stringValue()).isEqualTo("connect from [ip] and [ip] failed");
        assertThat(event.at("/_meta/user/ip_address/").toString()).isEqualTo("{\"rem\":[[\"@anything:remove\",\"x\"]]}");
    }

    @Test
    void emailAddressesAreKeptByDefault() {
        ObjectNode event = scrub("""
                {"user": {"email": "ada@example.com"}, "extra": {"contact": "mail ada@example.com"}}""");

        assertThat(event.at("/user/email").stringValue()).isEqualTo("ada@example.com");
        assertThat(event.at("/extra/contact").stringValue()).isEqualTo("mail ada@example.com");
    }

    @Test
    void emailAddressesAreReplacedWhenEmailScrubbingIsOn() {
        ObjectNode event = scrub("""
                {"user": {"email": "ada@example.com"}, "extra": {"contact": "mail ada@example.com"}}""",
                config(false, true, List.of(), List.of(), List.of()));

        assertThat(event.at("/user/email").stringValue()).isEqualTo("[email]");
        assertThat(event.at("/extra/contact").stringValue()).isEqualTo("mail [email]");
    }

    @Test
    void safeFieldsAreNeverScrubbed() {
        ObjectNode event = scrub("""
                {"extra": {"auth_mode": "oauth", "github_token": "ghp_1", "nested": {"Session_Token": {"x": "y"}}}}""",
                config(false, false, List.of(), List.of("auth_mode", "session_token"), List.of()));

        assertThat(event.at("/extra/auth_mode").stringValue()).isEqualTo("oauth");
        assertThat(event.at("/extra/nested/Session_Token/x").stringValue()).isEqualTo("y");
        assertThat(event.at("/extra/github_token").stringValue()).isEqualTo("[Filtered]");
    }

    @Test
    void additionalSensitiveFieldFiltersMatchingKeysAndValuesMentioningIt() {
        ObjectNode event = scrub("""
                {"extra": {"customer_iban_ref": "r-9", "memo": "see Iban_Ref on file", "city": "Oslo"}}""",
                config(false, false, List.of("iban_ref"), List.of(), List.of()));

        assertThat(event.at("/extra/customer_iban_ref").stringValue()).isEqualTo("[Filtered]");
        assertThat(event.at("/extra/memo").stringValue()).isEqualTo("[Filtered]");
        assertThat(event.at("/extra/city").stringValue()).isEqualTo("Oslo");
        assertThat(event.at("/_meta/extra/customer_iban_ref/").get("rem").get(0).get(0).stringValue())
                .isEqualTo("strip-fields");
    }

    @Test
    void customPatternReplacesOnlyItsMatches() {
        ObjectNode event = scrub("""
                {"extra": {"ticket": "order ORD-55-XK shipped"}}""",
                config(false, false, List.of(), List.of(), List.of("ORD-\\d+-[A-Z]+")));

        assertThat(event.at("/extra/ticket").stringValue()).isEqualTo("order [Filtered] shipped");
        assertThat(event.at("/_meta/extra/ticket/").get("rem").toString()).isEqualTo("[[\"project:0\",\"s\",6,16]]");
    }

    @Test
    void oneScrubberAppliesEachProjectsOwnPatterns() {
        ScrubbingConfig withPattern = config(false, false, List.of(), List.of(), List.of("ORD-\\d+"));
        ObjectNode first = scrub("""
                {"extra": {"ticket": "ORD-1"}}""", withPattern);
        ObjectNode second = scrub("""
                {"extra": {"ticket": "ORD-1"}}""", ScrubbingConfig.defaults());

        assertThat(first.at("/extra/ticket").stringValue()).isEqualTo("[Filtered]");
        assertThat(second.at("/extra/ticket").stringValue()).isEqualTo("ORD-1");
    }

    @Test
    void aSessionCookieNameFiltersOnlyAsACookieEvenWhenSeenOtherwiseFirst() {
        ObjectNode outside = scrub("""
                {"extra": {"session": "blue"}}""");
        ObjectNode inside = scrub("""
                {"request": {"cookies": {"session": "s-42"}}, "extra": {"session": "blue"}}""");
        ObjectNode outsideAgain = scrub("""
                {"extra": {"session": "blue"}}""");

        assertThat(outside.at("/extra/session").stringValue()).isEqualTo("blue");
        assertThat(inside.at("/request/cookies/session").stringValue()).isEqualTo("[Filtered]");
        assertThat(inside.at("/extra/session").stringValue()).isEqualTo("blue");
        assertThat(outsideAgain.at("/extra/session").stringValue()).isEqualTo("blue");
    }

    @Test
    void oneScrubberAppliesEachProjectsOwnSensitiveFields() {
        ScrubbingConfig withField = config(false, false, List.of("vendor_ref"), List.of(), List.of());
        ObjectNode first = scrub("""
                {"extra": {"vendor_ref": "v-1"}}""", withField);
        ObjectNode second = scrub("""
                {"extra": {"vendor_ref": "v-1"}}""", ScrubbingConfig.defaults());

        assertThat(first.at("/extra/vendor_ref").stringValue()).isEqualTo("[Filtered]");
        assertThat(second.at("/extra/vendor_ref").stringValue()).isEqualTo("v-1");
    }

    @Test
    void withoutDefaultScrubbersOnlyTheProjectsOwnRulesApply() {
        ObjectNode event = scrub("""
                {"extra": {"password": "hunter22", "vendor_ref": "v-1"}}""",
                new ScrubbingConfig(true, false, false, false, List.of("vendor_ref"), List.of(), List.of()));

        assertThat(event.at("/extra/password").stringValue()).isEqualTo("hunter22");
        assertThat(event.at("/extra/vendor_ref").stringValue()).isEqualTo("[Filtered]");
    }

    @Test
    void nonSensitiveDataIsLeftUntouchedAndNoMetaIsAdded() {
        String json = """
                {"message": "Order 2024111912345678 shipped", "tags": {"region": "eu"},
                 "extra": {"order_number": "2024111912345678", "author": null, "paid": true, "total": 12.5,
                  "build": "3.11.2 (main, Apr 28 2025, 14:11:48)", "empty_password": ""}}""";
        ObjectNode event = event(json);

        ScrubReport report = scrubber.scrub(event, ScrubbingConfig.defaults());

        assertThat(event).isEqualTo(event(json));
        assertThat(report).isEqualTo(ScrubReport.NOTHING);
    }

    @Test
    void numberWithACardPrefixIsScrubbedEvenIfItFailsTheLuhnCheckAsSentryDoes() {
        ObjectNode event = scrub("""
                {"extra": {"ref": "4000123412341235"}}""");

        assertThat(event.at("/extra/ref").stringValue()).isEqualTo("[Filtered]");
    }

    @Test
    void ibanIsCutOutOnlyWhenItsChecksumHolds() {
        ObjectNode event = scrub("""
                {"extra": {"valid": "pay to DE89370400440532013000 now", "invalid": "ref DE89370400440532013001"}}""");

        assertThat(event.at("/extra/valid").stringValue()).isEqualTo("pay to [Filtered] now");
        assertThat(event.at("/extra/invalid").stringValue()).isEqualTo("ref DE89370400440532013001");
    }

    @Test
    void remarksAreAddedToMetaTheSdkAlreadySent() {
        ObjectNode event = scrub("""
                {"extra": {"password": "abc"}, "_meta": {"extra": {"password": {"": {"len": 4000}}}}}""");

        assertThat(event.at("/_meta/extra/password/").toString())
                .isEqualTo("{\"len\":4000,\"rem\":[[\"@password:filter\",\"s\",0,10]]}");
    }

    private ObjectNode scrub(String json) {
        return scrub(json, ScrubbingConfig.defaults());
    }

    private ObjectNode scrub(String json, ScrubbingConfig config) {
        ObjectNode event = event(json);
        scrubber.scrub(event, config);
        return event;
    }

    private static ScrubbingConfig config(boolean ip, boolean email, List<String> sensitive, List<String> safe,
            List<String> patterns) {
        return new ScrubbingConfig(true, true, ip, email, sensitive, safe, patterns);
    }

    private static ObjectNode event(String json) {
        JsonNode node = JSON.readTree(json);
        return (ObjectNode) node;
    }
}
