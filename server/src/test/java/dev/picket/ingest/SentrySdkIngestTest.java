package dev.picket.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.inbox.CompressedPayloads;
import dev.picket.issues.Issues;
import dev.picket.pipeline.InboxProcessor;
import dev.picket.testing.PicketClient;
import dev.picket.testing.PicketClient.Project;
import io.sentry.Attachment;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.SentryLevel;
import io.sentry.UserFeedback;
import io.sentry.protocol.Feedback;
import io.sentry.protocol.SentryId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The official Java SDK sends to Picket by DSN, and what it sends is stored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentrySdkIngestTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InboxProcessor processor;
    @Autowired
    Issues issues;

    Project project;

    @BeforeAll
    void initSdk() {
        project = new PicketClient(port).createProject("java-sdk");
        Sentry.init(options -> {
            options.setDsn(project.dsn());
            options.setRelease("sdk-test@1.0.0");
            options.setEnvironment("test");
            options.setTracesSampleRate(1.0);
        });
    }

    @AfterAll
    void closeSdk() {
        Sentry.close();
    }

    @Test
    void anExceptionIsStoredUnderAnIssue() throws Exception {
        SentryId id = Sentry.captureException(new IllegalStateException("order 42 has no lines"));
        delivered();
        assertThat(storedEvent(id)).contains("IllegalStateException", "order 42 has no lines", "sdk-test@1.0.0");
        assertThat(issues.findByEvent(project.id(), id.toString())).isPresent();
    }

    @Test
    void aMessageIsStored() throws Exception {
        SentryId id = Sentry.captureMessage("Invoice 77 overdue by 3 days", SentryLevel.WARNING);
        delivered();
        assertThat(storedEvent(id)).contains("Invoice 77 overdue by 3 days", "warning");
    }

    @Test
    void aTransactionIsStoredWithItsSpans() throws Exception {
        ITransaction transaction = Sentry.startTransaction("invoice-job", "task");
        transaction.startChild("db.query", "select invoices").finish();
        transaction.finish();
        delivered();
        String id = transaction.getEventId().toString();
        assertThat(jdbc.sql("select name from transactions where project_id = ? and event_id = ?")
                .params(project.id(), id).query(String.class).single()).isEqualTo("invoice-job");
        assertThat(jdbc.sql("select op from spans where project_id = ? and trace_id = ?")
                .params(project.id(), transaction.getSpanContext().getTraceId().toString())
                .query(String.class).list()).contains("db.query");
    }

    @Test
    void anAttachmentIsStoredWithItsEvent() throws Exception {
        byte[] notes = "stock level: 3\n".getBytes(StandardCharsets.UTF_8);
        SentryId id = Sentry.captureException(new IllegalArgumentException("bad stock"),
                scope -> scope.addAttachment(new Attachment(notes, "notes.txt")));
        delivered();
        byte[] stored = jdbc.sql("select data from attachments where project_id = ? and event_id = ? and filename = ?")
                .params(project.id(), id.toString(), "notes.txt").query(byte[].class).single();
        assertThat(CompressedPayloads.decompress(stored)).isEqualTo(notes);
    }

    @Test
    void userFeedbackIsStored() throws Exception {
        Sentry.captureFeedback(new Feedback("The checkout button does nothing"));
        delivered();
        assertThat(comments("feedback")).contains("The checkout button does nothing");
    }

    @Test
    void aUserReportIsStoredWithTheEventItIsAbout() throws Exception {
        SentryId eventId = Sentry.captureMessage("report me");
        UserFeedback report = new UserFeedback(eventId);
        report.setComments("It broke when I paid");
        report.setEmail("ann@example.com");
        Sentry.captureUserFeedback(report);
        delivered();
        assertThat(jdbc.sql("select comments from user_reports where project_id = ? and source = 'user_report'"
                        + " and event_id = ?").params(project.id(), eventId.toString()).query(String.class).list())
                .containsExactly("It broke when I paid");
    }

    /** Waits until the SDK has sent everything and Picket has processed it. */
    private void delivered() throws InterruptedException {
        Sentry.flush(10_000);
        assertThat(processor.awaitIdle(Duration.ofSeconds(30))).isTrue();
    }

    private String storedEvent(SentryId id) {
        return issues.event(project.id(), id.toString())
                .map(event -> new String(event.json(), StandardCharsets.UTF_8))
                .orElseThrow(() -> new AssertionError("event " + id + " is not stored"));
    }

    private java.util.List<String> comments(String source) {
        return jdbc.sql("select comments from user_reports where project_id = ? and source = ?")
                .params(project.id(), source).query(String.class).list();
    }
}
