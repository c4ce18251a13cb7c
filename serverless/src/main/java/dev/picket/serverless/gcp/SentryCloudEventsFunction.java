package dev.picket.serverless.gcp;

import com.google.cloud.functions.CloudEventsFunction;
import dev.picket.serverless.InputSnapshot;
import dev.picket.serverless.ServerlessRuntime;
import dev.picket.serverless.TraceHeaderLookup;
import dev.picket.serverless.TraceHeaders;
import io.cloudevents.CloudEvent;
import io.sentry.protocol.Request;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CloudEvents function that reports to Sentry: extend it and implement {@link #handle}. The trace is continued
 * from the {@code sentrytrace} and {@code baggage} extensions (CloudEvents extension names have no dashes) or from
 * the attributes of a Pub/Sub message in the data.
 */
public abstract class SentryCloudEventsFunction implements CloudEventsFunction {

    private final CloudFunctionInvoker invoker;

    /** Configured from the function's environment variables ({@code SENTRY_DSN}, …). */
    protected SentryCloudEventsFunction() {
        this(ServerlessRuntime.fromEnvironment());
    }

    protected SentryCloudEventsFunction(ServerlessRuntime runtime) {
        this.invoker = new CloudFunctionInvoker(runtime);
    }

    @Override
    public final void accept(CloudEvent event) throws Exception {
        Object data = event.getData() == null ? null : InputSnapshot.ofJson(event.getData().toBytes());
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("id", event.getId());
        snapshot.put("type", event.getType());
        snapshot.put("source", String.valueOf(event.getSource()));
        snapshot.put("subject", event.getSubject());
        snapshot.put("data", data);
        Request request = new Request();
        request.setData(snapshot);
        invoker.invoke(event.getId(), trace(event, data), request, () -> {
            handle(event);
            return null;
        });
    }

    /** The function's work, as {@link CloudEventsFunction#accept} would do it. */
    protected abstract void handle(CloudEvent event) throws Exception;

    private static TraceHeaders trace(CloudEvent event, Object data) {
        Object sentryTrace = event.getExtension("sentrytrace");
        if (sentryTrace != null) {
            Object baggage = event.getExtension("baggage");
            return new TraceHeaders(sentryTrace.toString(), baggage == null ? List.of() : List.of(baggage.toString()));
        }
        return TraceHeaderLookup.in(data);
    }
}
