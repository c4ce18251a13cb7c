package dev.picket.traces;

import static dev.picket.traces.TraceEnvelopes.error;
import static dev.picket.traces.TraceEnvelopes.newId;
import static dev.picket.traces.TraceEnvelopes.send;
import static dev.picket.traces.TraceEnvelopes.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.api.HttpApi;
import dev.picket.pipeline.InboxProcessor;
import dev.picket.testing.PicketClient;
import dev.picket.testing.PicketClient.Project;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A generated hour of three functions, each named the way a different SDK names it: checkout (AWS
 * Lambda context, cold start as the serverless library's tag), resize (OpenTelemetry's faas context)
 * and nightly-report (Cloud Functions context, errors only); plus what must not count: a
 * transaction and an error outside any function, and checkout's work of three days ago.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FunctionStatsTest {

    private static final long HOUR_AGO = (System.currentTimeMillis() / 1000 - 3600) * 1000;
    private static final long THREE_DAYS_AGO = HOUR_AGO - Duration.ofDays(3).toMillis();
    private static final long LAST_ERROR_AT = HOUR_AGO + Duration.ofMinutes(50).toMillis();

    @LocalServerPort
    int port;
    @Autowired
    InboxProcessor processor;

    Project project;

    @BeforeAll
    void anHourOfThreeFunctions() throws InterruptedException {
        PicketClient picket = new PicketClient(port);
        project = picket.createProject("functions-" + System.nanoTime());
        List<ObjectNode> items = new ArrayList<>();
        // checkout: 20 invocations of 10, 20, ... 200 ms, the 1st and 8th cold.
        for (int i = 0; i < 20; i++) {
            items.add(lambda(transaction("POST /checkout", newId(), newId().substring(16), null,
                    HOUR_AGO + i * 60_000L, (i + 1) * 10, "ok"), "checkout", i == 0 || i == 7));
        }
        items.add(lambda(transaction("POST /checkout", newId(), newId().substring(16), null, THREE_DAYS_AGO, 5, "ok"),
                "checkout", true));
        items.add(lambda(error("IllegalStateException", "stock gone", HOUR_AGO + 60_000, null, null),
                "checkout", false));
        ObjectNode warning = lambda(error("ServerlessTimeoutWarning", "Function is expected to get timed out",
                HOUR_AGO + 120_000, null, null), "checkout", false);
        warning.putObject("tags").put("timeout_warning", "true");
        items.add(warning);
        items.add(lambda(error("IllegalStateException", "last one", LAST_ERROR_AT, null, null), "checkout", false));
        items.add(lambda(error("IllegalStateException", "long ago", THREE_DAYS_AGO, null, null), "checkout", false));
        // resize: 5, 7 and 1000 ms, the slow one cold; one error, a timeout warning.
        items.add(faas(transaction("resize", newId(), newId().substring(16), null, HOUR_AGO, 5, "ok"),
                "resize", false));
        items.add(faas(transaction("resize", newId(), newId().substring(16), null, HOUR_AGO + 1000, 1000, "ok"),
                "resize", true));
        items.add(faas(transaction("resize", newId(), newId().substring(16), null, HOUR_AGO + 5000, 7, "ok"),
                "resize", false));
        ObjectNode resizeWarning = error("ServerlessTimeoutWarning", "about to time out", HOUR_AGO + 6000, null, null);
        resizeWarning.putObject("tags").put("timeout_warning", "true");
        items.add(faas(resizeWarning, "resize", false));
        // nightly-report only fails.
        ObjectNode nightly = error("IOException", "bucket unreachable", HOUR_AGO + 7000, null, null);
        nightly.putObject("contexts").putObject("gcp").put("function_name", "nightly-report");
        items.add(nightly);
        // Outside any function.
        items.add(transaction("GET /health", newId(), newId().substring(16), null, HOUR_AGO, 3, "ok"));
        items.add(error("IllegalArgumentException", "no function here", HOUR_AGO + 8000, null, null));

        Collections.shuffle(items, new Random(5));
        items.forEach(item -> send(picket, project, item));
        assertThat(processor.awaitIdle(Duration.ofSeconds(60))).isTrue();
    }

    /** As the serverless library sends it: the aws_lambda context, and a cold_start tag on transactions. */
    private static ObjectNode lambda(ObjectNode item, String function, boolean cold) {
        item.withObject("contexts").putObject("aws_lambda").put("function_name", function);
        if (item.path("type").asString("").equals("transaction")) {
            item.putObject("tags").put("cold_start", Boolean.toString(cold));
        }
        return item;
    }

    /** As OpenTelemetry describes a function: the faas context with its name and coldstart flag. */
    private static ObjectNode faas(ObjectNode item, String function, boolean cold) {
        ObjectNode faas = item.withObject("contexts").putObject("faas");
        faas.put("name", function);
        faas.put("coldstart", cold);
        return item;
    }

    @Test
    void listsEveryFunctionWithWorkInThePeriodBusiestFirst() {
        assertThat(functions("24h")).extracting(f -> f.get("function").asString())
                .containsExactly("checkout", "resize", "nightly-report");
    }

    @Test
    void countsInvocationsErrorsAndColdStartsExactly() {
        JsonNode checkout = function("24h", "checkout");
        assertThat(checkout.get("invocations").asLong()).isEqualTo(20);
        assertThat(checkout.get("errors").asLong()).isEqualTo(3);
        assertThat(checkout.get("errorRate").asDouble()).isEqualTo(0.15);
        assertThat(checkout.get("coldStarts").asLong()).isEqualTo(2);
        assertThat(checkout.get("coldStartRate").asDouble()).isEqualTo(0.1);
        JsonNode resize = function("24h", "resize");
        assertThat(resize.get("invocations").asLong()).isEqualTo(3);
        assertThat(resize.get("errors").asLong()).isEqualTo(1);
        assertThat(resize.get("coldStarts").asLong()).isEqualTo(1);
        assertThat(resize.get("coldStartRate").asDouble()).isEqualTo(1.0 / 3);
    }

    @Test
    void durationPercentilesAreExactNearestRanks() {
        JsonNode checkout = function("24h", "checkout");
        assertThat(checkout.get("p50").asDouble()).isEqualTo(100.0);
        assertThat(checkout.get("p95").asDouble()).isEqualTo(190.0);
        JsonNode resize = function("24h", "resize");
        assertThat(resize.get("p50").asDouble()).isEqualTo(7.0);
        assertThat(resize.get("p95").asDouble()).isEqualTo(1000.0);
    }

    @Test
    void countsTheTimeoutWarningsTheServerlessLibraryTagged() {
        assertThat(function("24h", "checkout").get("timeouts").asLong()).isEqualTo(1);
        assertThat(function("24h", "resize").get("timeouts").asLong()).isEqualTo(1);
        assertThat(function("24h", "nightly-report").get("timeouts").asLong()).isZero();
    }

    @Test
    void aFunctionThatOnlyFailedHasErrorsButNoRatesOrPercentiles() {
        JsonNode nightly = function("24h", "nightly-report");
        assertThat(nightly.get("invocations").asLong()).isZero();
        assertThat(nightly.get("errors").asLong()).isEqualTo(1);
        assertThat(nightly.get("errorRate").isNull()).isTrue();
        assertThat(nightly.get("coldStartRate").isNull()).isTrue();
        assertThat(nightly.get("p50").isNull()).isTrue();
    }

    @Test
    void theLastErrorIsTheLatestWithItsIssue() {
        JsonNode last = function("24h", "checkout").get("lastError");
        assertThat(last.get("title").asString()).isEqualTo("IllegalStateException: last one");
        assertThat(last.get("timestampMillis").asLong()).isEqualTo(LAST_ERROR_AT);
        JsonNode issue = new PicketClient(port).api("GET", "/api/0/issues/" + last.get("issueId").asLong() + "/", null);
        assertThat(issue.get("project").get("slug").asString()).isEqualTo(project.slug());
    }

    @Test
    void aLongerPeriodTakesInTheOlderWork() {
        JsonNode checkout = function("7d", "checkout");
        assertThat(checkout.get("invocations").asLong()).isEqualTo(21);
        assertThat(checkout.get("errors").asLong()).isEqualTo(4);
        assertThat(checkout.get("coldStarts").asLong()).isEqualTo(3);
    }

    @Test
    void eachFunctionAnswersWithTheDocumentedFields() {
        assertThat(function("24h", "checkout").propertyNames()).containsExactly("function", "invocations", "errors",
                "errorRate", "coldStarts", "coldStartRate", "p50", "p95", "timeouts", "lastError");
        assertThat(function("24h", "checkout").get("lastError").propertyNames())
                .containsExactly("issueId", "title", "timestampMillis");
    }

    @Test
    void aMalformedPeriodIsRefusedWithTheReason() {
        HttpResponse<String> response = HttpApi.withToken(port, PicketClient.ADMIN_TOKEN)
                .get("/api/0/projects/default/" + project.slug() + "/functions/?statsPeriod=yesterday");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("statsPeriod must be a number and a unit");
    }

    @Test
    void anUnknownProjectIsNotFound() {
        assertThat(HttpApi.withToken(port, PicketClient.ADMIN_TOKEN)
                .get("/api/0/projects/default/no-such-project/functions/").statusCode()).isEqualTo(404);
    }

    private List<JsonNode> functions(String statsPeriod) {
        HttpResponse<String> response = HttpApi.withToken(port, PicketClient.ADMIN_TOKEN)
                .get("/api/0/projects/default/" + project.slug() + "/functions/?statsPeriod=" + statsPeriod);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(HttpApi.json(response).spliterator(), false).toList();
    }

    private JsonNode function(String statsPeriod, String name) {
        return functions(statsPeriod).stream().filter(f -> f.get("function").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not listed"));
    }
}
