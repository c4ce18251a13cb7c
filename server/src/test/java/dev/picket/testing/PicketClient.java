package dev.picket.testing;

import dev.picket.api.HttpApi;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a running Picket over real HTTP as SDKs and scripts do: the REST API with the
 * administrator token of the test profile, and the ingest endpoints with DSN keys.
 */
public final class PicketClient {

    public static final String ADMIN_TOKEN = "picket-test-admin-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpApi admin;
    private final HttpApi anonymous;

    public PicketClient(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.admin = HttpApi.withToken(port, ADMIN_TOKEN);
        this.anonymous = HttpApi.anonymous(port);
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

    /** Calls the REST API as the administrator and returns the answer, whatever its status. */
    public HttpResponse<String> apiResponse(String method, String path, Object body) {
        return admin.send(admin.request(path).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** Posts {@code body} to {@code path} (which may carry a query) with {@code headers}, as an SDK would. */
    public HttpResponse<String> post(String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = anonymous.request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return anonymous.send(request);
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
