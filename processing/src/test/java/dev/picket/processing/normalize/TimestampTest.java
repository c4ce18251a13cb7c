package dev.picket.processing.normalize;

import static dev.picket.processing.normalize.Normalizing.RECEIVED;
import static dev.picket.processing.normalize.Normalizing.event;
import static dev.picket.processing.normalize.Normalizing.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Timestamps in every form SDKs send, and Relay's clock-drift correction. */
class TimestampTest {

    /** 2023-11-14T22:13:20Z, the receive time, minus one hour. */
    private static final double HOUR_BEFORE = RECEIVED / 1000d - 3600;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1699996400            | 1699996400.0",
            "1699996400.25         | 1699996400.25",
            "'\"2023-11-14T21:13:20Z\"'          | 1699996400.0",
            "'\"2023-11-14T21:13:20.123456Z\"'   | 1699996400.123456",
            "'\"2023-11-14T21:13:20\"'           | 1699996400.0",
            "'\"2023-11-14T23:13:20.5+02:00\"'   | 1699996400.5",
            "'\"1699996400.75\"'                 | 1699996400.75"})
    void timestampBecomesFloatSeconds(String sent, double seconds) {
        NormalizedEvent n = event("{\"timestamp\": " + sent + "}");

        assertThat(n.event().get("timestamp").doubleValue()).isEqualTo(seconds);
        assertThat(n.facts().timestampMillis()).isEqualTo(Math.round(seconds * 1000));
        assertThat(n.event().has("errors")).isFalse();
    }

    @Test
    void missingTimestampIsTheReceiveTime() {
        NormalizedEvent n = event("{}");

        assertThat(n.facts().timestampMillis()).isEqualTo(RECEIVED);
        assertThat(n.event().get("received").doubleValue()).isEqualTo(RECEIVED / 1000d);
    }

    @Test
    void unreadableTimestampIsTheReceiveTimeWithAnError() {
        ObjectNode e = event("{\"timestamp\": \"yesterday\"}").event();

        assertThat(e.get("timestamp").doubleValue()).isEqualTo(RECEIVED / 1000d);
        assertThat(e.at("/errors/0").toString())
                .isEqualTo("{\"type\":\"invalid_data\",\"name\":\"timestamp\",\"value\":\"yesterday\"}");
        assertThat(e.at("/_meta/timestamp//val").stringValue()).isEqualTo("yesterday");
    }

    @Test
    void timestampMoreThanAMinuteAheadIsClockDriftCorrectedToTheReceiveTime() {
        NormalizedEvent n = event("{\"timestamp\": " + (RECEIVED / 1000 + 3600) + "}");

        assertThat(n.facts().timestampMillis()).isEqualTo(RECEIVED);
        assertThat(n.event().at("/errors/0/type").stringValue()).isEqualTo("future_timestamp");
        assertThat(n.event().at("/errors/0/sent_at").stringValue()).isEqualTo("2023-11-14T23:13:20Z");
    }

    @Test
    void timestampLessThanAMinuteAheadIsKept() {
        NormalizedEvent n = event("{\"timestamp\": " + (RECEIVED / 1000 + 50) + "}");

        assertThat(n.facts().timestampMillis()).isEqualTo(RECEIVED + 50_000);
    }

    @Test
    void timestampOlderThanThirtyDaysIsCorrectedToTheReceiveTime() {
        NormalizedEvent n = event("{\"timestamp\": " + (RECEIVED / 1000 - 31L * 24 * 3600) + "}");

        assertThat(n.facts().timestampMillis()).isEqualTo(RECEIVED);
        assertThat(n.event().at("/errors/0/type").stringValue()).isEqualTo("past_timestamp");
    }

    @Test
    void clockDriftMovesTheStartAndSpansByTheSameAmount() {
        long sentEnd = RECEIVED / 1000 + 7200;
        ObjectNode e = transaction("{\"timestamp\": " + sentEnd + ", \"start_timestamp\": " + (sentEnd - 2)
                + ", \"spans\": [{\"start_timestamp\": " + (sentEnd - 1) + ", \"timestamp\": " + sentEnd + "}],"
                + " \"contexts\": {\"trace\": {\"trace_id\": \"4c79f60c11214eb38604f4ae0781bfb2\", \"span_id\": \"fa90fdead5f74053\"}}}")
                .event();

        assertThat(e.get("timestamp").doubleValue()).isEqualTo(RECEIVED / 1000d);
        assertThat(e.get("start_timestamp").doubleValue()).isEqualTo(RECEIVED / 1000d - 2);
        assertThat(e.at("/spans/0/start_timestamp").doubleValue()).isEqualTo(RECEIVED / 1000d - 1);
    }

    @Test
    void breadcrumbTimestampsBecomeFloatSeconds() {
        ObjectNode e = event("{\"timestamp\": " + HOUR_BEFORE + ", \"breadcrumbs\": [{\"timestamp\": \"2023-11-14T21:13:19Z\"}]}").event();

        assertThat(e.at("/breadcrumbs/values/0/timestamp").doubleValue()).isEqualTo(1699996399.0);
    }
}
