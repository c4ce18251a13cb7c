package dev.picket.processing.scrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScrubbingConfigTest {

    @Test
    void defaultsFollowSentryDataScrubbingOnIpAndEmailKept() {
        ScrubbingConfig defaults = ScrubbingConfig.defaults();

        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.scrubDefaults()).isTrue();
        assertThat(defaults.scrubIpAddresses()).isFalse();
        assertThat(defaults.scrubEmails()).isFalse();
    }

    @Test
    void invalidCustomPatternIsRejectedWithItsPositionWhenTheConfigIsBuilt() {
        assertThatThrownBy(() -> new ScrubbingConfig(true, true, false, false, List.of(), List.of(),
                List.of("ok-\\d+", "card=([0-9")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("customPatterns[1] \"card=([0-9\" is not a valid regular expression:");
    }

    @Test
    void emptyCustomPatternIsRejected() {
        assertThatThrownBy(() -> new ScrubbingConfig(true, true, false, false, List.of(), List.of(), List.of("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customPatterns[0] is empty");
    }

    @Test
    void blankFieldNamesAreIgnoredAndOthersTrimmed() {
        ScrubbingConfig config = new ScrubbingConfig(true, true, false, false, List.of(" ", " my_field "),
                List.of(""), List.of());

        assertThat(config.sensitiveFields()).containsExactly("my_field");
        assertThat(config.safeFields()).isEmpty();
    }

    @Test
    void missingListIsReportedByName() {
        assertThatThrownBy(() -> new ScrubbingConfig(true, true, false, false, null, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sensitiveFields must not be null; use an empty list");
    }
}
