package dev.picket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picket.web.SearchFilters.Filter;
import org.junit.jupiter.api.Test;

class SearchFiltersTest {

    @Test
    void aChosenValueReplacesTheKeysTokensAndKeepsTheRest() {
        assertThat(SearchFilters.with("is:unresolved level:error timeout", Filter.LEVEL, "warning"))
                .isEqualTo("is:unresolved timeout level:warning");
    }

    @Test
    void anyRemovesTheKey() {
        assertThat(SearchFilters.with("is:resolved release:1.0", Filter.STATUS, "")).isEqualTo("release:1.0");
    }

    @Test
    void aValueWithSpacesIsQuotedAndReadBackUnquoted() {
        String search = SearchFilters.with("", Filter.RELEASE, "shop 2.0");

        assertThat(search).isEqualTo("release:\"shop 2.0\"");
        assertThat(SearchFilters.valueOf(search, Filter.RELEASE)).isEqualTo("shop 2.0");
    }

    @Test
    void anExclusionIsNotTheSelectsValueAndStays() {
        assertThat(SearchFilters.valueOf("!environment:staging", Filter.ENVIRONMENT)).isEmpty();
        assertThat(SearchFilters.with("!environment:staging", Filter.ENVIRONMENT, "production"))
                .isEqualTo("!environment:staging environment:production");
    }

    @Test
    void wordsThatOnlyContainTheKeyAreLeftAlone() {
        assertThat(SearchFilters.with("\"level: high\" levels:x", Filter.LEVEL, "error"))
                .isEqualTo("\"level: high\" levels:x level:error");
    }

    @Test
    void anUnclosedQuoteIsReported() {
        assertThatThrownBy(() -> SearchFilters.with("\"open", Filter.LEVEL, "error"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unclosed quote");
    }
}
