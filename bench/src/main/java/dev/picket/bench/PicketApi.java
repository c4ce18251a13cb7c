package dev.picket.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST calls the bench needs: create a project in the default team and read its DSN. */
public final class PicketApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI baseUrl;
    private final String token;

    public PicketApi(URI baseUrl, String token) {
        this.baseUrl = LoopbackOnly.check(baseUrl);
        this.token = token;
    }

    /** Creates project {@code name} in organization and team {@code default} and returns its public DSN. */
    public String createProjectDsn(String name) throws IOException, InterruptedException {
        JsonNode project = call(HttpRequest.newBuilder(baseUrl.resolve("api/0/teams/default/default/projects/"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        JSON.createObjectNode().put("name", name).put("platform", "python")))));
        String slug = project.path("slug").asString();
        JsonNode keys = call(HttpRequest.newBuilder(baseUrl.resolve("api/0/projects/default/" + slug + "/keys/")).GET());
        String dsn = keys.path(0).path("dsn").path("public").asString();
        if (dsn.isEmpty()) {
            throw new IOException("project " + slug + " has no DSN key: " + keys);
        }
        return dsn;
    }

    private JsonNode call(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(built.method() + " " + built.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
