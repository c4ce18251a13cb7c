package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import dev.picket.serverless.aws.SentryRequestHandler;
import java.util.Map;

/**
 * Accepts an order posted through API Gateway. The base class reports errors, timeouts and traces;
 * the handler only does its work.
 */
public class OrderHandler extends SentryRequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    protected Map<String, Object> handle(Map<String, Object> event, Context context) {
        String body = String.valueOf(event.get("body"));
        if (!body.contains("\"id\"")) {
            throw new IllegalArgumentException("order has no id: " + body);
        }
        if (body.contains("\"slow\":true")) {
            waitForWarehouse(context);
        }
        context.getLogger().log("accepted order in request " + context.getAwsRequestId());
        return Map.of("statusCode", 202, "body", "{\"accepted\":true}");
    }

    /** Stands for a downstream call that hangs: it outlives the function's timeout. */
    private static void waitForWarehouse(Context context) {
        try {
            Thread.sleep(context.getRemainingTimeInMillis() + 200L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
