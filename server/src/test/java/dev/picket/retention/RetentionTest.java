package dev.picket.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.api.ApiTest;
import dev.picket.api.HttpApi;
import dev.picket.inbox.Inbox;
import dev.picket.inbox.InboxEntry;
import dev.picket.inbox.ReferenceEnvelopes;
import dev.picket.pipeline.InboxProcessor;
import dev.picket.protocol.envelope.EventIds;
import dev.picket.testing.Envelopes;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Data older than its project's retention goes, in batches, and newer data stays; a project sets
 * its own retention through the project API. Batches of 5 here, so that every table takes several.
 */
@ApiTest
@TestPropertySource(properties = {"picket.retention.days=90", "picket.retention.batch-size=5",
        "picket.retention.pause=0ms"})
class RetentionTest {

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final List<String> RECEIVED_TABLES = List.of("events", "transactions", "spans", "sessions",
            "check_ins", "user_reports", "attachments");

    @LocalServerPort
    int port;
    @Autowired
    Inbox inbox;
    @Autowired
    InboxProcessor processor;
    @Autowired
    ExpiredData expired;
    @Autowired
    JdbcClient jdbc;

    HttpApi admin;

    @BeforeEach
    void setUp() {
        admin = HttpApi.withToken(port, ApiTest.ADMIN_TOKEN);
    }

    @Test
    void aProjectKeepsTheDefaultDaysUntilItSetsItsOwnAndNullGoesBackToTheDefault() {
        String slug = createProject();
        assertThat(retentionDays(admin.get(projectPath(slug)))).isEqualTo(90);

        assertThat(retentionDays(admin.put(projectPath(slug), "{\"retentionDays\": 30}"))).isEqualTo(30);
        assertThat(retentionDays(admin.get(projectPath(slug)))).isEqualTo(30);

        assertThat(retentionDays(admin.put(projectPath(slug), "{\"retentionDays\": null}"))).isEqualTo(90);
    }

    @Test
    void retentionDaysThatAreNotAWholePositiveNumberAreRefusedWithTheReason() {
        String slug = createProject();
        for (String bad : List.of("\"thirty\"", "1.5", "0", "-3", "36501")) {
            HttpResponse<String> response = admin.put(projectPath(slug), "{\"retentionDays\": " + bad + "}");
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.body()).as(bad).contains("retention");
        }
        assertThat(retentionDays(admin.get(projectPath(slug)))).isEqualTo(90);
    }

    @Test
    void rowsOlderThanTheirProjectsRetentionAreDeletedAndNewerOnesKept() throws Exception {
        long shortLived = projectId(createProject());
        String keptSlug = createProject();
        long keptLonger = projectId(keptSlug);
        admin.put(projectPath(keptSlug), "{\"retentionDays\": 365}");
        long now = System.currentTimeMillis();
        for (ReferenceEnvelopes.Envelope envelope : ReferenceEnvelopes.all()) {
            inbox.append(envelope.entry(shortLived));
            inbox.append(envelope.entry(keptLonger));
        }
        assertThat(processor.awaitIdle(Duration.ofSeconds(60))).isTrue();
        ageEverything(shortLived, now - 100 * DAY);
        ageEverything(keptLonger, now - 100 * DAY);
        String recent = EventIds.random();
        inbox.append(new InboxEntry(shortLived, recent, System.currentTimeMillis(),
                Envelopes.event(recent, Envelopes.errorJson(recent, "recent"))));
        assertThat(processor.awaitIdle(Duration.ofSeconds(60))).isTrue();
        Map<String, Long> before = rowsPerTable(keptLonger);
        assertThat(before.get("events")).isPositive();
        assertThat(before.get("transactions")).isPositive();
        assertThat(before.get("spans")).isGreaterThan(5);

        Map<String, Long> deleted = expired.delete(System.currentTimeMillis(), () -> true);

        Map<String, Long> left = rowsPerTable(shortLived);
        assertThat(left).as("rows of the project keeping 90 days").allSatisfy((table, rows) ->
                assertThat(rows).as(table).isEqualTo(table.equals("events") || table.equals("inbox") ? 1 : 0));
        assertThat(jdbc.sql("SELECT count(*) FROM events WHERE project_id = ? AND event_id = ?")
                .param(shortLived).param(recent).query(Long.class).single()).isEqualTo(1);
        Map<String, Long> kept = rowsPerTable(keptLonger);
        assertThat(kept).as("rows of the project keeping 365 days")
                .containsAllEntriesOf(withoutInbox(before));
        assertThat(kept.get("inbox")).as("rows set aside with an error, which keep their payload")
                .isEqualTo(jdbc.sql("SELECT count(*) FROM inbox WHERE project_id = ? AND error IS NOT NULL")
                        .param(keptLonger).query(Long.class).single());
        assertThat(deleted.get("spans")).isGreaterThanOrEqualTo(before.get("spans"));
    }

    /** As if everything of the project had been received, and processed, at {@code when}. */
    private void ageEverything(long projectId, long when) {
        for (String table : RECEIVED_TABLES) {
            jdbc.sql("UPDATE " + table + " SET received_at = ? WHERE project_id = ?").param(when).param(projectId)
                    .update();
        }
        jdbc.sql("UPDATE inbox SET received_at = ?, processed_at = ? WHERE project_id = ?")
                .param(when).param(when).param(projectId).update();
    }

    private Map<String, Long> rowsPerTable(long projectId) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : RECEIVED_TABLES) {
            rows.put(table, jdbc.sql("SELECT count(*) FROM " + table + " WHERE project_id = ?").param(projectId)
                    .query(Long.class).single());
        }
        rows.put("inbox", jdbc.sql("SELECT count(*) FROM inbox WHERE project_id = ?").param(projectId)
                .query(Long.class).single());
        return rows;
    }

    private static Map<String, Long> withoutInbox(Map<String, Long> rows) {
        Map<String, Long> copy = new LinkedHashMap<>(rows);
        copy.remove("inbox");
        return copy;
    }

    private String createProject() {
        String slug = "r-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = admin.post("/api/0/teams/default/default/projects/",
                "{\"name\": \"Retention\", \"slug\": \"" + slug + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return slug;
    }

    private long projectId(String slug) {
        return HttpApi.json(admin.get(projectPath(slug))).get("id").asLong();
    }

    private static String projectPath(String slug) {
        return "/api/0/projects/default/" + slug + "/";
    }

    private static int retentionDays(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode project = HttpApi.json(response);
        return project.get("retentionDays").asInt();
    }
}
