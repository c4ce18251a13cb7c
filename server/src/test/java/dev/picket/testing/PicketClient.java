package dev.picket.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a running Picket over real HTTP, as SDKs and scripts do. The REST API is used with the
 * administrator token of the test profile.
 */
public final class PicketClient {

    public static final String ADMIN_TOKEN = "picket-test-admin-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public PicketClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A project created through the REST API, with its first DSN key. */
    public record Project(long id, String slug, String publicKey, String dsn, String keyId) {
    }

    public Project createProject(String name) {
        JsonNode project = api("POST", "/api/0/teams/default/default/projects/", Map.of("name", name));
        String slug = project.get("slug").asString();
        JsonNode key = api("GET", "/api/0/projects/default/" + slug + "/keys/", null).get(0);
        return new Project(project.get("id").asLong(), slug, key.get("public").asString(),
                key.get("dsn").get("public").asString(), key.get("id").asString());
    }

    /** Calls the REST API as the administrator; fails unless the answer is 2xx. */
    public JsonNode api(String method, String path, Object body) {
        HttpResponse<String> response = apiResponse(method, path, body);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    public HttpResponse<String> apiResponse(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return send(request);
    }

    /** Posts {@code body} to {@code path} (which may carry a query) with {@code headers}, as an SDK would. */
    public HttpResponse<String> post(String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
