package dev.picket.serverless;

import io.sentry.protocol.Request;
import java.time.Duration;

/**
 * One call of a function as a platform describes it.
 *
 * @param transactionName the transaction's name, the function's name
 * @param operation       the transaction's operation, e.g. {@code function.aws.lambda}
 * @param mechanismType   the exception mechanism of errors the handler throws, e.g. {@code aws_lambda}
 * @param context         the function context sent with every event
 * @param trace           the incoming trace to continue
 * @param request         the invocation's input as scrubbed request data
 * @param timeLeft        time left before the platform stops the invocation, or {@code null} when unknown
 */
public record FunctionInvocation(
        String transactionName,
        String operation,
        String mechanismType,
        FunctionContext context,
        TraceHeaders trace,
        Request request,
        Duration timeLeft) {
}
