package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.picket.serverless.aws.SentryLambda;
import java.util.Map;

/** The decorator form, for a handler that extends another class or comes from a library. */
public class WrappedOrderHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final RequestHandler<Map<String, Object>, Map<String, Object>> delegate =
            SentryLambda.wrap(new PlainOrderHandler());

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return delegate.handleRequest(event, context);
    }

    /** A handler written without Sentry in mind. */
    static final class PlainOrderHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            Object body = event.get("body");
            if (body == null) {
                throw new IllegalStateException("no order in the request");
            }
            return Map.of("statusCode", 202, "body", "{\"accepted\":true}");
        }
    }
}
