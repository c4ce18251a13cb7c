package dev.picket.issues.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picket.issues.IssueQuery;
import dev.picket.issues.IssueStatus;
import dev.picket.issues.IssueSubstatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IssueSearchTest {

    private static final IssueQuery ALL = IssueQuery.all(7);

    @Test
    void sentrysDefaultSearchAsksForUnresolvedIssues() {
        assertThat(IssueSearch.apply("is:unresolved", ALL).statuses()).containsExactly(IssueStatus.UNRESOLVED);
    }

    @Test
    void archivedIsSentrysNewNameForIgnored() {
        assertThat(IssueSearch.apply("is:archived", ALL).statuses()).containsExactly(IssueStatus.IGNORED);
    }

    @Test
    void substatusesAreStatusWordsToo() {
        assertThat(IssueSearch.apply("is:regressed", ALL).substatuses()).containsExactly(IssueSubstatus.REGRESSED);
    }

    @Test
    void keysFilterOnTagsWithQuotedValuesAndLists() {
        IssueQuery query = IssueSearch.apply("level:[error,fatal] release:\"shop@1.4.0 beta\" browser:Chrome", ALL);
        assertThat(query.tags()).isEqualTo(Map.of("level", List.of("error", "fatal"),
                "release", List.of("shop@1.4.0 beta"), "browser", List.of("Chrome")));
    }

    @Test
    void anExclamationMarkExcludes() {
        assertThat(IssueSearch.apply("!environment:staging", ALL).excludedTags())
                .isEqualTo(Map.of("environment", List.of("staging")));
    }

    @Test
    void remainingWordsAreFreeTextIncludingQuotedPhrases() {
        assertThat(IssueSearch.apply("is:unresolved division \"by zero\" level:error", ALL).text())
                .isEqualTo("division by zero");
        assertThat(IssueSearch.apply("\"GET http://x/y\"", ALL).text()).isEqualTo("GET http://x/y");
    }

    @Test
    void anUnknownStatusIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> IssueSearch.apply("is:sleeping", ALL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unresolved");
    }

    @Test
    void anUnclosedQuoteIsRefused() {
        assertThatThrownBy(() -> IssueSearch.apply("release:\"1.0", ALL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unclosed quote");
    }

    @Test
    void anEmptySearchLeavesTheQueryAsItWas() {
        assertThat(IssueSearch.apply("  ", ALL)).isEqualTo(ALL);
    }
}
