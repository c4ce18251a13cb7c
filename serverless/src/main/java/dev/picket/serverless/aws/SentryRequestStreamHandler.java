package dev.picket.serverless.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.picket.serverless.InputSnapshot;
import dev.picket.serverless.ServerlessRuntime;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A stream Lambda handler that reports to Sentry: extend it and implement {@link #handle}. The input is read
 * first (Lambda payloads are small) so that its trace headers and request data can be recorded; the handler
 * receives the same bytes.
 */
public abstract class SentryRequestStreamHandler implements RequestStreamHandler {

    private final LambdaInvoker invoker;

    /** Configured from the function's environment variables ({@code SENTRY_DSN}, …). */
    protected SentryRequestStreamHandler() {
        this(ServerlessRuntime.fromEnvironment());
    }

    protected SentryRequestStreamHandler(ServerlessRuntime runtime) {
        this.invoker = new LambdaInvoker(runtime);
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] payload = input.readAllBytes();
        invoker.invoke(InputSnapshot.ofJson(payload), context, () -> {
            handle(new ByteArrayInputStream(payload), output, context);
            return null;
        });
    }

    /** The function's work, as {@link RequestStreamHandler#handleRequest} would do it. */
    protected abstract void handle(InputStream input, OutputStream output, Context context) throws IOException;
}
