package dev.picket.serverless.gcp;

import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The Functions Framework's request and response for one call, held in memory as the framework would fill them. */
final class InMemoryHttp {

    private InMemoryHttp() {
    }

    static final class Request implements HttpRequest {

        private final String method;
        private final URI uri;
        private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final byte[] body;

        Request(String method, String uri, Map<String, String> headers, String body) {
            this.method = method;
            this.uri = URI.create(uri);
            headers.forEach((name, value) -> this.headers.put(name, List.of(value)));
            this.body = body.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String getMethod() {
            return method;
        }

        @Override
        public String getUri() {
            return uri.toString();
        }

        @Override
        public String getPath() {
            return uri.getPath();
        }

        @Override
        public Optional<String> getQuery() {
            return Optional.ofNullable(uri.getQuery());
        }

        @Override
        public Map<String, List<String>> getQueryParameters() {
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            getQuery().ifPresent(query -> {
                for (String pair : query.split("&")) {
                    String[] parts = pair.split("=", 2);
                    parameters.put(parts[0], List.of(parts.length > 1 ? parts[1] : ""));
                }
            });
            return parameters;
        }

        @Override
        public Map<String, HttpPart> getParts() {
            return Map.of();
        }

        @Override
        public Optional<String> getContentType() {
            return getFirstHeader("Content-Type");
        }

        @Override
        public long getContentLength() {
            return body.length;
        }

        @Override
        public Optional<String> getCharacterEncoding() {
            return Optional.of("UTF-8");
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return headers;
        }
    }

    static final class Response implements HttpResponse {

        private int status = 200;
        private String contentType;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private BufferedWriter writer;

        int status() {
            return status;
        }

        String body() {
            if (writer != null) {
                try {
                    writer.flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return body.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void setStatusCode(int code) {
            status = code;
        }

        @Override
        public void setStatusCode(int code, String message) {
            status = code;
        }

        @Override
        public void setContentType(String type) {
            contentType = type;
        }

        @Override
        public Optional<String> getContentType() {
            return Optional.ofNullable(contentType);
        }

        @Override
        public void appendHeader(String name, String value) {
            headers.computeIfAbsent(name, key -> new java.util.ArrayList<>()).add(value);
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return headers;
        }

        @Override
        public OutputStream getOutputStream() {
            return body;
        }

        @Override
        public BufferedWriter getWriter() {
            if (writer == null) {
                writer = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
            }
            return writer;
        }
    }
}
