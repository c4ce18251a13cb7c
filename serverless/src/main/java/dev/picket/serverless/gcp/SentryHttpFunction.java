package dev.picket.serverless.gcp;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.picket.serverless.HttpRequestData;
import dev.picket.serverless.InputSnapshot;
import dev.picket.serverless.ServerlessRuntime;
import dev.picket.serverless.TraceHeaderLookup;
import io.sentry.protocol.Request;
import java.util.List;
import java.util.Map;

/**
 * An HTTP Cloud Function that reports to Sentry: extend it and implement {@link #handle}. The request body is
 * left unread for the handler; the event's request data has the method, URL, query and scrubbed headers.
 */
public abstract class SentryHttpFunction implements HttpFunction {

    private final CloudFunctionInvoker invoker;

    /** Configured from the function's environment variables ({@code SENTRY_DSN}, …). */
    protected SentryHttpFunction() {
        this(ServerlessRuntime.fromEnvironment());
    }

    protected SentryHttpFunction(ServerlessRuntime runtime) {
        this.invoker = new CloudFunctionInvoker(runtime);
    }

    @Override
    public final void service(HttpRequest request, HttpResponse response) throws Exception {
        Map<String, Object> headers = singleValued(request.getHeaders());
        Request data = new Request();
        data.setMethod(request.getMethod());
        data.setUrl(request.getUri());
        request.getQuery().ifPresent(data::setQueryString);
        data.setHeaders(HttpRequestData.headers(InputSnapshot.of(headers)));
        String executionId = request.getFirstHeader("Function-Execution-Id").orElse(null);
        invoker.invoke(executionId, TraceHeaderLookup.in(Map.of("headers", headers)), data, () -> {
            handle(request, response);
            return null;
        });
    }

    /** The function's work, as {@link HttpFunction#service} would do it. */
    protected abstract void handle(HttpRequest request, HttpResponse response) throws Exception;

    private static Map<String, Object> singleValued(Map<String, List<String>> headers) {
        Map<String, Object> single = new java.util.LinkedHashMap<>();
        headers.forEach((name, values) -> single.put(name, values.isEmpty() ? "" : String.join(", ", values)));
        return single;
    }
}
