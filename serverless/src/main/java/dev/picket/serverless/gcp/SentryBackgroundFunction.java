package dev.picket.serverless.gcp;

import com.google.cloud.functions.BackgroundFunction;
import com.google.cloud.functions.Context;
import dev.picket.serverless.InputSnapshot;
import dev.picket.serverless.ServerlessRuntime;
import dev.picket.serverless.TraceHeaderLookup;
import dev.picket.serverless.TraceHeaders;
import io.sentry.protocol.Request;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A 1st-gen background function that reports to Sentry: extend it and implement {@link #handle}. The trace is
 * continued from the event's attributes or from those of a Pub/Sub message payload.
 */
public abstract class SentryBackgroundFunction<T> implements BackgroundFunction<T> {

    private final CloudFunctionInvoker invoker;

    /** Configured from the function's environment variables ({@code SENTRY_DSN}, …). */
    protected SentryBackgroundFunction() {
        this(ServerlessRuntime.fromEnvironment());
    }

    protected SentryBackgroundFunction(ServerlessRuntime runtime) {
        this.invoker = new CloudFunctionInvoker(runtime);
    }

    @Override
    public final void accept(T payload, Context context) throws Exception {
        Object data = InputSnapshot.of(payload);
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("event_id", context.eventId());
        snapshot.put("event_type", context.eventType());
        snapshot.put("resource", context.resource());
        snapshot.put("timestamp", context.timestamp());
        snapshot.put("data", data);
        Request request = new Request();
        request.setData(snapshot);
        TraceHeaders trace = TraceHeaderLookup.in(Map.of("attributes", InputSnapshot.of(context.attributes())));
        invoker.invoke(context.eventId(), trace.present() ? trace : TraceHeaderLookup.in(data), request, () -> {
            handle(payload, context);
            return null;
        });
    }

    /** The function's work, as {@link BackgroundFunction#accept} would do it. */
    protected abstract void handle(T payload, Context context) throws Exception;
}
