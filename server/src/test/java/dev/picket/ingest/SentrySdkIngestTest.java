package dev.picket.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.protocol.envelope.Envelope;
import dev.picket.protocol.envelope.EnvelopeItem;
import dev.picket.testing.InboxContents;
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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The official Java SDK sends to Picket by DSN, and what it sends is kept. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentrySdkIngestTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    InboxContents inbox;

    Project project;

    @BeforeAll
    void initSdk() {
        project = new PicketClient(port).createProject("java-sdk");
        inbox = new InboxContents(jdbc);
        Sentry.init(options -> {
            options.setDsn(project.dsn());
            options.setRelease("sdk-test@1.0.0");
            options.setEnvironment("test");
            options.setTracesSampleRate(1.0);
            options.setSendClientReports(true);
        });
    }

    @AfterAll
    void closeSdk() {
        Sentry.close();
    }

    @Test
    void anExceptionIsKept() {
        SentryId id = Sentry.captureException(new IllegalStateException("order 42 has no lines"));
        Envelope envelope = received(id);
        assertThat(types(envelope)).contains("event");
        assertThat(payloadOf(envelope, "event")).contains("IllegalStateException", "order 42 has no lines");
    }

    @Test
    void aMessageIsKept() {
        SentryId id = Sentry.captureMessage("Invoice 77 overdue by 3 days", SentryLevel.WARNING);
        assertThat(payloadOf(received(id), "event")).contains("Invoice 77 overdue by 3 days", "warning");
    }

    @Test
    void aTransactionIsKept() {
        ITransaction transaction = Sentry.startTransaction("invoice-job", "task");
        transaction.startChild("db.query", "select invoices").finish();
        transaction.finish();
        SentryId id = transaction.getEventId();
        assertThat(payloadOf(received(id), "transaction")).contains("invoice-job", "db.query");
    }

    @Test
    void anAttachmentIsKeptWithItsEvent() {
        byte[] notes = "stock level: 3\n".getBytes(StandardCharsets.UTF_8);
        SentryId id = Sentry.captureException(new IllegalArgumentException("bad stock"),
                scope -> scope.addAttachment(new Attachment(notes, "notes.txt")));
        Envelope envelope = received(id);
        EnvelopeItem attachment = envelope.items().stream().filter(i -> i.type().equals("attachment")).findFirst()
                .orElseThrow();
        assertThat(attachment.filename()).isEqualTo("notes.txt");
        assertThat(attachment.payload()).isEqualTo(notes);
    }

    @Test
    void userFeedbackIsKept() {
        SentryId id = Sentry.captureFeedback(new Feedback("The checkout button does nothing"));
        assertThat(payloadOf(received(id), "feedback")).contains("The checkout button does nothing");
    }

    @Test
    void aUserReportForAnEventIsKept() {
        SentryId eventId = Sentry.captureMessage("report me");
        UserFeedback report = new UserFeedback(eventId);
        report.setComments("It broke when I paid");
        report.setEmail("ann@example.com");
        Sentry.captureUserFeedback(report);
        Sentry.flush(10_000);
        assertThat(inbox.envelopes(project.id()).stream()
                .filter(e -> types(e).contains("user_report"))
                .map(e -> payloadOf(e, "user_report")))
                .anySatisfy(payload -> assertThat(payload).contains("It broke when I paid"));
    }

    private Envelope received(SentryId id) {
        Sentry.flush(10_000);
        return inbox.envelope(project.id(), id.toString()).orElseThrow(
                () -> new AssertionError("event " + id + " is not in the inbox"));
    }

    private static List<String> types(Envelope envelope) {
        return envelope.items().stream().map(EnvelopeItem::type).toList();
    }

    private static String payloadOf(Envelope envelope, String type) {
        return envelope.items().stream().filter(i -> i.type().equals(type)).findFirst()
                .map(i -> new String(i.payload(), StandardCharsets.UTF_8))
                .orElseThrow(() -> new AssertionError("no " + type + " item in " + types(envelope)));
    }
}
