package dev.picket.serverless.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.picket.serverless.ServerlessRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Wraps an existing Lambda handler so that it reports to Sentry, for handlers that cannot extend a base class. */
public final class SentryLambda {

    private SentryLambda() {
    }

    /** {@code handler}, reporting to the DSN in the function's environment variables. */
    public static <I, O> RequestHandler<I, O> wrap(RequestHandler<I, O> handler) {
        return wrap(handler, ServerlessRuntime.fromEnvironment());
    }

    public static <I, O> RequestHandler<I, O> wrap(RequestHandler<I, O> handler, ServerlessRuntime runtime) {
        return new SentryRequestHandler<>(runtime) {
            @Override
            protected O handle(I input, Context context) {
                return handler.handleRequest(input, context);
            }
        };
    }

    /** {@code handler}, reporting to the DSN in the function's environment variables. */
    public static RequestStreamHandler wrap(RequestStreamHandler handler) {
        return wrap(handler, ServerlessRuntime.fromEnvironment());
    }

    public static RequestStreamHandler wrap(RequestStreamHandler handler, ServerlessRuntime runtime) {
        return new SentryRequestStreamHandler(runtime) {
            @Override
            protected void handle(InputStream input, OutputStream output, Context context) throws IOException {
                handler.handleRequest(input, output, context);
            }
        };
    }
}
