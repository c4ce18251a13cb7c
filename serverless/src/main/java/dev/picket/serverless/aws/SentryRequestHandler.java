package dev.picket.serverless.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.picket.serverless.InputSnapshot;
import dev.picket.serverless.ServerlessRuntime;

/**
 * A Lambda handler that reports to Sentry: extend it and implement {@link #handle}. Each invocation runs in a
 * transaction that continues the caller's trace, errors are captured with the function context, a warning is sent
 * shortly before a timeout, and everything is delivered before the handler returns.
 */
public abstract class SentryRequestHandler<I, O> implements RequestHandler<I, O> {

    private final LambdaInvoker invoker;

    /** Configured from the function's environment variables ({@code SENTRY_DSN}, …). */
    protected SentryRequestHandler() {
        this(ServerlessRuntime.fromEnvironment());
    }

    protected SentryRequestHandler(ServerlessRuntime runtime) {
        this.invoker = new LambdaInvoker(runtime);
    }

    @Override
    public final O handleRequest(I input, Context context) {
        return invoker.invoke(InputSnapshot.of(input), context, () -> handle(input, context));
    }

    /** The function's work, as {@link RequestHandler#handleRequest} would do it. */
    protected abstract O handle(I input, Context context);
}
