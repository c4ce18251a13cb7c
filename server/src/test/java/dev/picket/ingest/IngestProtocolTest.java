package dev.picket.ingest;

import static dev.picket.ingest.IngestRejectionsTest.auth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.protocol.envelope.EventIds;
import dev.picket.testing.Envelopes;
import dev.picket.testing.PicketClient;
import dev.picket.testing.PicketClient.Project;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The envelope format's variations that SDKs send, and the ways they authenticate. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestProtocolTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    PicketClient picket;
    Project project;

    @BeforeAll
    void createProject() {
        picket = new PicketClient(port);
        project = picket.createProject("protocol");
    }

    @Test
    void acknowledgesWithTheEventIdOnceTheEnvelopeIsInTheInbox() {
        String id = EventIds.random();
        HttpResponse<String> response = send(auth(project), Envelopes.event(id, Envelopes.errorJson(id, "x")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(PicketClient.json(response.body()).get("id").asString()).isEqualTo(id);
        assertThat(inboxRows(id)).isEqualTo(1);
    }

    @Test
    void authenticatesByTheSentryKeyQueryParameter() {
        String id = EventIds.random();
        HttpResponse<String> response = picket.post("/api/" + project.id() + "/envelope/?sentry_version=7&sentry_key="
                + project.publicKey() + "&sentry_client=sentry.javascript.browser%2F9.0.0", Map.of(),
                Envelopes.event(id, Envelopes.errorJson(id, "x")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void authenticatesByTheDsnInTheEnvelopeHeader() {
        String id = EventIds.random();
        String json = Envelopes.errorJson(id, "x");
        byte[] envelope = ("{\"event_id\":\"" + id + "\",\"dsn\":\"" + project.dsn() + "\"}\n{\"type\":\"event\"}\n"
                + json + "\n").getBytes();
        assertThat(send(Map.of(), envelope).statusCode()).isEqualTo(200);
        assertThat(inboxRows(id)).isEqualTo(1);
    }

    @Test
    void acceptsItemsWithoutLengthAndWithoutTrailingNewline() {
        String id = EventIds.random();
        byte[] envelope = ("{\"event_id\":\"" + id + "\"}\n{\"type\":\"event\"}\n" + Envelopes.errorJson(id, "x")
                + "\n{\"type\":\"attachment\",\"length\":5,\"filename\":\"a.txt\"}\nhello").getBytes();
        assertThat(send(auth(project), envelope).statusCode()).isEqualTo(200);
        assertThat(inboxRows(id)).isEqualTo(1);
    }

    @Test
    void acceptsItemsWithEmptyPayloads() {
        String id = EventIds.random();
        byte[] envelope = ("{\"event_id\":\"" + id + "\"}\n{\"type\":\"attachment\",\"length\":0}\n\n"
                + "{\"type\":\"event\",\"length\":" + Envelopes.errorJson(id, "x").length() + "}\n"
                + Envelopes.errorJson(id, "x") + "\n").getBytes();
        assertThat(send(auth(project), envelope).statusCode()).isEqualTo(200);
        assertThat(inboxRows(id)).isEqualTo(1);
    }

    @Test
    void skipsUnknownItemTypesInsteadOfRejecting() {
        String id = EventIds.random();
        byte[] envelope = ("{\"event_id\":\"" + id + "\"}\n{\"type\":\"some_future_type\",\"length\":3}\n{x}\n").getBytes();
        HttpResponse<String> response = send(auth(project), envelope);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(inboxRows(id)).as("an envelope of nothing Picket keeps is not queued").isZero();
    }

    @Test
    void storesAReplayedEventOnce() {
        String id = EventIds.random();
        byte[] envelope = Envelopes.event(id, Envelopes.errorJson(id, "x"));
        assertThat(send(auth(project), envelope).statusCode()).isEqualTo(200);
        assertThat(send(auth(project), envelope).statusCode()).isEqualTo(200);
        assertThat(inboxRows(id)).isEqualTo(1);
    }

    @Test
    void storeEndpointWrapsTheEventAndAnswersItsId() {
        String id = EventIds.random();
        HttpResponse<String> response = picket.post("/api/" + project.id() + "/store/", auth(project),
                Envelopes.errorJson(id, "x").getBytes());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(PicketClient.json(response.body()).get("id").asString()).isEqualTo(id);
        assertThat(inboxRows(id)).isEqualTo(1);
    }

    @Test
    void securityEndpointKeepsABrowserCspReport() {
        String report = "{\"csp-report\":{\"document-uri\":\"https://shop.example/cart\","
                + "\"violated-directive\":\"script-src\",\"blocked-uri\":\"https://evil.example/x.js\"}}";
        HttpResponse<String> response = picket.post("/api/" + project.id() + "/security/?sentry_key="
                + project.publicKey(), Map.of("Content-Type", "application/csp-report"), report.getBytes());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(inboxRows(PicketClient.json(response.body()).get("id").asString())).isEqualTo(1);
    }

    @Test
    void disabledKeyIsForbidden() {
        Project disabled = picket.createProject("protocol-disabled");
        picket.api("PUT", "/api/0/projects/default/" + disabled.slug() + "/keys/" + disabled.keyId() + "/",
                Map.of("isActive", false));
        String id = EventIds.random();
        HttpResponse<String> response = picket.post("/api/" + disabled.id() + "/envelope/", auth(disabled),
                Envelopes.event(id, Envelopes.errorJson(id, "x")));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("disabled");
    }

    @Test
    void answersTheBrowserPreflightForAnyOrigin() {
        HttpResponse<String> response = picket.send(HttpRequest.newBuilder(
                        URI.create(picket.baseUrl() + "/api/" + project.id() + "/envelope/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).contains("content-type");
    }

    @Test
    void exposesRateLimitHeadersToBrowsersOnEveryAnswer() {
        HttpResponse<String> response = picket.send(HttpRequest.newBuilder(
                        URI.create(picket.baseUrl() + "/api/" + project.id() + "/envelope/?sentry_key=" + project.publicKey()))
                .POST(HttpRequest.BodyPublishers.ofString("not an envelope"))
                .header("Origin", "https://shop.example"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                .contains("x-sentry-rate-limits").contains("retry-after");
    }

    @Test
    void keyOverItsRateLimitGets429WithSentryHeaders() {
        Project limited = picket.createProject("protocol-limited");
        picket.api("PUT", "/api/0/projects/default/" + limited.slug() + "/keys/" + limited.keyId() + "/",
                Map.of("rateLimit", Map.of("count", 2, "window", 3600)));
        int[] statuses = new int[3];
        HttpResponse<String> last = null;
        for (int i = 0; i < 3; i++) {
            String id = EventIds.random();
            last = picket.post("/api/" + limited.id() + "/envelope/", auth(limited),
                    Envelopes.event(id, Envelopes.errorJson(id, "x")));
            statuses[i] = last.statusCode();
        }
        assertThat(statuses).containsExactly(200, 200, 429);
        long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(last.headers().firstValue("X-Sentry-Rate-Limits")).hasValue(retryAfter + "::key:key_quota");
    }

    private HttpResponse<String> send(Map<String, String> headers, byte[] body) {
        return picket.post("/api/" + project.id() + "/envelope/", headers, body);
    }

    private long inboxRows(String eventId) {
        return jdbc.sql("select count(*) from inbox where project_id = ? and event_id = ?")
                .params(project.id(), eventId).query(Long.class).single();
    }
}
