package dev.picket.traces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.traces.TraceAssembler.SpanRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaterfallTest {

    /** checkout 0–1000 ms → http call 100–600 → payments 200–500 (failed, an error on it); a cache hit at 700. */
    private static Trace callChain() {
        List<SpanRow> rows = List.of(
                new SpanRow("a", null, "transaction", 1, "ev-a", "checkout", "function", "internal_error", "checkout",
                        false, 0, 1000, 1000),
                new SpanRow("a-http", "a", "span", 1, "ev-a", "POST /pay", "http.client", "internal_error", null, null,
                        100, 600, 500),
                new SpanRow("b", "a-http", "transaction", 2, "ev-b", "payments", "function", "internal_error",
                        "payments", true, 200, 500, 300),
                new SpanRow("a-cache", "a", "span", 1, "ev-a", "GET cart", "cache.get", "ok", null, null, 700, 700, 0));
        return TraceAssembler.assemble("t", rows,
                List.of(new TraceError(2, "e1", 7L, "b", "IllegalStateException: card declined", 300, "payments",
                        false)));
    }

    @Test
    void rowsFollowTheTreeParentsFirstChildrenByStartTime() {
        assertThat(Waterfall.of(callChain(), Map.of()).rows()).extracting(Waterfall.Row::name)
                .containsExactly("checkout", "POST /pay", "payments", "GET cart");
    }

    @Test
    void barsArePlacedAsSharesOfTheTracesDuration() {
        List<Waterfall.Row> rows = Waterfall.of(callChain(), Map.of()).rows();
        assertThat(rows.get(0).offset()).isEqualTo("0.000%");
        assertThat(rows.get(0).width()).isEqualTo("100.000%");
        assertThat(rows.get(1).offset()).isEqualTo("10.000%");
        assertThat(rows.get(1).width()).isEqualTo("50.000%");
        assertThat(rows.get(2).offset()).isEqualTo("20.000%");
        assertThat(rows.get(2).width()).isEqualTo("30.000%");
    }

    @Test
    void anInstantaneousSpanStillShowsAsASliver() {
        Waterfall.Row cache = Waterfall.of(callChain(), Map.of()).rows().get(3);
        assertThat(cache.offset()).isEqualTo("70.000%");
        assertThat(cache.width()).isEqualTo("0.150%");
    }

    @Test
    void classesSayDepthKindFailureAndRootCause() {
        List<Waterfall.Row> rows = Waterfall.of(callChain(), Map.of()).rows();
        assertThat(rows).extracting(Waterfall.Row::classes)
                .containsExactly("d0 txn failed", "d1 failed", "d2 txn failed cause", "d1");
    }

    @Test
    void onlyTheRootCauseAndSpansWithErrorsGetAnAnchor() {
        assertThat(Waterfall.of(callChain(), Map.of()).rows()).extracting(Waterfall.Row::anchor)
                .containsExactly(null, null, "span-b", null);
    }

    @Test
    void rowsNameTheirProjectOnlyWhenGivenSlugs() {
        assertThat(Waterfall.of(callChain(), Map.of()).rows()).extracting(Waterfall.Row::project).containsOnlyNulls();
        assertThat(Waterfall.of(callChain(), Map.of(1L, "shop", 2L, "pay")).rows()).extracting(Waterfall.Row::project)
                .containsExactly("shop", "shop", "pay", "shop");
    }

    @Test
    void deepNestingIsIndentedNoFurtherThanTheDeepestIndent() {
        List<SpanRow> chain = new ArrayList<>();
        chain.add(new SpanRow("s0", null, "transaction", 1, "ev", "deep", "function", "ok", null, null, 0, 100, 100));
        for (int i = 1; i < 40; i++) {
            chain.add(new SpanRow("s" + i, "s" + (i - 1), "span", 1, "ev", "step", "step", "ok", null, null, i, i + 1, 1));
        }
        List<Waterfall.Row> rows = Waterfall.of(TraceAssembler.assemble("t", chain, List.of()), Map.of()).rows();
        assertThat(rows.getLast().classes()).isEqualTo("d" + Waterfall.DEEPEST_INDENT);
    }
}
