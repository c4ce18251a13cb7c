package dev.picket.projects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.accounts.ApiTokens;
import dev.picket.accounts.Organization;
import dev.picket.accounts.OrganizationRole;
import dev.picket.accounts.Organizations;
import dev.picket.accounts.Scopes;
import dev.picket.accounts.User;
import dev.picket.accounts.Users;
import dev.picket.api.ApiTest;
import dev.picket.api.HttpApi;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiTest
class ProjectsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Organizations organizations;

    HttpApi admin;
    String slug;

    @BeforeEach
    void setUp() {
        admin = HttpApi.withToken(port, ApiTest.ADMIN_TOKEN);
        slug = "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createdProjectIsAnsweredInSentrysShape() {
        HttpResponse<String> response = admin.post("/api/0/teams/default/default/projects/",
                "{\"name\": \"Checkout\", \"slug\": \"" + slug + "\", \"platform\": \"python\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode project = HttpApi.json(response);
        assertThat(project.get("id").isString()).isTrue();
        assertThat(project.get("slug").asString()).isEqualTo(slug);
        assertThat(project.get("name").asString()).isEqualTo("Checkout");
        assertThat(project.get("platform").asString()).isEqualTo("python");
        assertThat(project.get("dateCreated").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(project.get("organization").get("slug").asString()).isEqualTo("default");
        assertThat(project.get("organization").get("id").isString()).isTrue();
        assertThat(project.get("team").get("slug").asString()).isEqualTo("default");
    }

    @Test
    void slugIsMadeFromTheNameWhenAbsent() {
        String name = "Café Orders " + slug;

        JsonNode project = HttpApi.json(admin.post("/api/0/teams/default/default/projects/",
                "{\"name\": \"" + name + "\"}"));

        assertThat(project.get("slug").asString()).isEqualTo("cafe-orders-" + slug);
        assertThat(project.get("platform").isNull()).isTrue();
    }

    @Test
    void newProjectHasAKeyWhoseDsnPointsAtTheBaseUrl() {
        JsonNode project = HttpApi.json(admin.post("/api/0/teams/default/default/projects/",
                "{\"name\": \"" + slug + "\"}"));
        String id = project.get("id").asString();

        HttpResponse<String> response = admin.get("/api/0/projects/default/" + slug + "/keys/");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode keys = HttpApi.json(response);
        assertThat(keys.size()).isEqualTo(1);
        JsonNode key = keys.get(0);
        String publicKey = key.get("public").asString();
        String secretKey = key.get("secret").asString();
        assertThat(publicKey).matches("[0-9a-f]{32}");
        assertThat(secretKey).matches("[0-9a-f]{32}").isNotEqualTo(publicKey);
        assertThat(key.get("id").asString()).isEqualTo(publicKey);
        assertThat(key.get("projectId").asLong()).isEqualTo(Long.parseLong(id));
        assertThat(key.get("isActive").asBoolean()).isTrue();
        assertThat(key.get("rateLimit").isNull()).isTrue();
        JsonNode dsn = key.get("dsn");
        assertThat(dsn.get("public").asString())
                .isEqualTo("https://" + publicKey + "@errors.example.com/picket/" + id);
        assertThat(dsn.get("secret").asString())
                .isEqualTo("https://" + publicKey + ":" + secretKey + "@errors.example.com/picket/" + id);
        assertThat(dsn.get("security").asString())
                .isEqualTo("https://errors.example.com/picket/api/" + id + "/security/?sentry_key=" + publicKey);
        assertThat(dsn.get("csp").asString()).isEqualTo(dsn.get("security").asString());
        assertThat(dsn.get("store").asString()).isEqualTo("https://errors.example.com/picket/api/" + id + "/store/");
        assertThat(dsn.get("envelope").asString())
                .isEqualTo("https://errors.example.com/picket/api/" + id + "/envelope/");
    }

    @Test
    void duplicateSlugInTheOrganizationAnswers409() {
        admin.post("/api/0/teams/default/default/projects/", "{\"name\": \"First\", \"slug\": \"" + slug + "\"}");

        HttpResponse<String> response = admin.post("/api/0/teams/default/default/projects/",
                "{\"name\": \"Second\", \"slug\": \"" + slug + "\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(HttpApi.json(response).get("detail").asString()).isEqualTo("A project with this slug already exists.");
    }

    @Test
    void missingNameAnswers400WithDetail() {
        HttpResponse<String> response = admin.post("/api/0/teams/default/default/projects/", "{\"slug\": \"" + slug + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(HttpApi.json(response).get("detail").asString()).isEqualTo("'name' is required");
    }

    @Test
    void nameOfTheWrongTypeAnswers400WithDetail() {
        HttpResponse<String> response = admin.post("/api/0/teams/default/default/projects/", "{\"name\": 42}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(HttpApi.json(response).get("detail").asString()).isEqualTo("'name' must be a string");
    }

    @Test
    void invalidSlugAnswers400WithDetail() {
        HttpResponse<String> response = admin.post("/api/0/teams/default/default/projects/",
                "{\"name\": \"Bad\", \"slug\": \"Not A Slug\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(HttpApi.json(response).get("detail").asString()).startsWith("'slug' must be");
    }

    @Test
    void malformedJsonAnswers400WithDetail() {
        HttpResponse<String> response = admin.post("/api/0/teams/default/default/projects/", "{\"name\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(HttpApi.json(response).get("detail").asString()).isEqualTo("The request body is not valid JSON");
    }

    @Test
    void emptyBodyAnswers400WithDetail() {
        HttpResponse<String> response = admin.post("/api/0/teams/default/default/projects/", "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(HttpApi.json(response).get("detail").asString()).isEqualTo("A JSON request body is required");
    }

    @Test
    void bodyThatIsNotAnObjectAnswers400WithDetail() {
        HttpResponse<String> response = admin.post("/api/0/teams/default/default/projects/", "[\"Checkout\"]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(HttpApi.json(response).get("detail").asString()).isEqualTo("The request body must be a JSON object");
    }

    @Test
    void unknownTeamAnswers404() {
        HttpResponse<String> response = admin.post("/api/0/teams/default/no-such-team/projects/",
                "{\"name\": \"Lost\"}");

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void createdProjectIsListedAndReadable() {
        admin.post("/api/0/teams/default/default/projects/", "{\"name\": \"" + slug + "\"}");

        assertThat(slugs(admin.get("/api/0/organizations/default/projects/"))).contains(slug);
        assertThat(slugs(admin.get("/api/0/projects/"))).contains(slug);
        HttpResponse<String> one = admin.get("/api/0/projects/default/" + slug + "/");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(HttpApi.json(one).get("slug").asString()).isEqualTo(slug);
    }

    @Test
    void organizationOfWhichTheUserIsNoMemberIsNotFound() {
        admin.post("/api/0/teams/default/default/projects/", "{\"name\": \"" + slug + "\"}");
        HttpApi outsider = HttpApi.withToken(port, outsiderToken());

        assertThat(slugs(outsider.get("/api/0/organizations/"))).containsExactly("own-" + slug);
        assertThat(slugs(outsider.get("/api/0/projects/"))).isEmpty();
        for (HttpResponse<String> response : List.of(
                outsider.get("/api/0/organizations/default/projects/"),
                outsider.get("/api/0/projects/default/" + slug + "/"),
                outsider.get("/api/0/projects/default/" + slug + "/keys/"),
                outsider.post("/api/0/teams/default/default/projects/", "{\"name\": \"Intruder\"}"))) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(HttpApi.json(response).get("detail").asString())
                    .isEqualTo("The requested resource does not exist");
        }
    }

    @Test
    void unknownOrganizationLooksLikeOneOfAnotherUser() {
        HttpResponse<String> absent = admin.get("/api/0/organizations/no-such-org/projects/");
        HttpResponse<String> notMine = HttpApi.withToken(port, outsiderToken()).get("/api/0/organizations/default/projects/");

        assertThat(absent.statusCode()).isEqualTo(notMine.statusCode()).isEqualTo(404);
        assertThat(absent.body()).isEqualTo(notMine.body());
    }

    private String outsiderToken() {
        User outsider = users.create("outsider-" + UUID.randomUUID() + "@example.com", "a password", false);
        Organization own = organizations.create("own-" + slug, "Own");
        organizations.createTeam(own, "own", "Own");
        organizations.addMember(own, outsider, OrganizationRole.OWNER);
        return tokens.create(outsider, "outsider", Scopes.ALL);
    }

    private static List<String> slugs(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return HttpApi.json(response).valueStream().map(item -> item.get("slug").asString()).toList();
    }
}
