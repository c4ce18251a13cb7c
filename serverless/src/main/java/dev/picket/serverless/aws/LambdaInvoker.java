package dev.picket.serverless.aws;

import com.amazonaws.services.lambda.runtime.Context;
import dev.picket.serverless.FunctionInvocation;
import dev.picket.serverless.HttpRequestData;
import dev.picket.serverless.InvocationBody;
import dev.picket.serverless.ServerlessRuntime;
import dev.picket.serverless.TraceHeaderLookup;
import java.time.Duration;

/** Describes a Lambda invocation for the runtime, from the input snapshot and the Lambda context. */
final class LambdaInvoker {

    private final ServerlessRuntime runtime;

    LambdaInvoker(ServerlessRuntime runtime) {
        this.runtime = runtime;
    }

    <T, X extends Exception> T invoke(Object inputSnapshot, Context context, InvocationBody<T, X> body) throws X {
        String name = context.getFunctionName();
        FunctionInvocation invocation = new FunctionInvocation(
                name == null ? "lambda" : name,
                "function.aws.lambda",
                "aws_lambda",
                new LambdaFunctionContext(context, region(context)),
                TraceHeaderLookup.in(inputSnapshot),
                HttpRequestData.fromSnapshot(inputSnapshot),
                Duration.ofMillis(context.getRemainingTimeInMillis()));
        return runtime.invoke(invocation, body);
    }

    /** {@code AWS_REGION} is set by the runtime; the function's ARN names the region too. */
    private String region(Context context) {
        String region = runtime.environment().get("AWS_REGION");
        if (region != null) {
            return region;
        }
        String arn = context.getInvokedFunctionArn();
        String[] parts = arn == null ? new String[0] : arn.split(":");
        return parts.length > 3 && !parts[3].isEmpty() ? parts[3] : null;
    }
}
