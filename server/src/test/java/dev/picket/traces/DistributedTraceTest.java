package dev.picket.traces;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.picket.api.HttpApi;
import dev.picket.pipeline.InboxProcessor;
import dev.picket.testing.PicketClient;
import dev.picket.testing.PicketClient.Project;
import io.sentry.BaggageHeader;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.SpanStatus;
import io.sentry.TransactionContext;
import io.sentry.TransactionOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Function "checkout" calls function "payments" over HTTP, propagating {@code sentry-trace} and
 * {@code baggage} with the real Java SDK; payments fails. The trace shows both, nested, with the
 * error on payments' span and payments as the root cause.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributedTraceTest {

    @LocalServerPort
    int port;
    @Autowired
    InboxProcessor processor;

    Project project;
    HttpServer payments;
    String traceId;

    @BeforeAll
    void checkoutCallsPaymentsWhichFails() throws Exception {
        project = new PicketClient(port).createProject("trace-" + System.nanoTime());
        Sentry.init(options -> {
            options.setDsn(project.dsn());
            options.setTracesSampleRate(1.0);
        });
        payments = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        payments.createContext("/pay", exchange -> {
            String sentryTrace = exchange.getRequestHeaders().getFirst("sentry-trace");
            String baggage = exchange.getRequestHeaders().getFirst("baggage");
            try (ISentryLifecycleToken scope = Sentry.forkedScopes("payments").makeCurrent()) {
                TransactionContext context = Sentry.continueTrace(sentryTrace, List.of(baggage));
                context.setName("payments");
                context.setOperation("function");
                TransactionOptions options = new TransactionOptions();
                options.setBindToScope(true);
                ITransaction transaction = Sentry.startTransaction(context, options);
                transaction.setTag("function", "payments");
                Sentry.captureException(new IllegalStateException("card declined"));
                transaction.finish(SpanStatus.INTERNAL_ERROR);
            }
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        payments.start();

        TransactionOptions options = new TransactionOptions();
        options.setBindToScope(true);
        ITransaction checkout = Sentry.startTransaction(new TransactionContext("checkout", "function"), options);
        checkout.setTag("function", "checkout");
        traceId = checkout.getSpanContext().getTraceId().toString();
        ISpan call = checkout.startChild("http.client", "POST /pay");
        BaggageHeader baggage = call.toBaggageHeader(null);
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + payments.getAddress().getPort() + "/pay"))
                .header("sentry-trace", call.toSentryTrace().getValue())
                .header("baggage", baggage == null ? "" : baggage.getValue())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        call.finish(SpanStatus.fromHttpStatusCode(response.statusCode()));
        checkout.finish(SpanStatus.INTERNAL_ERROR);
        Sentry.flush(10_000);
        assertThat(processor.awaitIdle(Duration.ofSeconds(30))).isTrue();
    }

    @AfterAll
    void stop() {
        payments.stop(0);
        Sentry.close();
    }

    @Test
    void theTraceNestsThePaymentsFunctionUnderTheCheckoutCall() {
        JsonNode checkout = trace().get("roots").get(0);
        assertThat(checkout.get("name").asString()).isEqualTo("checkout");
        JsonNode call = checkout.get("children").get(0);
        assertThat(call.get("op").asString()).isEqualTo("http.client");
        JsonNode payments = call.get("children").get(0);
        assertThat(payments.get("name").asString()).isEqualTo("payments");
        assertThat(payments.get("kind").asString()).isEqualTo("transaction");
    }

    @Test
    void theErrorSitsOnThePaymentsSpanAndLinksItsIssue() {
        JsonNode payments = trace().get("roots").get(0).get("children").get(0).get("children").get(0);
        JsonNode error = payments.get("errors").get(0);
        assertThat(error.get("title").asString()).contains("IllegalStateException");
        assertThat(error.get("issueId").isNumber()).isTrue();
    }

    @Test
    void paymentsIsTheRootCauseAndBothFunctionsAreListed() {
        JsonNode trace = trace();
        assertThat(trace.get("rootCause").get("name").asString()).isEqualTo("payments");
        assertThat(trace.get("functions")).extracting(f -> f.get("name").asString())
                .containsExactly("checkout", "payments");
        assertThat(trace.get("functions").get(0).propertyNames())
                .containsExactly("name", "coldStart", "timeoutWarning");
    }

    @Test
    void theTransactionsSummaryCountsBothFunctions() {
        JsonNode summaries = HttpApi.json(HttpApi.withToken(port, PicketClient.ADMIN_TOKEN)
                .get("/api/0/projects/default/" + project.slug() + "/transactions/?statsPeriod=1h"));
        assertThat(summaries).extracting(s -> s.get("name").asString()).containsExactlyInAnyOrder("checkout", "payments");
        assertThat(summaries).allSatisfy(s -> assertThat(s.get("failureRate").asDouble()).isEqualTo(1.0));
    }

    @Test
    void anUnknownTraceIsNotFound() {
        assertThat(HttpApi.withToken(port, PicketClient.ADMIN_TOKEN)
                .get("/api/0/organizations/default/traces/0123456789abcdef0123456789abcdef/").statusCode())
                .isEqualTo(404);
    }

    private JsonNode trace() {
        HttpResponse<String> response = HttpApi.withToken(port, PicketClient.ADMIN_TOKEN)
                .get("/api/0/organizations/default/traces/" + traceId + "/");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HttpApi.json(response);
    }
}
