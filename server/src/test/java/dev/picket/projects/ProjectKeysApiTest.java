package dev.picket.projects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.api.ApiTest;
import dev.picket.api.HttpApi;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiTest
class ProjectKeysApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Projects projects;

    HttpApi admin;
    CreatedProject created;
    String keysPath;

    @BeforeEach
    void setUp() {
        admin = HttpApi.withToken(port, ApiTest.ADMIN_TOKEN);
        created = projects.create("default", "default", "Keys " + UUID.randomUUID());
        keysPath = "/api/0/projects/default/" + created.project().slug() + "/keys/";
    }

    @Test
    void createdKeyIsActiveAndListedAfterTheFirst() {
        HttpResponse<String> response = admin.post(keysPath, "{\"name\": \"Browser\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode key = HttpApi.json(response);
        assertThat(key.get("name").asString()).isEqualTo("Browser");
        assertThat(key.get("label").asString()).isEqualTo("Browser");
        assertThat(key.get("isActive").asBoolean()).isTrue();
        assertThat(HttpApi.json(admin.get(keysPath)).valueStream().map(k -> k.get("public").asString()))
                .containsExactly(created.key().publicKey(), key.get("public").asString());
    }

    @Test
    void keyCanBeCreatedWithoutABody() {
        HttpResponse<String> response = admin.send(admin.request(keysPath)
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(HttpApi.json(response).get("name").asString()).isEqualTo("Default");
    }

    @Test
    void putChangesOnlyTheNamedFields() {
        String keyPath = keysPath + created.key().publicKey() + "/";

        JsonNode limited = HttpApi.json(admin.put(keyPath, "{\"rateLimit\": {\"count\": 100, \"window\": 60}}"));
        JsonNode disabled = HttpApi.json(admin.put(keyPath, "{\"isActive\": false}"));

        assertThat(limited.get("rateLimit").get("count").asInt()).isEqualTo(100);
        assertThat(limited.get("rateLimit").get("window").asInt()).isEqualTo(60);
        assertThat(disabled.get("isActive").asBoolean()).isFalse();
        assertThat(disabled.get("rateLimit").get("count").asInt()).isEqualTo(100);
        assertThat(HttpApi.json(admin.get(keyPath)).get("isActive").asBoolean()).isFalse();
    }

    @Test
    void nullRateLimitRemovesTheLimit() {
        String keyPath = keysPath + created.key().publicKey() + "/";
        admin.put(keyPath, "{\"rateLimit\": {\"count\": 5, \"window\": 3600}}");

        JsonNode key = HttpApi.json(admin.put(keyPath, "{\"rateLimit\": null}"));

        assertThat(key.get("rateLimit").isNull()).isTrue();
        assertThat(HttpApi.json(admin.get(keyPath)).get("rateLimit").isNull()).isTrue();
    }

    @Test
    void rateLimitWithoutWindowAnswers400WithDetail() {
        HttpResponse<String> response = admin.put(keysPath + created.key().publicKey() + "/",
                "{\"rateLimit\": {\"count\": 5}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(HttpApi.json(response).get("detail").asString()).isEqualTo("'rateLimit.window' is required");
    }

    @Test
    void isActiveThatIsNotABooleanAnswers400WithDetail() {
        HttpResponse<String> response = admin.put(keysPath + created.key().publicKey() + "/", "{\"isActive\": \"no\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(HttpApi.json(response).get("detail").asString()).isEqualTo("'isActive' must be true or false");
    }

    @Test
    void deletedKeyIsGone() {
        String keyPath = keysPath + created.key().publicKey() + "/";

        assertThat(admin.delete(keyPath).statusCode()).isEqualTo(204);

        assertThat(admin.get(keyPath).statusCode()).isEqualTo(404);
        assertThat(HttpApi.json(admin.get(keysPath)).size()).isZero();
    }

    @Test
    void keyOfAnotherProjectIsNotFound() {
        CreatedProject other = projects.create("default", "default", "Other " + UUID.randomUUID());

        HttpResponse<String> response = admin.put(keysPath + other.key().publicKey() + "/", "{\"isActive\": false}");

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
