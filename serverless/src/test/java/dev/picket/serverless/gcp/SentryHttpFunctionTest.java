package dev.picket.serverless.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.functions.HttpFunction;
import dev.picket.serverless.ServerlessRuntime;
import dev.picket.serverless.testing.EnvelopeReceiver;
import dev.picket.serverless.testing.Environments;
import io.sentry.Sentry;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SentryHttpFunctionTest {

    private static final String TRACE_ID = "4c79f60c11214eb38604f4ae0781bfb2";

    private final EnvelopeReceiver receiver = new EnvelopeReceiver();

    @AfterEach
    void stop() {
        Sentry.close();
        receiver.close();
    }

    private static InMemoryHttp.Request checkoutRequest(Map<String, String> extraHeaders) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of(
                "Content-Type", "application/json",
                "Function-Execution-Id", "k2x9f3b1c0d7",
                "Authorization", "Bearer gcp-secret"));
        headers.putAll(extraHeaders);
        return new InMemoryHttp.Request("POST", "https://checkout-abc-ew.a.run.app/checkout?cart=c-5", headers,
                "{\"cart\":\"c-5\"}");
    }

    @Test
    void anExceptionIsCapturedWithTheGcpFunctionContextBeforeItIsRethrown() {
        HttpFunction function = SentryCloudFunctions.wrapHttp((request, response) -> {
            throw new IllegalStateException("cart is empty");
        }, ServerlessRuntime.create(Environments.cloudRun(receiver)));

        assertThatThrownBy(() -> function.service(checkoutRequest(Map.of()), new InMemoryHttp.Response()))
                .hasMessage("cart is empty");

        JsonNode event = receiver.events().getFirst().payload();
        JsonNode gcp = event.path("contexts").path("gcp");
        assertThat(gcp.path("function_name").asString()).isEqualTo("checkout");
        assertThat(gcp.path("function_entry_point").asString()).isEqualTo("com.example.Checkout");
        assertThat(gcp.path("function_region").asString()).isEqualTo("europe-west1");
        assertThat(gcp.path("function_project").asString()).isEqualTo("shop-prod");
        assertThat(gcp.path("execution_id").asString()).isEqualTo("k2x9f3b1c0d7");
        assertThat(gcp.path("execution_duration_in_millis").isNumber()).isTrue();
        assertThat(event.path("extra").path("google cloud logs").path("url").asString()).contains("project=shop-prod");
        JsonNode mechanism = event.path("exception").path("values").get(0).path("mechanism");
        assertThat(mechanism.path("type").asString()).isEqualTo("gcp");
        assertThat(mechanism.path("handled").asBoolean()).isFalse();
        assertThat(event.path("tags").path("cold_start").asString()).isEqualTo("true");
    }

    @Test
    void theRequestIsRecordedWithItsSecretHeadersFilteredAndItsBodyLeftForTheFunction() throws Exception {
        HttpFunction function = SentryCloudFunctions.wrapHttp((request, response) -> {
            String body = new String(request.getInputStream().readAllBytes());
            throw new IllegalStateException("rejected " + body);
        }, ServerlessRuntime.create(Environments.cloudRun(receiver)));

        assertThatThrownBy(() -> function.service(checkoutRequest(Map.of()), new InMemoryHttp.Response()))
                .hasMessage("rejected {\"cart\":\"c-5\"}");

        JsonNode request = receiver.events().getFirst().payload().path("request");
        assertThat(request.path("method").asString()).isEqualTo("POST");
        assertThat(request.path("url").asString()).startsWith("https://checkout-abc-ew.a.run.app/checkout");
        assertThat(request.path("query_string").asString()).isEqualTo("cart=c-5");
        assertThat(request.path("headers").path("Authorization").asString()).isEqualTo("[Filtered]");
    }

    @Test
    void aSuccessfulRequestContinuesTheCallersTraceAndKeepsItsResponse() throws Exception {
        HttpFunction function = SentryCloudFunctions.wrapHttp((request, response) -> {
            response.setStatusCode(201);
            response.getWriter().write("created");
        }, ServerlessRuntime.create(Environments.cloudRun(receiver, "SENTRY_TRACES_SAMPLE_RATE", "1.0")));
        InMemoryHttp.Response response = new InMemoryHttp.Response();

        function.service(checkoutRequest(Map.of("sentry-trace", TRACE_ID + "-a1b2c3d4e5f60718-1")), response);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("created");
        JsonNode transaction = receiver.transactions().getFirst().payload();
        assertThat(transaction.path("contexts").path("trace").path("trace_id").asString()).isEqualTo(TRACE_ID);
        assertThat(transaction.path("contexts").path("trace").path("op").asString()).isEqualTo("function.gcp");
        assertThat(transaction.path("transaction").asString()).isEqualTo("checkout");
        assertThat(transaction.path("contexts").path("gcp").path("function_name").asString()).isEqualTo("checkout");
    }
}
