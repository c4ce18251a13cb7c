package dev.picket.processing.normalize;

import static dev.picket.processing.normalize.Normalizing.CLIENT_IP;
import static dev.picket.processing.normalize.Normalizing.event;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tags Sentry derives and the user it identifies. */
class TagsAndUsersTest {

    private static String header(String userAgent) {
        return "{\"request\": {\"url\": \"https://shop.example/cart\", \"headers\": {\"user-agent\": \"" + userAgent + "\"}}}";
    }

    @Test
    void urlTagLeavesOutQueryAndFragmentWhichMoveToTheirOwnFields() {
        NormalizedEvent n = event("{\"request\": {\"url\": \"https://shop.example/cart?id=1#top\"}}");

        assertThat(n.facts().tag("url")).isEqualTo("https://shop.example/cart");
        assertThat(n.event().at("/request/query_string").stringValue()).isEqualTo("id=1");
        assertThat(n.event().at("/request/fragment").stringValue()).isEqualTo("top");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.109 Safari/537.36 | Chrome 120.0.6099 | Windows 10",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91 | Edge 120.0.2210 | Windows 10",
            "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0 | Firefox 121.0 | Ubuntu",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15 | Safari 17.2 | Mac OS X 10.15.7",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1 | Mobile Safari 17.2 | iOS 17.2",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36 | Chrome Mobile 120.0.6099 | Android 14",
            "curl/8.4.0 | curl 8.4.0 | ",
            "python-requests/2.31.0 | Python Requests 2.31.0 | "})
    void browserAndOsTagsComeFromTheUserAgent(String userAgent, String browser, String os) {
        EventFacts facts = event(header(userAgent)).facts();

        assertThat(facts.tag("browser")).isEqualTo(browser);
        assertThat(facts.tag("browser.name")).isEqualTo(browser.substring(0, browser.lastIndexOf(' ')));
        assertThat(facts.tag("os")).isEqualTo(os);
    }

    @Test
    void browserContextOfTheSdkWinsOverTheUserAgent() {
        EventFacts facts = event("""
                {"contexts": {"browser": {"name": "Firefox", "version": "115.0"}},
                 "request": {"headers": [["User-Agent", "curl/8.4.0"]]}}""").facts();

        assertThat(facts.tag("browser")).isEqualTo("Firefox 115.0");
    }

    @Test
    void deviceTagsComeFromTheDeviceContext() {
        EventFacts facts = event("{\"contexts\": {\"device\": {\"model\": \"Pixel 8\", \"family\": \"Pixel\"}}}").facts();

        assertThat(facts.tags()).contains(new Tag("device", "Pixel 8"), new Tag("device.family", "Pixel"));
    }

    @Test
    void handledAndMechanismTagsComeFromTheFirstExceptionsMechanism() {
        EventFacts facts = event("""
                {"exception": [{"type": "A", "mechanism": {"type": "onerror", "handled": false}},
                               {"type": "B", "mechanism": {"type": "chained", "handled": true}}]}""").facts();

        assertThat(facts.tags()).contains(new Tag("handled", "no"), new Tag("mechanism", "onerror"));
    }

    @Test
    void levelLoggerTransactionAndTraceBecomeTags() {
        EventFacts facts = event("""
                {"level": "warning", "logger": "app.db", "transaction": "/checkout",
                 "contexts": {"trace": {"trace_id": "4C79F60C11214EB38604F4AE0781BFB2", "span_id": "fa90fdead5f74053"}}}""").facts();

        assertThat(facts.tags()).contains(new Tag("level", "warning"), new Tag("logger", "app.db"),
                new Tag("transaction", "/checkout"), new Tag("trace", "4c79f60c11214eb38604f4ae0781bfb2"));
        assertThat(facts.traceId()).isEqualTo("4c79f60c11214eb38604f4ae0781bfb2");
    }

    @Test
    void reservedTagsOfTheSdkAreDroppedAndDerivedOnesWin() {
        EventFacts facts = event("""
                {"release": "1.0", "level": "info", "tags": {"release": "fake", "user": "fake", "level": "fatal", "dist": "x"}}""").facts();

        assertThat(facts.tag("release")).isEqualTo("1.0");
        assertThat(facts.tag("user")).isNull();
        assertThat(facts.tag("level")).isEqualTo("info");
        assertThat(facts.tag("dist")).isNull();
    }

    @Test
    void duplicateTagKeysKeepTheFirstValue() {
        EventFacts facts = event("{\"tags\": [[\"region\", \"eu\"], [\"region\", \"us\"]]}").facts();

        assertThat(facts.tags()).containsOnlyOnce(new Tag("region", "eu")).doesNotContain(new Tag("region", "us"));
    }

    @Test
    void gcpFunctionContextNamesTheFunctionTag() {
        EventFacts facts = event("{\"contexts\": {\"gcp\": {\"function_name\": \"resize-image\"}}}").facts();

        assertThat(facts.tag("function")).isEqualTo("resize-image");
    }

    @Test
    void faasContextNamesTheFunctionAndColdStart() {
        EventFacts facts = event("{\"contexts\": {\"faas\": {\"name\": \"billing\", \"coldstart\": true}}}").facts();

        assertThat(facts.tags()).contains(new Tag("function", "billing"), new Tag("cold_start", "true"));
    }

    @Test
    void serverlessContextOverridesTheSdksFunctionTag() {
        EventFacts facts = event("""
                {"tags": {"function": "orders"}, "contexts": {"aws_lambda": {"function_name": "orders-handler"}}}""").facts();

        assertThat(facts.tag("function")).isEqualTo("orders-handler");
    }

    @Test
    void sdksFunctionTagIsKeptWithoutAServerlessContext() {
        assertThat(event("{\"tags\": {\"function\": \"orders\"}}").facts().tag("function")).isEqualTo("orders");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"id\": 7, \"email\": \"a@example.com\", \"username\": \"ann\"} | id:7",
            "{\"email\": \"a@example.com\", \"username\": \"ann\"}           | email:a@example.com",
            "{\"username\": \"ann\", \"ip_address\": \"192.0.2.1\"}         | username:ann",
            "{\"ip_address\": \"192.0.2.1\"}                                | ip:192.0.2.1"})
    void userKeyIsTheFirstOfIdEmailUsernameAndAddress(String user, String key) {
        NormalizedEvent n = event("{\"user\": " + user + "}");

        assertThat(n.facts().user().key()).isEqualTo(key);
        assertThat(n.facts().tag("user")).isEqualTo(key);
        assertThat(n.event().at("/user/sentry_user").stringValue()).isEqualTo(key);
    }

    @Test
    void autoAddressIsTheSendersAddress() {
        EventFacts facts = event("{\"user\": {\"id\": \"1\", \"ip_address\": \"{{auto}}\"}}").facts();

        assertThat(facts.user().ipAddress()).isEqualTo(CLIENT_IP);
    }

    @Test
    void autoAddressWithoutAKnownSenderIsRemovedQuietly() {
        NormalizedEvent n = Normalizing.withoutClientIp("{\"user\": {\"id\": \"1\", \"ip_address\": \"{{auto}}\"}}");

        assertThat(n.event().at("/user").has("ip_address")).isFalse();
        assertThat(n.event().has("errors")).isFalse();
    }

    @Test
    void autoRemoteAddrOfTheRequestBecomesTheUsersAddress() {
        EventFacts facts = event("{\"request\": {\"env\": {\"REMOTE_ADDR\": \"{{auto}}\"}}}").facts();

        assertThat(facts.user()).isEqualTo(new UserIdentity(null, null, null, CLIENT_IP));
    }

    @Test
    void browserEventsGetTheSendersAddressWithoutAskingForIt() {
        EventFacts facts = event("{\"platform\": \"javascript\", \"user\": {\"id\": \"1\"}}").facts();

        assertThat(facts.user().ipAddress()).isEqualTo(CLIENT_IP);
    }

    @Test
    void serverEventsWithoutAnAddressDoNotGetTheSenders() {
        assertThat(event("{\"platform\": \"python\", \"user\": {\"id\": \"1\"}}").facts().user().ipAddress()).isNull();
    }

    @Test
    void invalidAddressIsDroppedWithAnError() {
        NormalizedEvent n = event("{\"user\": {\"id\": \"1\", \"ip_address\": \"not an ip\"}}");

        assertThat(n.facts().user().ipAddress()).isNull();
        assertThat(n.event().at("/errors/0/name").stringValue()).isEqualTo("user.ip_address");
    }

    @Test
    void emptyUserIsNoUser() {
        assertThat(event("{\"user\": {}}").facts().user()).isNull();
    }
}
