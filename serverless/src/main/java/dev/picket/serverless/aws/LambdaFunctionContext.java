package dev.picket.serverless.aws;

import com.amazonaws.services.lambda.runtime.Context;
import dev.picket.serverless.FunctionContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code contexts.aws_lambda} and a CloudWatch Logs link, as Sentry's Lambda integrations send them. */
final class LambdaFunctionContext implements FunctionContext {

    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final Context lambda;
    private final String region;

    LambdaFunctionContext(Context lambda, String region) {
        this.lambda = lambda;
        this.region = region;
    }

    @Override
    public String key() {
        return "aws_lambda";
    }

    @Override
    public Map<String, Object> values(long executionMillis) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("function_name", lambda.getFunctionName());
        values.put("function_version", lambda.getFunctionVersion());
        values.put("invoked_function_arn", lambda.getInvokedFunctionArn());
        values.put("aws_request_id", lambda.getAwsRequestId());
        values.put("memory_limit_in_mb", lambda.getMemoryLimitInMB());
        values.put("log_group_name", lambda.getLogGroupName());
        values.put("log_stream_name", lambda.getLogStreamName());
        values.put("region", region);
        values.put("execution_duration_in_millis", executionMillis);
        values.put("remaining_time_in_millis", lambda.getRemainingTimeInMillis());
        return values;
    }

    @Override
    public Map<String, Object> extras(Instant started, Instant now) {
        if (region == null || lambda.getLogGroupName() == null || lambda.getLogStreamName() == null) {
            return Map.of();
        }
        Map<String, Object> logs = new LinkedHashMap<>();
        logs.put("url", cloudWatchUrl(started, now));
        logs.put("log_group", lambda.getLogGroupName());
        logs.put("log_stream", lambda.getLogStreamName());
        return Map.of("cloudwatch logs", logs);
    }

    /** The log stream around this invocation: from a second before it started to two seconds after the event. */
    private String cloudWatchUrl(Instant started, Instant now) {
        String console = region.startsWith("cn-") ? "console.amazonaws.cn" : "console.aws.amazon.com";
        return "https://" + console + "/cloudwatch/home?region=" + region
                + "#logEventViewer:group=" + lambda.getLogGroupName()
                + ";stream=" + lambda.getLogStreamName()
                + ";start=" + LOG_TIME.format(started.minusSeconds(1))
                + ";end=" + LOG_TIME.format(now.plusSeconds(2));
    }
}
