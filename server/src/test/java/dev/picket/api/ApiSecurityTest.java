package dev.picket.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.accounts.ApiTokens;
import dev.picket.accounts.Scopes;
import dev.picket.accounts.User;
import dev.picket.accounts.Users;
import dev.picket.projects.CreatedProject;
import dev.picket.projects.Projects;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiTest
class ApiSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Projects projects;

    @Test
    void restApiWithoutTokenAnswers401WithDetail() {
        HttpResponse<String> response = HttpApi.anonymous(port).get("/api/0/organizations/");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(HttpApi.json(response).get("detail").asString())
                .isEqualTo("Authentication credentials were not provided.");
    }

    @Test
    void restApiWithUnknownTokenAnswers401WithDetail() {
        HttpResponse<String> response = HttpApi.withToken(port, "not-a-token-anyone-has").get("/api/0/organizations/");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(HttpApi.json(response).get("detail").asString()).isEqualTo("Invalid token");
    }

    @Test
    void restApiDoesNotStartSessions() {
        HttpResponse<String> response = HttpApi.withToken(port, ApiTest.ADMIN_TOKEN).get("/api/0/organizations/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void tokenWithoutWriteScopeCannotCreateProjects() {
        User reader = users.create("reader-" + UUID.randomUUID() + "@example.com", "a password", false);
        String token = tokens.create(reader, "read only", Set.of(Scopes.ORG_READ, Scopes.PROJECT_READ));

        HttpResponse<String> response = HttpApi.withToken(port, token)
                .post("/api/0/teams/default/default/projects/", "{\"name\": \"Refused\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(HttpApi.json(response).get("detail").asString())
                .isEqualTo("You do not have permission to perform this action.");
    }

    @Test
    void ingestEndpointsAreNotBehindAuthenticationOrCsrf() {
        CreatedProject created = projects.create("default", "default", "Ingest " + UUID.randomUUID());
        long projectId = created.project().id();
        String envelope = """
                {"event_id":"9ec79c33ec9942ab8353589fcb2e04dc"}
                {"type":"event"}
                {"message":"hello"}
                """;

        HttpResponse<String> response = HttpApi.anonymous(port).send(
                HttpApi.anonymous(port).request("/api/" + projectId + "/envelope/")
                        .header("Content-Type", "application/x-sentry-envelope")
                        .header("X-Sentry-Auth", "Sentry sentry_version=7, sentry_key=" + created.key().publicKey())
                        .POST(HttpRequest.BodyPublishers.ofString(envelope)));

        assertThat(response.statusCode()).isNotIn(401, 403);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void ingestCorsPreflightIsNotBehindAuthentication() {
        HttpResponse<String> response = HttpApi.anonymous(port).send(
                HttpApi.anonymous(port).request("/api/1/envelope/")
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://shop.example.com")
                        .header("Access-Control-Request-Method", "POST"));

        assertThat(response.statusCode()).isNotEqualTo(401);
    }

    @Test
    void healthProbeIsOpen() {
        HttpResponse<String> response = HttpApi.anonymous(port).get("/actuator/health/liveness");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusScrapeIsNotBehindAuthentication() {
        HttpResponse<String> response = HttpApi.anonymous(port).get("/actuator/prometheus");

        assertThat(response.statusCode()).isNotIn(401, 403);
    }

    @Test
    void otherPagesSendAnonymousVisitorsToSignIn() {
        for (String path : new String[] {"/", "/actuator/info"}) {
            HttpResponse<String> response = HttpApi.anonymous(port).get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login"));
        }
    }
}
