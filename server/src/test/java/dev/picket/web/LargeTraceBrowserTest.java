package dev.picket.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import dev.picket.pipeline.InboxProcessor;
import dev.picket.testing.PicketClient;
import dev.picket.traces.TraceEnvelopes;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;

/**
 * A trace of 10,000 spans: ten functions calling each other in a chain, each with 999 spans nested
 * up to 20 deep; the last span of the last function fails. Its page must open and scroll in a real
 * browser without freezing. The bounds are generous: they catch a page that hangs, not a slow machine.
 */
class LargeTraceBrowserTest extends BrowserTest {

    private static final int FUNCTIONS = 10;
    private static final int SPANS_PER_FUNCTION = 1000;
    private static final Duration LOAD_BOUND = Duration.ofSeconds(30);

    @Autowired
    InboxProcessor processor;

    String traceId;

    @BeforeAll
    void tenFunctionsOfAThousandSpans() throws InterruptedException {
        PicketClient.Project project = picket.createProject("large-trace-" + System.nanoTime());
        traceId = TraceEnvelopes.newId();
        long start = System.currentTimeMillis() - 60_000;
        for (int f = 0; f < FUNCTIONS; f++) {
            long functionStart = start + f * 100L;
            String caller = f == 0 ? null : spanId(f - 1, SPANS_PER_FUNCTION / 2);
            ObjectNode transaction = TraceEnvelopes.transaction("worker-" + f, traceId, spanId(f, 0), caller,
                    functionStart, 1000, f == FUNCTIONS - 1 ? "internal_error" : "ok");
            transaction.withObject("contexts").putObject("aws_lambda").put("function_name", "worker-" + f);
            for (int s = 1; s < SPANS_PER_FUNCTION; s++) {
                boolean failing = f == FUNCTIONS - 1 && s == SPANS_PER_FUNCTION - 1;
                TraceEnvelopes.addSpan(transaction, spanId(f, s), s % 20 == 1 ? spanId(f, 0) : spanId(f, s - 1),
                        "db.query", "SELECT step " + s, functionStart + s % 900, 5, failing ? "internal_error" : "ok");
            }
            TraceEnvelopes.send(picket, project, transaction);
        }
        TraceEnvelopes.send(picket, project, TraceEnvelopes.error("IllegalStateException", "step failed",
                start + 2000, traceId, spanId(FUNCTIONS - 1, SPANS_PER_FUNCTION - 1)));
        assertThat(processor.awaitIdle(Duration.ofSeconds(120))).isTrue();
    }

    private static String spanId(int function, int span) {
        return String.format(Locale.ROOT, "%08x%08x", function + 1, span);
    }

    @BeforeEach
    void signedInAsAdministrator() {
        SignIn.asAdmin(page);
    }

    @Test
    void theTraceOfTenThousandSpansOpensAndScrollsToItsLastSpan() {
        page.setDefaultTimeout(LOAD_BOUND.toMillis());

        long started = System.nanoTime();
        Response response = page.navigate("/organizations/default/traces/" + traceId);
        Locator rows = page.locator(".waterfall li");
        assertThat(rows).hasCount(FUNCTIONS * SPANS_PER_FUNCTION);
        long loadedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        Locator last = rows.last();
        last.scrollIntoViewIfNeeded();
        assertThat(last).isInViewport();
        long scrolledMillis = Duration.ofNanos(System.nanoTime() - started).toMillis() - loadedMillis;

        int bytes = response.body().length;
        // Figures for the record, not assertions: they depend on the machine.
        System.out.printf(Locale.ROOT, "10,000-span trace page: %d bytes (%d per span), first byte after %.0f ms, "
                + "last byte after %.0f ms, all rows shown after %d ms, scrolled to the end in %d ms%n", bytes,
                bytes / (FUNCTIONS * SPANS_PER_FUNCTION), response.request().timing().responseStart,
                response.request().timing().responseEnd, loadedMillis, scrolledMillis);
        assertThat(loadedMillis).isLessThan(LOAD_BOUND.toMillis());
    }

    @Test
    void theFailingSpanDeepInTheLastFunctionIsTheRootCauseWithItsError() {
        page.navigate("/organizations/default/traces/" + traceId);

        page.locator(".root-cause-summary a").click();

        Locator cause = page.locator(".waterfall li.cause");
        assertThat(cause).isInViewport();
        assertThat(cause).hasId("span-" + spanId(FUNCTIONS - 1, SPANS_PER_FUNCTION - 1));
        assertThat(cause).containsText("IllegalStateException: step failed");
    }

    @Test
    void eachSpanTakesLittleHtml() {
        Response response = page.navigate("/organizations/default/traces/" + traceId);

        assertThat(response.body().length / (FUNCTIONS * SPANS_PER_FUNCTION)).isLessThan(400);
    }
}
