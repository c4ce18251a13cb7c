package dev.picket.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IssueShortIdTest {

    private static Issue numbered(long shortId) {
        Instant now = Instant.now();
        return new Issue(1, 1, shortId, "error", "t", null, "error", "java", null, IssueStatus.UNRESOLVED, null, now,
                now, now, 1, 0, null, null, null, false, null, null);
    }

    @Test
    void numbersAreWrittenInCrockfordsBase32AfterTheUpperCaseSlug() {
        assertThat(numbered(1).qualifiedShortId("checkout")).isEqualTo("CHECKOUT-1");
        assertThat(numbered(10).qualifiedShortId("checkout")).isEqualTo("CHECKOUT-A");
        assertThat(numbered(18).qualifiedShortId("checkout")).isEqualTo("CHECKOUT-J");
        assertThat(numbered(31).qualifiedShortId("checkout")).isEqualTo("CHECKOUT-Z");
        assertThat(numbered(32).qualifiedShortId("checkout")).isEqualTo("CHECKOUT-10");
    }
}
