package dev.picket.traces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.traces.TraceAssembler.SpanRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TraceAssemblerTest {

    private static SpanRow transaction(String id, String parent, String name, String status, String function, long start) {
        return new SpanRow(id, parent, "transaction", 1, "ev-" + id, name, "function", status, function, null,
                start, start + 100, 100);
    }

    private static SpanRow span(String id, String parent, String op, String status, long start) {
        return new SpanRow(id, parent, "span", 1, null, op, op, status, null, null, start, start + 10, 10);
    }

    /** checkout (A) → http span → payments (B) → db span; B failed with an error event. */
    private static List<SpanRow> callChain() {
        return List.of(
                transaction("a", null, "checkout", "internal_error", "checkout", 0),
                span("a-http", "a", "http.client", "internal_error", 10),
                transaction("b", "a-http", "payments", "internal_error", "payments", 20),
                span("b-db", "b", "db.query", "ok", 30));
    }

    private static final List<TraceError> ERROR_ON_B =
            List.of(new TraceError(1, "e1", 7L, "b", "IllegalStateException: card declined", 40, "payments", false));

    @Test
    void nestsSpansUnderTheirParentsAcrossFunctions() {
        Trace trace = TraceAssembler.assemble("t", callChain(), ERROR_ON_B);
        assertThat(trace.roots()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("checkout");
            TraceSpan b = a.children().getFirst().children().getFirst();
            assertThat(b.name()).isEqualTo("payments");
            assertThat(b.children()).extracting(TraceSpan::op).containsExactly("db.query");
            assertThat(b.errors()).extracting(TraceError::eventId).containsExactly("e1");
        });
        assertThat(trace.spanCount()).isEqualTo(4);
        assertThat(trace.functions()).extracting(TraceFunction::name).containsExactly("checkout", "payments");
    }

    @Test
    void theRootCauseIsTheFailingSpanNoFailingDescendantExplains() {
        Trace trace = TraceAssembler.assemble("t", callChain(), ERROR_ON_B);
        assertThat(trace.rootCause().spanId()).isEqualTo("b");
    }

    @Test
    void ofIndependentFailuresTheEarliestIsTheRootCause() {
        List<SpanRow> rows = List.of(transaction("a", null, "checkout", "ok", null, 0),
                span("late", "a", "cache", "internal_error", 50), span("early", "a", "auth", "permission_denied", 5));
        assertThat(TraceAssembler.assemble("t", rows, List.of()).rootCause().spanId()).isEqualTo("early");
    }

    @Test
    void aFailureWithAnErrorEventWinsOverAnEarlierFailedStatus() {
        List<SpanRow> rows = List.of(transaction("a", null, "checkout", "ok", null, 0),
                span("client", "a", "http.client", "internal_error", 5), span("b", "a", "function", "ok", 20));
        assertThat(TraceAssembler.assemble("t", rows, ERROR_ON_B).rootCause().spanId()).isEqualTo("b");
    }

    @Test
    void aTraceWithoutFailureHasNoRootCause() {
        List<SpanRow> rows = List.of(transaction("a", null, "checkout", "ok", null, 0), span("s", "a", "db", "ok", 1));
        assertThat(TraceAssembler.assemble("t", rows, List.of()).rootCause()).isNull();
    }

    @Test
    void partsInAnyOrderAssembleTheSameTree() {
        List<SpanRow> shuffled = new ArrayList<>(callChain());
        Collections.shuffle(shuffled, new Random(7));
        assertThat(TraceAssembler.assemble("t", shuffled, ERROR_ON_B))
                .isEqualTo(TraceAssembler.assemble("t", callChain(), ERROR_ON_B));
    }

    @Test
    void aSpanWhoseParentHasNotArrivedIsARootUntilItDoes() {
        List<SpanRow> withoutA = callChain().subList(1, 4);
        Trace partial = TraceAssembler.assemble("t", withoutA, ERROR_ON_B);
        assertThat(partial.roots()).extracting(TraceSpan::spanId).containsExactly("a-http");
        Trace complete = TraceAssembler.assemble("t", callChain(), ERROR_ON_B);
        assertThat(complete.roots()).extracting(TraceSpan::spanId).containsExactly("a");
    }

    @Test
    void aTraceOfTenThousandNestedSpansAssembles() {
        List<SpanRow> rows = new ArrayList<>();
        rows.add(transaction("s0", null, "deep", "ok", null, 0));
        for (int i = 1; i < 10_000; i++) {
            rows.add(span("s" + i, "s" + (i - 1), "step", i == 9_999 ? "internal_error" : "ok", i));
        }
        Trace trace = TraceAssembler.assemble("t", rows, List.of());
        assertThat(trace.spanCount()).isEqualTo(10_000);
        assertThat(trace.rootCause().spanId()).isEqualTo("s9999");
    }
}
