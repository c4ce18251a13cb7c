package dev.picket.processing.normalize;

import static dev.picket.processing.normalize.Normalizing.event;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Formatting of {@code logentry.message} with {@code params}, as Relay does. */
class LogEntryTest {

    private static String formatted(String logentry) {
        return event("{\"logentry\": " + logentry + "}").event().at("/logentry/formatted").stringValue();
    }

    @Test
    void positionalPrintfPlaceholdersTakeParamsInOrder() {
        assertThat(formatted("""
                {"message": "user %s paid %d EUR (%.2f%%)", "params": ["ann", 12, 3.5]}"""))
                .isEqualTo("user ann paid 12 EUR (3.50%)");
    }

    @Test
    void namedPrintfPlaceholdersTakeParamsByName() {
        assertThat(formatted("""
                {"message": "hello %(name)s", "params": {"name": "world"}}""")).isEqualTo("hello world");
    }

    @Test
    void curlyPlaceholdersTakeParamsByPositionOrIndex() {
        assertThat(formatted("""
                {"message": "{} owes {1}", "params": ["ann", "bob"]}""")).isEqualTo("ann owes bob");
    }

    @Test
    void messageWithMissingParamsStaysUnformattedAndMovesToFormatted() {
        ObjectNode e = event("""
                {"logentry": {"message": "hello %s %s", "params": ["one"]}}""").event();

        assertThat(e.at("/logentry/formatted").stringValue()).isEqualTo("hello %s %s");
        assertThat(e.at("/logentry").has("message")).isFalse();
    }

    @Test
    void templateIsKeptNextToItsFormattedText() {
        ObjectNode e = event("""
                {"logentry": {"message": "hello %s", "params": ["x"]}}""").event();

        assertThat(e.at("/logentry/message").stringValue()).isEqualTo("hello %s");
        assertThat(e.at("/logentry/formatted").stringValue()).isEqualTo("hello x");
    }

    @Test
    void logEntryWithoutAnyTextIsDroppedWithAnError() {
        ObjectNode e = event("""
                {"logentry": {"params": ["x"]}}""").event();

        assertThat(e.has("logentry")).isFalse();
        assertThat(e.at("/errors/0/type").stringValue()).isEqualTo("invalid_data");
        assertThat(e.at("/errors/0/name").stringValue()).isEqualTo("logentry");
    }

    @Test
    void formattedMessageOver8192CharactersIsTrimmedWithMeta() {
        ObjectNode e = event("{\"message\": \"" + "x".repeat(9000) + "\"}").event();

        String formatted = e.at("/logentry/formatted").stringValue();
        assertThat(formatted).hasSize(8192).endsWith("...");
        assertThat(e.at("/_meta/logentry/formatted//len").intValue()).isEqualTo(9000);
        assertThat(e.at("/_meta/logentry/formatted//rem").toString()).isEqualTo("[[\"!limit\",\"s\",8189,8192]]");
    }
}
