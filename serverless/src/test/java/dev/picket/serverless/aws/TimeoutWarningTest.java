package dev.picket.serverless.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.picket.serverless.ServerlessRuntime;
import dev.picket.serverless.local.LocalFunction;
import dev.picket.serverless.local.LocalLambdaContext;
import dev.picket.serverless.local.LocalLambdaRunner;
import dev.picket.serverless.testing.EnvelopeReceiver;
import dev.picket.serverless.testing.EnvelopeReceiver.ReceivedItem;
import dev.picket.serverless.testing.Environments;
import io.sentry.Sentry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TimeoutWarningTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    private final EnvelopeReceiver receiver = new EnvelopeReceiver();
    private final LocalLambdaRunner runner = new LocalLambdaRunner(LocalFunction.named("reports").withTimeout(TIMEOUT));

    @AfterEach
    void stop() {
        Sentry.close();
        receiver.close();
    }

    private RequestHandler<Map<String, Object>, String> sleeping(Duration duration) {
        return SentryLambda.wrap((input, context) -> {
            sleep(duration);
            return "done";
        }, ServerlessRuntime.create(Environments.lambda(receiver,
                "SENTRY_TIMEOUT_WARNING_MARGIN_MS", "700", "SENTRY_TRACES_SAMPLE_RATE", "1.0")));
    }

    @Test
    void aHandlerStillRunningNearTheDeadlineSendsAWarningBeforeTheDeadline() {
        LocalLambdaContext context = runner.nextContext();
        long deadlineNanos = System.nanoTime() + Duration.ofMillis(context.getRemainingTimeInMillis()).toNanos();

        sleeping(TIMEOUT.plusMillis(200)).handleRequest(Map.of("report", "monthly"), context);

        List<ReceivedItem> warnings = receiver.events();
        assertThat(warnings).hasSize(1);
        ReceivedItem warning = warnings.getFirst();
        assertThat(warning.receivedNanos()).isLessThan(deadlineNanos);
        JsonNode event = warning.payload();
        assertThat(event.path("level").asString()).isEqualTo("warning");
        assertThat(event.path("tags").path("timeout_warning").asString()).isEqualTo("true");
        assertThat(event.path("message").path("formatted").asString()).startsWith("WARNING : Function is expected to get timed out.");
        JsonNode exception = event.path("exception").path("values").get(0);
        assertThat(exception.path("type").asString()).isEqualTo("ServerlessTimeoutWarning");
        assertThat(exception.path("mechanism").path("type").asString()).isEqualTo("timeout_warning");
        assertThat(exception.path("stacktrace").toString())
                .as("the handler thread's stack shows where it was stuck").contains("sleep");
        assertThat(event.path("contexts").path("aws_lambda").path("function_name").asString()).isEqualTo("reports");
    }

    @Test
    void theTransactionOfAnInvocationThatOutlivedTheWarningEndsAsDeadlineExceeded() {
        sleeping(TIMEOUT.plusMillis(200)).handleRequest(Map.of(), runner.nextContext());

        assertThat(receiver.transactions()).hasSize(1);
        assertThat(receiver.transactions().getFirst().payload().path("contexts").path("trace").path("status").asString())
                .isEqualTo("deadline_exceeded");
    }

    @Test
    void aHandlerThatReturnsInTimeCancelsItsWarning() throws Exception {
        sleeping(Duration.ofMillis(100)).handleRequest(Map.of(), runner.nextContext());

        // Past the moment the warning would have fired.
        Thread.sleep(TIMEOUT.toMillis());
        assertThat(receiver.events()).isEmpty();
        assertThat(receiver.transactions().getFirst().payload().path("contexts").path("trace").path("status").asString())
                .isEqualTo("ok");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
