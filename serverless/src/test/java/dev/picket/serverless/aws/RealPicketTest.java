package dev.picket.serverless.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.picket.serverless.ServerlessRuntime;
import dev.picket.serverless.local.LocalFunction;
import dev.picket.serverless.local.LocalLambdaRunner;
import dev.picket.serverless.testing.ApiGatewayEvents;
import dev.picket.serverless.testing.PicketProcess;
import io.sentry.Sentry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the Picket the reactor built ({@code server/target/picket.jar}, packaged before this module's tests in
 * {@code ./mvnw verify}): what the wrapper delivers before returning is accepted by the real server.
 */
class RealPicketTest {

    @TempDir
    Path dataDir;

    @AfterEach
    void closeSdk() {
        Sentry.close();
    }

    @Test
    void picketHasAcceptedTheErrorAndTheTransactionWhenTheFailedInvocationReturns() throws Exception {
        Path jar = Path.of(System.getProperty("picket.repo.root", ".."), "server", "target", "picket.jar");
        assumeTrue(Files.isRegularFile(jar), "Picket is not built at " + jar + ": run ./mvnw verify (or package) first");
        try (PicketProcess picket = PicketProcess.start(jar, dataDir)) {
            String dsn = picket.createProjectDsn("orders-function");
            RequestHandler<Map<String, Object>, String> handler = SentryLambda.wrap((input, context) -> {
                throw new IllegalStateException("warehouse unreachable");
            }, ServerlessRuntime.create(Map.of("SENTRY_DSN", dsn, "SENTRY_TRACES_SAMPLE_RATE", "1.0")));
            double acceptedBefore = picket.acceptedEnvelopes();

            assertThatThrownBy(() -> new LocalLambdaRunner(LocalFunction.named("orders"))
                    .invoke(handler, ApiGatewayEvents.post("/orders", "{}", Map.of()))).hasMessage("warehouse unreachable");

            // One envelope for the error, one for the transaction, both answered before the call returned.
            assertThat(picket.acceptedEnvelopes() - acceptedBefore).isEqualTo(2);
        }
    }
}
