package dev.picket.serverless;

import io.sentry.protocol.Request;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds an event's request data from a snapshot, with method, URL and headers when the input is an HTTP event. */
public final class HttpRequestData {

    private HttpRequestData() {
    }

    /** From an API Gateway (REST or HTTP API) or function URL event; any other input becomes the request's data. */
    public static Request fromSnapshot(Object snapshot) {
        Request request = new Request();
        request.setData(snapshot);
        if (!(snapshot instanceof Map<?, ?> input)) {
            return request;
        }
        Map<?, ?> requestContext = input.get("requestContext") instanceof Map<?, ?> map ? map : Map.of();
        Map<?, ?> http = requestContext.get("http") instanceof Map<?, ?> map ? map : Map.of();
        Object method = input.containsKey("httpMethod") ? input.get("httpMethod") : http.get("method");
        if (method instanceof String verb) {
            request.setMethod(verb);
            Map<String, String> headers = headers(input.get("headers"));
            request.setHeaders(headers);
            Object path = input.containsKey("rawPath") ? input.get("rawPath") : input.get("path");
            String host = headers.entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase("host"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (host != null && path instanceof String route) {
                String scheme = headers.getOrDefault("X-Forwarded-Proto", headers.getOrDefault("x-forwarded-proto", "https"));
                request.setUrl(scheme + "://" + host + route);
            }
            if (input.get("rawQueryString") instanceof String query && !query.isEmpty()) {
                request.setQueryString(query);
            }
        }
        return request;
    }

    public static Map<String, String> headers(Object headers) {
        Map<String, String> flat = new LinkedHashMap<>();
        if (headers instanceof Map<?, ?> map) {
            map.forEach((name, value) -> flat.put(String.valueOf(name), String.valueOf(value)));
        }
        return flat;
    }
}
