package dev.picket.issues.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IssueQueryTest {

    @Test
    void sentrysDefaultSearchAsksForUnresolvedIssues() {
        assertThat(IssueQuery.parse("is:unresolved").is()).containsExactly("unresolved");
    }

    @Test
    void archivedIsSentrysNewNameForIgnored() {
        assertThat(IssueQuery.parse("is:archived").is()).containsExactly("ignored");
    }

    @Test
    void fieldsTakeQuotedValuesAndLists() {
        IssueQuery query = IssueQuery.parse("level:[error,fatal] release:\"shop@1.4.0 beta\"");
        assertThat(query.include()).isEqualTo(Map.of("level", List.of("error", "fatal"),
                "release", List.of("shop@1.4.0 beta")));
    }

    @Test
    void anExclamationMarkExcludesAFieldValue() {
        assertThat(IssueQuery.parse("!environment:staging").exclude()).isEqualTo(Map.of("environment", List.of("staging")));
    }

    @Test
    void otherKeysAreTags() {
        assertThat(IssueQuery.parse("browser:Chrome function:payments").tags())
                .isEqualTo(Map.of("browser", List.of("Chrome"), "function", List.of("payments")));
    }

    @Test
    void remainingWordsAreFreeTextIncludingQuotedPhrasesAndUrls() {
        IssueQuery query = IssueQuery.parse("is:unresolved division \"by zero\" level:error");
        assertThat(query.text()).isEqualTo("division by zero");
        assertThat(IssueQuery.parse("\"GET http://x/y\"").text()).isEqualTo("GET http://x/y");
    }

    @Test
    void anUnknownStatusIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> IssueQuery.parse("is:sleeping"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unresolved");
    }

    @Test
    void anUnclosedQuoteIsRefused() {
        assertThatThrownBy(() -> IssueQuery.parse("release:\"1.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unclosed quote");
    }

    @Test
    void anEmptyQueryAsksForNothingInParticular() {
        IssueQuery query = IssueQuery.parse("  ");
        assertThat(query.is()).isEmpty();
        assertThat(query.text()).isEmpty();
    }
}
