package dev.picket.issues;

import static dev.picket.issues.ProjectIngest.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import dev.picket.pipeline.InboxProcessor;
import dev.picket.testing.ReferenceRequests;
import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryId;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Private data is scrubbed before anything is stored, by the project's settings. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScrubbingTest {

    /** What python-sdk-1.9.10/010 carries and the reference README says may never be stored. */
    private static final List<String> REFERENCE_SECRETS = List.of("hunter2-secret", "4111 1111 1111 1111",
            "sk_live_harness_key", "hdr-secret-token", "cookie-secret");

    @LocalServerPort
    int port;
    @Autowired
    InboxProcessor processor;
    @Autowired
    Issues issues;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void noSecretOfThePythonReferenceEventIsStoredInAnyTable() throws Exception {
        ProjectIngest ingest = project("privacy");
        assertThat(ingest.replay(ReferenceRequests.load("python-sdk-1.9.10/010.json"))).isEqualTo(200);
        ingest.awaitProcessed();
        assertThat(issues.list(IssueQuery.all(ingest.projectId())).issues()).hasSize(1);

        List<String> stored = everythingStored();

        assertThat(stored).isNotEmpty();
        for (String secret : REFERENCE_SECRETS) {
            assertThat(stored).as(secret).noneMatch(value -> value.contains(secret));
        }
    }

    @Test
    void theJavaSdksPasswordAndAuthorizationHeaderAreFiltered() throws Exception {
        ProjectIngest ingest = project("java-sdk-scrubbing");
        SentryId id;
        Sentry.init(options -> options.setDsn(ingest.project.dsn()));
        try {
            SentryEvent event = new SentryEvent(new IllegalStateException("checkout failed"));
            event.setExtra("password", "sdk-password-value");
            Request request = new Request();
            request.setUrl("https://shop.example/checkout");
            request.setMethod("POST");
            request.setHeaders(Map.of("Authorization", "Bearer sdk-bearer-value", "Accept", "text/html"));
            event.setRequest(request);
            id = Sentry.captureEvent(event);
            Sentry.flush(10_000);
        } finally {
            Sentry.close();
        }
        ingest.awaitProcessed();

        JsonNode stored = storedJson(issues.event(ingest.projectId(), id.toString()).orElseThrow().json());

        assertThat(stored.at("/extra/password").asString()).isEqualTo("[Filtered]");
        assertThat(stored.toString()).doesNotContain("sdk-password-value", "sdk-bearer-value").contains("text/html");
    }

    @Test
    void aProjectsSensitiveFieldsAreScrubbedAndShownInItsSettings() throws Exception {
        ProjectIngest ingest = project("sensitive-fields");
        JsonNode settings = ingest.picket.api("PUT", projectPath(ingest),
                Map.of("sensitiveFields", List.of("order_ref"), "safeFields", List.of("password")));
        assertThat(settings.get("sensitiveFields").get(0).asString()).isEqualTo("order_ref");
        assertThat(ingest.picket.api("GET", projectPath(ingest), null).get("dataScrubber").asBoolean()).isTrue();

        ObjectNode event = error("SettingsFailure", "with extras");
        event.putObject("extra").put("order_ref", "ORD-7731").put("password", "kept-because-safe");
        String id = ingest.send(event);
        ingest.awaitProcessed();

        JsonNode stored = storedJson(issues.event(ingest.projectId(), id).orElseThrow().json());
        assertThat(stored.at("/extra/order_ref").asString()).isEqualTo("[Filtered]");
        assertThat(stored.at("/extra/password").asString()).isEqualTo("kept-because-safe");
    }

    @Test
    void aProjectWithTheDataScrubberOffKeepsWhatItIsSent() throws Exception {
        ProjectIngest ingest = project("scrubber-off");
        ingest.picket.api("PUT", projectPath(ingest), Map.of("dataScrubber", false));

        ObjectNode event = error("UnscrubbedFailure", "with extras");
        event.putObject("extra").put("password", "visible-on-purpose");
        String id = ingest.send(event);
        ingest.awaitProcessed();

        JsonNode stored = storedJson(issues.event(ingest.projectId(), id).orElseThrow().json());
        assertThat(stored.at("/extra/password").asString()).isEqualTo("visible-on-purpose");
    }

    @Test
    void anInvalidScrubPatternIsRefusedWithItsReason() {
        ProjectIngest ingest = project("bad-pattern");

        var response = ingest.picket.apiResponse("PUT", projectPath(ingest), Map.of("customScrubPatterns", List.of("(")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("customPatterns[0]", "not a valid regular expression");
    }

    private ProjectIngest project(String name) {
        return new ProjectIngest(port, processor, name + "-" + UUID.randomUUID());
    }

    private static String projectPath(ProjectIngest ingest) {
        return "/api/0/projects/default/" + ingest.project.slug() + "/";
    }

    private static JsonNode storedJson(byte[] json) {
        return dev.picket.testing.PicketClient.json(new String(json, StandardCharsets.UTF_8));
    }

    /**
     * Every value of every table, payloads decompressed; the inbox included, whose rows give up the
     * envelope as received once it is processed.
     */
    private List<String> everythingStored() {
        List<String> tables = tables();
        List<String> values = new ArrayList<>();
        for (String table : tables) {
            jdbc.sql("SELECT * FROM " + table).query(rs -> {
                int columns = rs.getMetaData().getColumnCount();
                for (int c = 1; c <= columns; c++) {
                    Object value = rs.getObject(c);
                    if (value instanceof byte[] bytes) {
                        values.add(new String(decompressed(bytes), StandardCharsets.UTF_8));
                    } else if (value != null) {
                        values.add(value.toString());
                    }
                }
            });
        }
        return values;
    }

    /** Picket's tables, found through JDBC so that this works on every database. */
    private List<String> tables() {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.equals("flyway_schema_history") && !name.startsWith("sqlite_")) {
                    tables.add(name);
                }
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decompressed(byte[] bytes) {
        if (bytes.length == 0) {
            return bytes;
        }
        long size = Zstd.getFrameContentSize(bytes);
        return size > 0 ? Zstd.decompress(bytes, (int) size) : bytes;
    }
}
