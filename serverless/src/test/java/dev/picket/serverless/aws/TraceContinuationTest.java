package dev.picket.serverless.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.picket.serverless.ServerlessRuntime;
import dev.picket.serverless.local.LocalFunction;
import dev.picket.serverless.local.LocalLambdaRunner;
import dev.picket.serverless.testing.ApiGatewayEvents;
import dev.picket.serverless.testing.EnvelopeReceiver;
import dev.picket.serverless.testing.Environments;
import io.sentry.Sentry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TraceContinuationTest {

    private static final String TRACE_ID = "771a43a4192642f0b136d5159a501700";
    private static final String PARENT_SPAN_ID = "b0e6f15b45c36b12";
    private static final String SENTRY_TRACE = TRACE_ID + "-" + PARENT_SPAN_ID + "-1";
    private static final String BAGGAGE = "sentry-trace_id=" + TRACE_ID + ",sentry-public_key=0123456789abcdef0123456789abcdef,sentry-sample_rate=1,sentry-sampled=true";

    private final EnvelopeReceiver receiver = new EnvelopeReceiver();
    private final LocalLambdaRunner runner = new LocalLambdaRunner(LocalFunction.named("orders"));
    private final ServerlessRuntime runtime = ServerlessRuntime.create(
            Environments.lambda(receiver, "SENTRY_TRACES_SAMPLE_RATE", "1.0"));

    @AfterEach
    void stop() {
        Sentry.close();
        receiver.close();
    }

    @Test
    void anApiGatewayRequestsSentryTraceHeaderIsContinuedByTheInvocationsTransaction() {
        RequestHandler<Map<String, Object>, String> handler = SentryLambda.wrap((input, context) -> "ok", runtime);

        runner.invoke(handler, ApiGatewayEvents.post("/orders", "{}", Map.of("sentry-trace", SENTRY_TRACE, "baggage", BAGGAGE)));

        JsonNode transaction = receiver.transactions().getFirst().payload();
        JsonNode trace = transaction.path("contexts").path("trace");
        assertThat(trace.path("trace_id").asString()).isEqualTo(TRACE_ID);
        assertThat(trace.path("parent_span_id").asString()).isEqualTo(PARENT_SPAN_ID);
        assertThat(trace.path("op").asString()).isEqualTo("function.aws.lambda");
        assertThat(transaction.path("transaction").asString()).isEqualTo("orders");
        assertThat(transaction.path("contexts").path("aws_lambda").path("function_name").asString()).isEqualTo("orders");
        assertThat(transaction.path("tags").path("cold_start").asString()).isEqualTo("true");
    }

    @Test
    void anErrorInAContinuedTraceBelongsToThatTrace() {
        RequestHandler<Map<String, Object>, String> handler = SentryLambda.wrap((input, context) -> {
            throw new IllegalStateException("payment declined");
        }, runtime);

        assertThatThrownBy(() -> runner.invoke(handler,
                ApiGatewayEvents.post("/pay", "{}", Map.of("Sentry-Trace", SENTRY_TRACE))));

        assertThat(receiver.events().getFirst().payload().path("contexts").path("trace").path("trace_id").asString())
                .isEqualTo(TRACE_ID);
    }

    @Test
    void anSqsMessagesAttributesCarryTheTraceIntoTheConsumer() {
        RequestHandler<Map<String, Object>, String> handler = SentryLambda.wrap((input, context) -> "ok", runtime);
        Map<String, Object> sqsEvent = Map.of("Records", List.of(Map.of(
                "messageId", "059f36b4-87a3-44ab-83d2-661975830a7d",
                "body", "{\"orderId\":\"o-1\"}",
                "eventSource", "aws:sqs",
                "messageAttributes", Map.of(
                        "sentry-trace", Map.of("stringValue", SENTRY_TRACE, "dataType", "String"),
                        "baggage", Map.of("stringValue", BAGGAGE, "dataType", "String")))));

        runner.invoke(handler, sqsEvent);

        assertThat(receiver.transactions().getFirst().payload().path("contexts").path("trace").path("trace_id").asString())
                .isEqualTo(TRACE_ID);
    }

    @Test
    void aStreamHandlerContinuesTheTraceInItsJsonInputAndReadsTheSameBytes() throws Exception {
        RequestStreamHandler handler = SentryLambda.wrap((input, output, context) -> input.transferTo(output), runtime);
        byte[] event = ("{\"headers\":{\"sentry-trace\":\"" + SENTRY_TRACE + "\"},\"body\":\"hello\"}")
                .getBytes(StandardCharsets.UTF_8);

        byte[] echoed = runner.invoke(handler, event);

        assertThat(echoed).isEqualTo(event);
        JsonNode transaction = receiver.transactions().getFirst().payload();
        assertThat(transaction.path("contexts").path("trace").path("trace_id").asString()).isEqualTo(TRACE_ID);
        assertThat(transaction.path("request").path("data").path("body").asString()).isEqualTo("hello");
    }

    @Test
    void withoutIncomingHeadersEachInvocationStartsItsOwnTrace() {
        RequestHandler<Map<String, Object>, String> handler = SentryLambda.wrap((input, context) -> "ok", runtime);

        runner.invoke(handler, Map.of());
        runner.invoke(handler, Map.of());

        assertThat(receiver.transactions())
                .extracting(item -> item.payload().path("contexts").path("trace").path("trace_id").asString())
                .doesNotHaveDuplicates()
                .doesNotContain(TRACE_ID);
    }
}
