package dev.picket.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.protocol.envelope.EventIds;
import dev.picket.testing.Envelopes;
import dev.picket.testing.PicketClient;
import dev.picket.testing.PicketClient.Project;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad input gets the right 4xx status and a reason, and never touches what was already stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestRejectionsTest {

    private static final String UNKNOWN_KEY = "0123456789abcdef0123456789abcdef";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    PicketClient picket;
    Project project;
    Project otherProject;
    String storedEventId = EventIds.random();

    @BeforeAll
    void storeOneGoodEvent() {
        picket = new PicketClient(port);
        project = picket.createProject("rejections");
        otherProject = picket.createProject("rejections-other");
        HttpResponse<String> ok = send(project.id(), auth(project), Envelopes.event(storedEventId,
                Envelopes.errorJson(storedEventId, "kept")));
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    @AfterAll
    void whatWasStoredIsStillThereExactlyOnce() {
        assertThat(jdbc.sql("select count(*) from inbox where project_id = ?").param(project.id())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from inbox where project_id = ? and event_id = ?")
                .params(project.id(), storedEventId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void requestWithoutAnyKeyIsUnauthorized() {
        assertRejected(send(project.id(), Map.of(), goodEnvelope()), 401, "missing authentication");
    }

    @Test
    void unknownKeyIsUnauthorized() {
        assertRejected(send(project.id(), authHeader(UNKNOWN_KEY), goodEnvelope()), 401, "unknown DSN public key");
    }

    @Test
    void authHeaderWithoutSentryKeyIsUnauthorized() {
        assertRejected(send(project.id(), Map.of("X-Sentry-Auth", "Sentry sentry_version=7"), goodEnvelope()),
                401, "sentry_key");
    }

    @Test
    void keyOfAnotherProjectIsForbidden() {
        assertRejected(send(project.id(), auth(otherProject), goodEnvelope()), 403, "does not belong to project");
    }

    @Test
    void unknownProjectIsForbidden() {
        assertRejected(send(987654, auth(project), goodEnvelope()), 403, "does not belong to project 987654");
    }

    @Test
    void projectIdThatIsNotANumberIsABadRequest() {
        HttpResponse<String> response = picket.post("/api/abc/envelope/", auth(project), goodEnvelope());
        assertRejected(response, 400, "project id must be a positive number");
    }

    @Test
    void brokenEventJsonIsABadRequestNamingTheItem() {
        assertRejected(send(project.id(), auth(project), Envelopes.event(EventIds.random(), "{\"message\": \"unclosed")),
                400, "item 0 (event)");
    }

    @Test
    void brokenEnvelopeHeaderIsABadRequest() {
        assertRejected(send(project.id(), auth(project), "{\"event_id\":\n{\"type\":\"event\"}\n{}\n".getBytes()),
                400, "envelope header");
    }

    @Test
    void truncatedEnvelopeIsABadRequest() {
        byte[] envelope = goodEnvelope();
        byte[] truncated = java.util.Arrays.copyOf(envelope, envelope.length - 20);
        assertRejected(send(project.id(), auth(project), truncated), 400, "exceeds");
    }

    @Test
    void attachmentLengthShorterThanItsPayloadIsABadRequest() {
        byte[] envelope = "{}\n{\"type\":\"attachment\",\"length\":3}\nhello\n".getBytes();
        assertRejected(send(project.id(), auth(project), envelope), 400, "expected a newline");
    }

    @Test
    void invalidUtf8InsideTheEventIsABadRequest() {
        byte[] json = "{\"message\":\"bad \u00ff\u00fe bytes\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertRejected(send(project.id(), auth(project), Envelopes.event(EventIds.random(), json)), 400, "UTF-8");
    }

    @Test
    void deeplyNestedJsonIsABadRequest() {
        String deep = "{\"extra\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertRejected(send(project.id(), auth(project), Envelopes.event(EventIds.random(), deep)), 400, "depth");
    }

    @Test
    void bodyOverTheCompressedLimitIsTooLarge() {
        byte[] huge = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertRejected(send(project.id(), auth(project), huge), 413, "MiB");
    }

    @Test
    void eventOverTheEventSizeLimitIsTooLarge() {
        String big = Envelopes.errorJson(EventIds.random(), "x".repeat(1100 * 1024));
        assertRejected(send(project.id(), auth(project), Envelopes.event(EventIds.random(), big)), 413, "item 0 (event)");
    }

    @Test
    void gzipBombIsStoppedWhileDecompressing() throws IOException {
        // 1 GiB of zeros is about 1 MiB of gzip: within the compressed limit, far over the decompressed one.
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(compressed, 1 << 16)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) {
                gzip.write(zeros);
            }
        }
        Map<String, String> headers = new java.util.HashMap<>(auth(project));
        headers.put("Content-Encoding", "gzip");
        assertRejected(send(project.id(), headers, compressed.toByteArray()), 413, "decompressed");
    }

    @Test
    void corruptGzipIsABadRequest() {
        Map<String, String> headers = new java.util.HashMap<>(auth(project));
        headers.put("Content-Encoding", "gzip");
        assertRejected(send(project.id(), headers, goodEnvelope()), 400, "gzip");
    }

    @Test
    void unknownContentEncodingIsUnsupported() {
        Map<String, String> headers = new java.util.HashMap<>(auth(project));
        headers.put("Content-Encoding", "compress");
        assertRejected(send(project.id(), headers, goodEnvelope()), 415, "compress");
    }

    @Test
    void brokenJsonOnTheStoreEndpointIsABadRequest() {
        HttpResponse<String> response = picket.post("/api/" + project.id() + "/store/", auth(project),
                "{\"message\": [1, 2,".getBytes());
        assertRejected(response, 400, "event");
    }

    @Test
    void storeRequestWithoutKeyIsUnauthorized() {
        HttpResponse<String> response = picket.post("/api/" + project.id() + "/store/", Map.of(),
                Envelopes.errorJson(EventIds.random(), "x").getBytes());
        assertRejected(response, 401, "missing authentication");
    }

    private static void assertRejected(HttpResponse<String> response, int status, String reasonPart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(PicketClient.json(response.body()).get("detail").asString()).contains(reasonPart);
    }

    private byte[] goodEnvelope() {
        String id = EventIds.random();
        return Envelopes.event(id, Envelopes.errorJson(id, "good"));
    }

    private HttpResponse<String> send(long projectId, Map<String, String> headers, byte[] body) {
        return picket.post("/api/" + projectId + "/envelope/", headers, body);
    }

    static Map<String, String> auth(Project project) {
        return authHeader(project.publicKey());
    }

    static Map<String, String> authHeader(String key) {
        return Map.of("X-Sentry-Auth", "Sentry sentry_key=" + key + ", sentry_version=7, sentry_client=picket-test/1.0");
    }
}
