package dev.picket.serverless.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** An API Gateway HTTP API (payload 2.0) event as Lambda passes it to a handler taking a map. */
public final class ApiGatewayEvents {

    private ApiGatewayEvents() {
    }

    public static Map<String, Object> post(String path, String body, Map<String, String> extraHeaders) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("host", "abc123.execute-api.eu-west-1.amazonaws.com");
        headers.put("content-type", "application/json");
        headers.put("authorization", "Bearer very-secret-token");
        headers.putAll(extraHeaders);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "POST " + path);
        event.put("rawPath", path);
        event.put("rawQueryString", "dry_run=true");
        event.put("headers", headers);
        event.put("requestContext", Map.of(
                "http", Map.of("method", "POST", "path", path, "sourceIp", "203.0.113.7"),
                "requestId", "JKJaXmPLvHcESHA="));
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return event;
    }
}
