package dev.picket.processing.normalize;

import static dev.picket.processing.normalize.Normalizing.event;
import static dev.picket.processing.normalize.Normalizing.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values Relay fills in when the SDK leaves them out. */
class DefaultsTest {

    @Test
    void missingEventIdIsANewUuidInHex() {
        EventFacts facts = event("{}").facts();

        assertThat(facts.eventId()).matches("[0-9a-f]{32}");
    }

    @Test
    void hyphenatedUpperCaseEventIdIsWrittenAsLowerCaseHex() {
        EventFacts facts = event("{\"event_id\": \"FC6D8C0C-43FC-4630-AD85-0EE518F1B9D0\"}").facts();

        assertThat(facts.eventId()).isEqualTo("fc6d8c0c43fc4630ad850ee518f1b9d0");
    }

    @Test
    void invalidEventIdIsReplacedWithAnError() {
        NormalizedEvent n = event("{\"event_id\": \"not-an-id\"}");

        assertThat(n.facts().eventId()).matches("[0-9a-f]{32}");
        assertThat(n.event().at("/errors/0/name").stringValue()).isEqualTo("event_id");
    }

    @Test
    void missingPlatformIsOther() {
        assertThat(event("{}").facts().platform()).isEqualTo("other");
    }

    @Test
    void missingLevelIsErrorForEvents() {
        assertThat(event("{}").facts().level()).isEqualTo("error");
    }

    @Test
    void missingLevelIsInfoForTransactions() {
        assertThat(transaction("{\"transaction\": \"/\"}").facts().level()).isEqualTo("info");
    }

    @ParameterizedTest
    @CsvSource({"warn, warning", "WARNING, warning", "critical, fatal", "log, info", "30, warning", "10, debug"})
    void levelAliasesAndPythonLevelNumbersAreUnderstood(String sent, String level) {
        String json = sent.matches("\\d+") ? "{\"level\": " + sent + "}" : "{\"level\": \"" + sent + "\"}";

        assertThat(event(json).facts().level()).isEqualTo(level);
    }

    @Test
    void unknownLevelIsDroppedWithAnErrorAndDefaulted() {
        NormalizedEvent n = event("{\"level\": \"loud\"}");

        assertThat(n.facts().level()).isEqualTo("error");
        assertThat(n.event().at("/errors/0").toString())
                .isEqualTo("{\"type\":\"invalid_data\",\"name\":\"level\",\"value\":\"loud\"}");
    }

    @Test
    void eventWithExceptionIsAnError() {
        assertThat(event("{\"exception\": [{\"type\": \"E\"}]}").facts().type()).isEqualTo("error");
    }

    @Test
    void eventWithoutExceptionIsDefault() {
        assertThat(event("{\"message\": \"m\"}").facts().type()).isEqualTo("default");
    }

    @Test
    void stateTypeIsIgnoredForOrdinaryEvents() {
        assertThat(event("{\"type\": \"error\", \"message\": \"m\"}").facts().type()).isEqualTo("default");
    }

    @Test
    void transactionItemIsATransaction() {
        assertThat(transaction("{\"transaction\": \"/\"}").facts().type()).isEqualTo("transaction");
    }

    @Test
    void feedbackItemIsFeedbackTitledUserFeedback() {
        EventFacts facts = Normalizing.as("feedback", """
                {"contexts": {"feedback": {"message": "checkout is broken", "contact_email": "a@example.com"}}}""").facts();

        assertThat(facts.type()).isEqualTo("feedback");
        assertThat(facts.title()).isEqualTo("User Feedback");
    }

    @Test
    void securityReportsAreTypedByTheirInterface() {
        assertThat(event("{\"hpkp\": {\"hostname\": \"example.com\"}}").facts().type()).isEqualTo("hpkp");
        assertThat(event("{\"expectct\": {\"hostname\": \"example.com\"}}").facts().type()).isEqualTo("expectct");
    }

    @Test
    void transactionWithoutNameIsUnlabeled() {
        EventFacts facts = transaction("{}").facts();

        assertThat(facts.transaction()).isEqualTo("<unlabeled transaction>");
        assertThat(facts.title()).isEqualTo("<unlabeled transaction>");
    }

    @Test
    void transactionTraceContextGetsDefaultOpAndStatus() {
        NormalizedEvent n = transaction("""
                {"transaction": "/", "contexts": {"trace": {"trace_id": "4c79f60c11214eb38604f4ae0781bfb2", "span_id": "fa90fdead5f74053"}}}""");

        assertThat(n.event().at("/contexts/trace/op").stringValue()).isEqualTo("default");
        assertThat(n.event().at("/contexts/trace/status").stringValue()).isEqualTo("unknown");
        assertThat(n.facts().spanId()).isEqualTo("fa90fdead5f74053");
    }

    @Test
    void environmentTagFillsAMissingEnvironment() {
        EventFacts facts = event("{\"tags\": {\"environment\": \"staging\"}}").facts();

        assertThat(facts.environment()).isEqualTo("staging");
        assertThat(facts.tags()).containsOnlyOnce(new Tag("environment", "staging"));
    }
}
