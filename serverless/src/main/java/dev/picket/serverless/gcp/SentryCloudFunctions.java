package dev.picket.serverless.gcp;

import com.google.cloud.functions.BackgroundFunction;
import com.google.cloud.functions.CloudEventsFunction;
import com.google.cloud.functions.Context;
import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.picket.serverless.ServerlessRuntime;
import io.cloudevents.CloudEvent;

/**
 * Wraps an existing Cloud Function so that it reports to Sentry. The methods have distinct names because an HTTP
 * function and a background function both take two arguments, which would make a lambda ambiguous.
 */
public final class SentryCloudFunctions {

    private SentryCloudFunctions() {
    }

    public static HttpFunction wrapHttp(HttpFunction function) {
        return wrapHttp(function, ServerlessRuntime.fromEnvironment());
    }

    public static HttpFunction wrapHttp(HttpFunction function, ServerlessRuntime runtime) {
        return new SentryHttpFunction(runtime) {
            @Override
            protected void handle(HttpRequest request, HttpResponse response) throws Exception {
                function.service(request, response);
            }
        };
    }

    public static CloudEventsFunction wrapCloudEvents(CloudEventsFunction function) {
        return wrapCloudEvents(function, ServerlessRuntime.fromEnvironment());
    }

    public static CloudEventsFunction wrapCloudEvents(CloudEventsFunction function, ServerlessRuntime runtime) {
        return new SentryCloudEventsFunction(runtime) {
            @Override
            protected void handle(CloudEvent event) throws Exception {
                function.accept(event);
            }
        };
    }

    public static <T> BackgroundFunction<T> wrapBackground(BackgroundFunction<T> function) {
        return wrapBackground(function, ServerlessRuntime.fromEnvironment());
    }

    public static <T> BackgroundFunction<T> wrapBackground(BackgroundFunction<T> function, ServerlessRuntime runtime) {
        return new SentryBackgroundFunction<>(runtime) {
            @Override
            protected void handle(T payload, Context context) throws Exception {
                function.accept(payload, context);
            }
        };
    }
}
