package dev.picket.serverless.gcp;

import dev.picket.serverless.FunctionInvocation;
import dev.picket.serverless.InvocationBody;
import dev.picket.serverless.ServerlessRuntime;
import dev.picket.serverless.TraceHeaders;
import io.sentry.protocol.Request;
import java.time.Duration;

/** Describes a Cloud Functions invocation for the runtime. */
final class CloudFunctionInvoker {

    private final ServerlessRuntime runtime;

    CloudFunctionInvoker(ServerlessRuntime runtime) {
        this.runtime = runtime;
    }

    <T> T invoke(String executionId, TraceHeaders trace, Request request, InvocationBody<T, Exception> body)
            throws Exception {
        CloudFunctionContext context = new CloudFunctionContext(runtime.environment(), executionId);
        String name = context.functionName();
        FunctionInvocation invocation = new FunctionInvocation(
                name == null ? "cloud-function" : name,
                "function.gcp",
                "gcp",
                context,
                trace,
                request,
                timeout());
        return runtime.invoke(invocation, body);
    }

    /** Cloud Functions tells no deadline; 1st-gen sets the configured timeout, counted from the invocation's start. */
    private Duration timeout() {
        String seconds = runtime.environment().get("FUNCTION_TIMEOUT_SEC");
        if (seconds == null || seconds.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(seconds.trim()));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("FUNCTION_TIMEOUT_SEC must be a whole number of seconds, was '"
                    + seconds + "'", notANumber);
        }
    }
}
