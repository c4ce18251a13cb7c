package dev.picket.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.luben.zstd.Zstd;
import dev.picket.issues.Issues;
import dev.picket.issues.UserReport;
import dev.picket.testing.PicketClient;
import dev.picket.testing.PicketClient.Project;
import dev.picket.testing.ReferenceRequests;
import dev.picket.testing.ReferenceRequests.Recorded;
import io.sentry.Attachment;
import io.sentry.CheckIn;
import io.sentry.CheckInStatus;
import io.sentry.Sentry;
import io.sentry.UserFeedback;
import io.sentry.protocol.Feedback;
import io.sentry.protocol.SentryId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Transactions, spans, sessions, check-ins, user reports, feedback and attachments land in their tables. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TelemetryStorageTest {

    private static final String RECORDED_KEY = "abcdef0123456789abcdef0123456789";

    @LocalServerPort
    int port;
    @Autowired
    InboxProcessor processor;
    @Autowired
    Issues issues;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theJavaSdksTransactionIsStoredWithItsSpan() throws Exception {
        Project project = replayed("java-sdk-8.20.0/007.json");

        assertThat(jdbc.sql("SELECT name, op, trace_id, duration_ms > 0 FROM transactions WHERE project_id = ?")
                .param(project.id()).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4))).single())
                .containsExactly("invoice-job", "function.gcp", "d22fba10b0184af98222e6effd5d40a5", true);
        assertThat(jdbc.sql("SELECT op, description, parent_span_id, segment_id FROM spans WHERE project_id = ?")
                .param(project.id()).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))).single())
                .containsExactly("db.query", "SELECT * FROM invoices", "da419107936f4fb4", "da419107936f4fb4");
    }

    @Test
    void theNodeSdksStandaloneSpansAndSessionsAreStored() throws Exception {
        Project project = replayed("node-sdk-11.12.0/001.json", "node-sdk-11.12.0/002.json",
                "node-sdk-11.12.0/003.json");

        assertThat(jdbc.sql("SELECT count(*) FROM spans WHERE project_id = ? AND trace_id = ?")
                .params(project.id(), "d8afc5807603489aa3b512b7b6183f6b").query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT op FROM spans WHERE project_id = ? AND span_id = 'b782aa96026fde03'")
                .param(project.id()).query(String.class).single()).isEqualTo("function.aws");
        assertThat(jdbc.sql("SELECT kind, status, errors, errored, release FROM sessions WHERE project_id = ? ORDER BY kind")
                .param(project.id()).query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3)
                        + " " + rs.getLong(4) + " " + rs.getString(5)).list())
                .containsExactly("aggregate null 0 1 shop@1.4.0", "session ok 1 0 shop@1.4.0");
    }

    @Test
    void feedbackReportsCheckInsAndAttachmentsFromTheJavaSdkAreStored() throws Exception {
        Project project = new PicketClient(port).createProject("sdk-telemetry-" + UUID.randomUUID());
        byte[] notes = "stock level: 3\n".getBytes(StandardCharsets.UTF_8);
        SentryId event;
        Sentry.init(options -> options.setDsn(project.dsn()));
        try {
            event = Sentry.captureException(new IllegalArgumentException("bad stock"),
                    scope -> scope.addAttachment(new Attachment(notes, "notes.txt")));
            UserFeedback report = new UserFeedback(event);
            report.setComments("It broke when I paid");
            report.setEmail("ann@example.com");
            Sentry.captureUserFeedback(report);
            Sentry.captureFeedback(new Feedback("The checkout button does nothing"));
            Sentry.captureCheckIn(new CheckIn("nightly-invoices", CheckInStatus.OK));
            Sentry.flush(10_000);
        } finally {
            Sentry.close();
        }
        assertThat(processor.awaitIdle(Duration.ofSeconds(60))).isTrue();

        long issueId = issues.findByEvent(project.id(), event.toString()).orElseThrow().id();
        assertThat(issues.userReports(issueId)).extracting(UserReport::source, UserReport::comments, UserReport::email)
                .containsExactly(tuple("user_report", "It broke when I paid", "ann@example.com"));
        assertThat(jdbc.sql("SELECT comments FROM user_reports WHERE project_id = ? AND source = 'feedback'")
                .param(project.id()).query(String.class).single()).isEqualTo("The checkout button does nothing");
        assertThat(jdbc.sql("SELECT monitor_slug, status FROM check_ins WHERE project_id = ?").param(project.id())
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).single()).isEqualTo("nightly-invoices ok");
        Map<String, Object> attachment = jdbc.sql("SELECT event_id, filename, size, data FROM attachments WHERE project_id = ?")
                .param(project.id()).query().singleRow();
        assertThat(attachment.get("event_id")).isEqualTo(event.toString());
        assertThat(attachment.get("filename")).isEqualTo("notes.txt");
        byte[] data = (byte[]) attachment.get("data");
        assertThat(Zstd.decompress(data, (int) Zstd.getFrameContentSize(data))).isEqualTo(notes);
    }

    private Project replayed(String... names) throws InterruptedException {
        PicketClient picket = new PicketClient(port);
        Project project = picket.createProject("telemetry-" + UUID.randomUUID());
        for (String name : names) {
            Recorded recorded = ReferenceRequests.load(name);
            Map<String, String> headers = new HashMap<>();
            for (String header : List.of("Content-Type", "Content-Encoding", "X-Sentry-Auth")) {
                if (recorded.header(header) != null) {
                    headers.put(header, recorded.header(header).replace(RECORDED_KEY, project.publicKey()));
                }
            }
            String path = recorded.path().replace("/api/1/", "/api/" + project.id() + "/")
                    .replace(RECORDED_KEY, project.publicKey());
            assertThat(picket.post(path, headers, recorded.wireBody()).statusCode()).as(name).isEqualTo(200);
        }
        assertThat(processor.awaitIdle(Duration.ofSeconds(60))).isTrue();
        return project;
    }
}
