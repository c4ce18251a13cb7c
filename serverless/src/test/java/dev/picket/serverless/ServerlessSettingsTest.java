package dev.picket.serverless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerlessSettingsTest {

    @Test
    void theSdkIsConfiguredFromTheFunctionsEnvironmentVariables() {
        ServerlessSettings settings = ServerlessSettings.fromEnvironment(Map.of(
                "SENTRY_DSN", "https://key@picket.example.com/3",
                "SENTRY_ENVIRONMENT", "production",
                "SENTRY_RELEASE", "orders@2.1.0",
                "SENTRY_TRACES_SAMPLE_RATE", "0.25",
                "SENTRY_FLUSH_TIMEOUT_MS", "1500",
                "SENTRY_TIMEOUT_WARNING_MARGIN_MS", "800",
                "SENTRY_TIMEOUT_WARNING", "false",
                "SENTRY_DEBUG", "true"));

        assertThat(settings).isEqualTo(new ServerlessSettings("https://key@picket.example.com/3", "production",
                "orders@2.1.0", 0.25, Duration.ofMillis(1500), Duration.ofMillis(800), false, true));
    }

    @Test
    void unsetVariablesTakeTheDefaults() {
        ServerlessSettings settings = ServerlessSettings.fromEnvironment(Map.of());

        assertThat(settings.dsn()).isNull();
        assertThat(settings.tracesSampleRate()).isNull();
        assertThat(settings.flushTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.timeoutWarningMargin()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.timeoutWarningEnabled()).isTrue();
    }

    @Test
    void aSampleRateOutsideZeroToOneNamesTheVariable() {
        assertThatThrownBy(() -> ServerlessSettings.fromEnvironment(Map.of("SENTRY_TRACES_SAMPLE_RATE", "1.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SENTRY_TRACES_SAMPLE_RATE must be a number from 0 to 1, was '1.5'");
    }

    @Test
    void aMarginThatIsNotANumberNamesTheVariable() {
        assertThatThrownBy(() -> ServerlessSettings.fromEnvironment(Map.of("SENTRY_TIMEOUT_WARNING_MARGIN_MS", "half a second")))
                .hasMessage("SENTRY_TIMEOUT_WARNING_MARGIN_MS must be a whole number of milliseconds >= 0, was 'half a second'");
    }

    @Test
    void aFlagThatIsNeitherTrueNorFalseNamesTheVariable() {
        assertThatThrownBy(() -> ServerlessSettings.fromEnvironment(Map.of("SENTRY_TIMEOUT_WARNING", "maybe")))
                .hasMessage("SENTRY_TIMEOUT_WARNING must be true or false, was 'maybe'");
    }
}
