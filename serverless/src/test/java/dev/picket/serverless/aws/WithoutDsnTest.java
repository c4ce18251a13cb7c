package dev.picket.serverless.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.picket.serverless.ServerlessRuntime;
import dev.picket.serverless.local.LocalFunction;
import dev.picket.serverless.local.LocalLambdaRunner;
import io.sentry.Sentry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WithoutDsnTest {

    private final LocalLambdaRunner runner = new LocalLambdaRunner(LocalFunction.named("orders"));

    @Test
    void withoutSentryDsnTheHandlerRunsAsIfUnwrappedAndTheSdkStaysOff() {
        RequestHandler<Map<String, Object>, Object> handler = SentryLambda.wrap((input, context) -> {
            if (input.isEmpty()) {
                throw new IllegalArgumentException("empty order");
            }
            return input.get("id");
        }, ServerlessRuntime.create(Map.of()));

        assertThat(runner.invoke(handler, Map.of("id", "o-3"))).isEqualTo("o-3");
        assertThatThrownBy(() -> runner.invoke(handler, Map.of())).hasMessage("empty order");
        assertThat(Sentry.isEnabled()).isFalse();
    }
}
