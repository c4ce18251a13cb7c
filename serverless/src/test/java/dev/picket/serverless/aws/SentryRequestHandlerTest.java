package dev.picket.serverless.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.picket.serverless.ServerlessRuntime;
import dev.picket.serverless.local.LocalFunction;
import dev.picket.serverless.local.LocalLambdaRunner;
import dev.picket.serverless.testing.ApiGatewayEvents;
import dev.picket.serverless.testing.EnvelopeReceiver;
import dev.picket.serverless.testing.Environments;
import io.sentry.Sentry;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SentryRequestHandlerTest {

    private final EnvelopeReceiver receiver = new EnvelopeReceiver();
    private final LocalLambdaRunner runner = new LocalLambdaRunner(LocalFunction.named("orders"));

    @AfterEach
    void stop() {
        Sentry.close();
        receiver.close();
    }

    /** Fails on orders without an id, as a real function would on bad input. */
    static final class OrderHandler extends SentryRequestHandler<Map<String, Object>, String> {

        OrderHandler(ServerlessRuntime runtime) {
            super(runtime);
        }

        @Override
        protected String handle(Map<String, Object> input, Context context) {
            if (!String.valueOf(input.get("body")).contains("\"id\"")) {
                throw new IllegalArgumentException("order has no id");
            }
            return "accepted";
        }
    }

    @Test
    void anExceptionIsRethrownToTheRuntimeAfterItsEventIsDelivered() {
        OrderHandler handler = new OrderHandler(ServerlessRuntime.create(Environments.lambda(receiver)));

        assertThatThrownBy(() -> runner.invoke(handler, ApiGatewayEvents.post("/orders", "{}", Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order has no id");

        // No waiting: the flush before rethrowing delivered it.
        assertThat(receiver.events()).hasSize(1);
        JsonNode exception = receiver.events().getFirst().payload().path("exception").path("values").get(0);
        assertThat(exception.path("type").asString()).isEqualTo("IllegalArgumentException");
        assertThat(exception.path("value").asString()).isEqualTo("order has no id");
        assertThat(exception.path("mechanism").path("type").asString()).isEqualTo("aws_lambda");
        assertThat(exception.path("mechanism").path("handled").asBoolean()).isFalse();
    }

    @Test
    void theEventCarriesTheFunctionContextAndACloudWatchLogsLink() {
        OrderHandler handler = new OrderHandler(ServerlessRuntime.create(Environments.lambda(receiver)));
        var context = runner.nextContext();

        assertThatThrownBy(() -> handler.handleRequest(ApiGatewayEvents.post("/orders", "{}", Map.of()), context));

        JsonNode event = receiver.events().getFirst().payload();
        JsonNode lambda = event.path("contexts").path("aws_lambda");
        assertThat(lambda.path("function_name").asString()).isEqualTo("orders");
        assertThat(lambda.path("function_version").asString()).isEqualTo("$LATEST");
        assertThat(lambda.path("aws_request_id").asString()).isEqualTo(context.getAwsRequestId());
        assertThat(lambda.path("invoked_function_arn").asString()).isEqualTo(context.getInvokedFunctionArn());
        assertThat(lambda.path("memory_limit_in_mb").asInt()).isEqualTo(512);
        assertThat(lambda.path("log_group_name").asString()).isEqualTo("/aws/lambda/orders");
        assertThat(lambda.path("log_stream_name").asString()).isEqualTo(context.getLogStreamName());
        assertThat(lambda.path("execution_duration_in_millis").isNumber()).isTrue();
        assertThat(lambda.path("remaining_time_in_millis").asInt()).isBetween(1, 3000);
        assertThat(event.path("extra").path("cloudwatch logs").path("url").asString())
                .startsWith("https://console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logEventViewer:group=/aws/lambda/orders;stream=")
                .contains(";start=").contains(";end=");
        assertThat(event.path("environment").asString()).isEqualTo("test");
        assertThat(event.path("release").asString()).isEqualTo("orders@1.0.0");
    }

    @Test
    void theInputIsTheEventsRequestDataWithItsSecretsFiltered() {
        OrderHandler handler = new OrderHandler(ServerlessRuntime.create(Environments.lambda(receiver)));

        assertThatThrownBy(() -> runner.invoke(handler,
                ApiGatewayEvents.post("/orders", "{\"customer\":\"c-17\"}", Map.of("cookie", "session=abc"))));

        JsonNode request = receiver.events().getFirst().payload().path("request");
        assertThat(request.path("method").asString()).isEqualTo("POST");
        assertThat(request.path("url").asString()).isEqualTo("https://abc123.execute-api.eu-west-1.amazonaws.com/orders");
        assertThat(request.path("query_string").asString()).isEqualTo("dry_run=true");
        assertThat(request.path("data").path("body").asString()).isEqualTo("{\"customer\":\"c-17\"}");
        assertThat(request.path("data").path("headers").path("authorization").asString()).isEqualTo("[Filtered]");
        assertThat(request.path("data").path("headers").path("cookie").asString()).isEqualTo("[Filtered]");
        assertThat(request.toString()).doesNotContain("very-secret-token").doesNotContain("session=abc");
    }

    @Test
    void onlyTheContainersFirstInvocationIsTaggedAsAColdStart() {
        OrderHandler handler = new OrderHandler(ServerlessRuntime.create(Environments.lambda(receiver)));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> runner.invoke(handler, ApiGatewayEvents.post("/orders", "{}", Map.of())));
        }

        assertThat(receiver.events()).extracting(event -> event.payload().path("tags").path("cold_start").asString())
                .containsExactly("true", "false", "false");
    }

    @Test
    void theWrappedFormReportsLikeTheBaseClass() {
        var handler = SentryLambda.<Map<String, Object>, String>wrap((input, context) -> {
            throw new IllegalStateException("inventory service unavailable");
        }, ServerlessRuntime.create(Environments.lambda(receiver)));

        assertThatThrownBy(() -> runner.invoke(handler, Map.of("orderId", "o-1")))
                .hasMessage("inventory service unavailable");

        JsonNode event = receiver.events().getFirst().payload();
        assertThat(event.path("exception").path("values").get(0).path("mechanism").path("type").asString())
                .isEqualTo("aws_lambda");
        assertThat(event.path("tags").path("cold_start").asString()).isEqualTo("true");
        assertThat(event.path("request").path("data").path("orderId").asString()).isEqualTo("o-1");
    }

    @Test
    void aSuccessfulInvocationReturnsTheHandlersResultAndSendsNoEvent() {
        OrderHandler handler = new OrderHandler(ServerlessRuntime.create(Environments.lambda(receiver)));

        String result = runner.invoke(handler, ApiGatewayEvents.post("/orders", "{\"id\":\"o-9\"}", Map.of()));

        assertThat(result).isEqualTo("accepted");
        assertThat(receiver.events()).isEmpty();
    }
}
