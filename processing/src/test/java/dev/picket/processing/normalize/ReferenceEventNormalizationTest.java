package dev.picket.processing.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Every event, transaction and feedback recorded from the Python, Node and Java SDKs. */
class ReferenceEventNormalizationTest {

    /** A few minutes after the last recorded event, so no timestamp counts as clock drift. */
    private static final long RECEIVED = 1_795_495_000_000L;
    private static final String CLIENT_IP = "10.1.2.3";

    private final EventNormalizer normalizer = new EventNormalizer();

    static List<ReferenceEvents.Recorded> recorded() {
        return ReferenceEvents.all();
    }

    private NormalizedEvent normalize(ReferenceEvents.Recorded recorded) {
        return normalizer.normalize(recorded.event(), new NormalizeContext(recorded.itemType(), RECEIVED, CLIENT_IP));
    }

    private EventFacts facts(String name) {
        return normalize(ReferenceEvents.one(name)).facts();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void everyRecordedEventNormalizesWithoutErrors(ReferenceEvents.Recorded recorded) {
        NormalizedEvent normalized = normalize(recorded);

        assertThat(normalized.event().get("errors")).isNull();
        assertThat(normalized.facts().title()).isNotBlank();
        assertThat(normalized.facts().eventId()).isEqualTo(normalized.event().get("event_id").stringValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void normalizingAgainChangesNothing(ReferenceEvents.Recorded recorded) {
        NormalizedEvent once = normalize(recorded);
        JsonNode first = once.event().deepCopy();

        NormalizedEvent twice = normalizer.normalize(once.event(), new NormalizeContext(recorded.itemType(), RECEIVED, CLIENT_IP));

        assertThat(twice.event()).isEqualTo(first);
        assertThat(twice.facts()).isEqualTo(once.facts());
    }

    @Test
    void referenceFolderHoldsTheRecordedEvents() {
        ReferenceEvents.assumePresent();

        assertThat(recorded()).hasSize(24);
    }

    @ParameterizedTest
    @ValueSource(strings = {"python-sdk-1.9.10/001", "python-sdk-1.9.10/002", "python-sdk-1.9.10/003",
            "python-sdk-1.9.10/004", "python-sdk-1.9.10/005"})
    void pythonZeroDivisionIsTitledAndBlamedLikeSentry(String name) {
        EventFacts facts = facts(name);

        assertThat(facts.type()).isEqualTo("error");
        assertThat(facts.title()).isEqualTo("ZeroDivisionError: division by zero");
        assertThat(facts.culprit()).isEqualTo("__main__ in handler");
        assertThat(facts.metadata()).isEqualTo(
                new EventMetadata("ZeroDivisionError", "division by zero", "scenarios.py", "handler", null));
        assertThat(facts.level()).isEqualTo("error");
    }

    @Test
    void pythonErrorCarriesItsUserReleaseAndEnvironmentAsTags() {
        EventFacts facts = facts("python-sdk-1.9.10/002");

        assertThat(facts.user()).isEqualTo(new UserIdentity("u1", "u1@example.com", null, null));
        assertThat(facts.tags()).contains(new Tag("user", "id:u1"), new Tag("release", "orders@2.3.1"),
                new Tag("environment", "production"), new Tag("level", "error"), new Tag("server_name", "fn-host-1"),
                new Tag("runtime", "CPython 3.11.2"), new Tag("runtime.name", "CPython"));
    }

    @Test
    void awsLambdaContextNamesTheFunctionTag() {
        EventFacts facts = facts("python-sdk-1.9.10/001");

        assertThat(facts.tag("function")).isEqualTo("orders-handler");
    }

    @Test
    void isoTimestampWithMicrosecondsBecomesFloatSeconds() {
        NormalizedEvent normalized = normalize(ReferenceEvents.one("python-sdk-1.9.10/001"));

        assertThat(normalized.event().get("timestamp").doubleValue()).isEqualTo(1795494281.939668);
        assertThat(normalized.facts().timestampMillis()).isEqualTo(1_795_494_281_939L);
    }

    @Test
    void pythonMessageIsADefaultEventTitledByItsText() {
        EventFacts facts = facts("python-sdk-1.9.10/006");

        assertThat(facts.type()).isEqualTo("default");
        assertThat(facts.title()).isEqualTo("Payment 1234 declined for order 51234");
        assertThat(facts.message()).isEqualTo("Payment 1234 declined for order 51234");
        assertThat(facts.level()).isEqualTo("info");
        assertThat(facts.culprit()).isEmpty();
    }

    @Test
    void chainedExceptionIsTitledByTheOutermostOne() {
        EventFacts facts = facts("python-sdk-1.9.10/008");

        assertThat(facts.title()).isEqualTo("LookupError: customer lookup failed");
        assertThat(facts.culprit()).isEqualTo("__main__ in <module>");
    }

    @Test
    void pythonTransactionIsTitledByItsNameWithItsTrace() {
        EventFacts facts = facts("python-sdk-1.9.10/009");

        assertThat(facts.type()).isEqualTo("transaction");
        assertThat(facts.title()).isEqualTo("orders-handler");
        assertThat(facts.transaction()).isEqualTo("orders-handler");
        assertThat(facts.level()).isEqualTo("info");
        assertThat(facts.traceId()).isEqualTo("3d384cb932fa43e98e387f5f46693207");
        assertThat(facts.tag("trace")).isEqualTo("3d384cb932fa43e98e387f5f46693207");
    }

    @Test
    void errorInsideATransactionIsBlamedOnTheTransaction() {
        EventFacts facts = facts("python-sdk-1.9.10/010");

        assertThat(facts.culprit()).isEqualTo("orders-handler");
        assertThat(facts.tag("transaction")).isEqualTo("orders-handler");
    }

    @Test
    void nodeTypeErrorIsBlamedOnTheInAppFunctionInJavaScriptStyle() {
        EventFacts facts = facts("node-sdk-11.12.0/004");

        assertThat(facts.title()).isEqualTo("TypeError: Cannot read properties of undefined (reading 'length')");
        assertThat(facts.culprit()).isEqualTo("handleOrder(scenarios)");
        assertThat(facts.user().key()).isEqualTo("id:n1");
        assertThat(facts.traceId()).isEqualTo("d8afc5807603489aa3b512b7b6183f6b");
        assertThat(facts.tags()).contains(new Tag("handled", "yes"), new Tag("mechanism", "generic"),
                new Tag("os", "Debian 12.11"), new Tag("os.name", "Debian"), new Tag("runtime", "node v20.20.2"));
    }

    @Test
    void nodeMessageWithSyntheticExceptionIsTitledByItsCrashFunctionAsSentryDoes() {
        EventFacts facts = facts("node-sdk-11.12.0/008");

        assertThat(facts.type()).isEqualTo("error");
        assertThat(facts.metadata().type()).isNull();
        assertThat(facts.title()).isEqualTo("main");
        assertThat(facts.culprit()).isEmpty();
        assertThat(facts.message()).isEqualTo("Order 42 failed after 126 ms");
        assertThat(facts.level()).isEqualTo("info");
    }

    @Test
    void nodeRequestGivesTheUrlTagAndTheUserAddress() {
        EventFacts facts = facts("node-sdk-11.12.0/009");

        assertThat(facts.tag("url")).isEqualTo("http://127.0.0.1:39759/charge");
        assertThat(facts.user()).isEqualTo(new UserIdentity(null, null, null, "127.0.0.1"));
        assertThat(facts.culprit()).isEqualTo("POST /charge");
        assertThat(facts.title()).isEqualTo("PaymentError: card declined by issuer");
    }

    @Test
    void javaAutoIpAddressBecomesTheSendersAddress() {
        NormalizedEvent normalized = normalize(ReferenceEvents.one("java-sdk-8.20.0/001"));

        assertThat(normalized.event().at("/user/ip_address").stringValue()).isEqualTo(CLIENT_IP);
        assertThat(normalized.facts().user()).isEqualTo(new UserIdentity("j0", "j0@example.com", null, CLIENT_IP));
        assertThat(normalized.facts().tag("user")).isEqualTo("id:j0");
    }

    @Test
    void javaNullPointerExceptionIsBlamedOnTheInnermostFrame() {
        EventFacts facts = facts("java-sdk-8.20.0/001");

        assertThat(facts.title()).isEqualTo("NullPointerException: Cannot invoke \"String.length()\" because \"order\" is null");
        assertThat(facts.culprit()).isEqualTo("harness.Scenarios$OrderHandler in handle");
        assertThat(facts.tag("mechanism")).isEqualTo("chained");
    }

    @Test
    void javaMessageObjectBecomesTheLogEntry() {
        NormalizedEvent normalized = normalize(ReferenceEvents.one("java-sdk-8.20.0/004"));

        assertThat(normalized.event().has("message")).isFalse();
        assertThat(normalized.event().at("/logentry/formatted").stringValue()).isEqualTo("Invoice 77 overdue by 3 days");
        assertThat(normalized.facts().title()).isEqualTo("Invoice 77 overdue by 3 days");
        assertThat(normalized.facts().tag("user")).isEqualTo("ip:" + CLIENT_IP);
    }

    @Test
    void javaTransactionKeepsItsNameAndTrace() {
        EventFacts facts = facts("java-sdk-8.20.0/007");

        assertThat(facts.type()).isEqualTo("transaction");
        assertThat(facts.title()).isEqualTo("invoice-job");
        assertThat(facts.traceId()).isEqualTo("d22fba10b0184af98222e6effd5d40a5");
    }

    @Test
    void pythonSdkMetaIsKept() {
        NormalizedEvent normalized = normalize(ReferenceEvents.one("python-sdk-1.9.10/001"));

        assertThat(normalized.event().at("/_meta/exception/values/0/stacktrace/frames/0/vars//len").intValue()).isEqualTo(16);
    }
}
