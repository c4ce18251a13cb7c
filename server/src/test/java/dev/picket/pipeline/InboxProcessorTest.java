package dev.picket.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.inbox.Inbox;
import dev.picket.inbox.InboxEntry;
import dev.picket.inbox.InboxProperties;
import dev.picket.inbox.InboxRows;
import dev.picket.inbox.InboxRows.ClaimedRows;
import dev.picket.inbox.InboxStats;
import dev.picket.inbox.ReferenceEnvelopes;
import dev.picket.inbox.TableInbox;
import dev.picket.issues.Issues;
import dev.picket.protocol.LimitExceededException;
import dev.picket.protocol.envelope.Envelope;
import dev.picket.protocol.envelope.EnvelopeItem;
import dev.picket.protocol.envelope.EnvelopeParseException;
import dev.picket.protocol.envelope.EnvelopeReader;
import dev.picket.protocol.envelope.EventIds;
import dev.picket.protocol.envelope.ItemType;
import dev.picket.store.JobRuns;
import dev.picket.store.SqlDialect;
import dev.picket.store.WriterTurns;
import dev.picket.testing.Envelopes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.json.JsonFactory;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Timeout(120)
class InboxProcessorTest {

    private static final Duration IDLE_WAIT = Duration.ofSeconds(30);

    @Autowired
    Inbox inbox;
    @Autowired
    WriterTurns turns;
    @Autowired
    SqlDialect dialect;
    @Autowired
    InboxProcessor processor;
    @Autowired
    InboxRows inboxRows;
    @Autowired
    InboxStats inboxStats;
    @Autowired
    Events events;
    @Autowired
    DataSource dataSource;
    @Autowired
    ScrubbingSettings scrubbing;
    @Autowired
    Issues issues;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JobRuns jobRuns;

    /** Each test writes to a project of its own, so tests sharing the database do not see each other. */
    final long project = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

    private final EnvelopeReader reader = new EnvelopeReader(new JsonFactory(), 100);

    @Test
    void eventsAndTransactionsOfReferenceEnvelopesAreStoredAndTheirRowsMarkedProcessed() throws Exception {
        List<ReferenceEnvelopes.Envelope> envelopes = acceptedByIngestion();

        for (ReferenceEnvelopes.Envelope envelope : envelopes) {
            inbox.append(envelope.entry(project));
        }

        assertThat(processor.awaitIdle(IDLE_WAIT)).isTrue();
        assertThat(unprocessedRows()).isZero();
        assertThat(failedRows()).isZero();
        for (ReferenceEnvelopes.Envelope envelope : envelopes) {
            for (EnvelopeItem item : eventItems(envelope)) {
                assertThat(events.type(project, envelope.eventId())).as(envelope.name())
                        .hasValue(item.itemType() == ItemType.TRANSACTION ? EventType.TRANSACTION : EventType.ERROR);
            }
        }
        assertThat(events.count(project)).isEqualTo(envelopes.stream().mapToLong(e -> eventItems(e).size()).sum());
    }

    @Test
    void aBatchOfMoreRowsThanOneWriteTakesIsStoredWholeAndOnce() throws Exception {
        ReferenceEnvelopes.Envelope sample = acceptedByIngestion().stream()
                .filter(e -> e.eventId() != null && eventItems(e).size() == 1).findFirst().orElseThrow();
        int rows = 2 * InboxProcessor.WRITE_CHUNK + 5;
        assertThat(processor.awaitIdle(IDLE_WAIT)).isTrue();
        processor.stop();
        try {
            for (int i = 0; i < rows; i++) {
                inbox.append(sample.withNewEventId().entry(project));
            }
        } finally {
            // Started on a full inbox, it claims every row in one batch and writes it in three.
            processor.start();
        }

        assertThat(processor.awaitIdle(IDLE_WAIT)).isTrue();
        assertThat(unprocessedRows()).isZero();
        assertThat(failedRows()).isZero();
        assertThat(events.count(project)).isEqualTo(rows);
    }

    @Test
    void aClaimStopsBeforeTheRowThatWouldTakeItPastItsByteBound() throws Exception {
        List<Long> sizes = appendThreeEventsWhileStopped();
        try (Connection tx = dataSource.getConnection()) {
            ClaimedRows claimed = inboxRows.claim(tx, 256, sizes.get(0) + sizes.get(1) + sizes.get(2) - 1);

            assertThat(claimed.rows()).hasSize(2);
            assertThat(claimed.full()).as("more rows wait").isTrue();
        } finally {
            processor.start();
        }
    }

    @Test
    void aFirstRowLargerThanTheByteBoundIsClaimedAlone() throws Exception {
        appendThreeEventsWhileStopped();
        try (Connection tx = dataSource.getConnection()) {
            ClaimedRows claimed = inboxRows.claim(tx, 256, 1);

            assertThat(claimed.rows()).hasSize(1);
            assertThat(claimed.full()).isTrue();
        } finally {
            processor.start();
        }
    }

    @Test
    void rowsBeyondABatchsByteBoundAreProcessedWithoutWaitingForTheFallbackPoll() throws Exception {
        appendThreeEventsWhileStopped();
        InboxProcessor oneRowAtATime = new InboxProcessor(dataSource, inboxRows,
                new ProcessorProperties(256, DataSize.ofBytes(1), Duration.ofHours(1), Duration.ofSeconds(1)),
                new SimpleMeterRegistry(), scrubbing, issues, List.of(), jobRuns, dialect, turns);
        try {
            oneRowAtATime.start();

            assertThat(oneRowAtATime.awaitIdle(Duration.ofSeconds(20))).isTrue();
            assertThat(events.count(project)).isEqualTo(3);
        } finally {
            oneRowAtATime.stop();
            processor.start();
        }
    }

    /** Leaves the processor stopped with three event rows waiting; returns their envelopes' sizes. */
    private List<Long> appendThreeEventsWhileStopped() throws Exception {
        assertThat(processor.awaitIdle(IDLE_WAIT)).isTrue();
        processor.stop();
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String eventId = EventIds.random();
            byte[] envelope = Envelopes.event(eventId, Envelopes.errorJson(eventId, "event " + i));
            inbox.append(new InboxEntry(project, eventId, System.currentTimeMillis(), envelope));
            sizes.add((long) envelope.length);
        }
        return sizes;
    }

    @Test
    void replayingTheSameEntriesChangesNoCount() throws Exception {
        List<ReferenceEnvelopes.Envelope> envelopes = acceptedByIngestion().stream()
                .filter(e -> e.eventId() != null).toList();
        for (ReferenceEnvelopes.Envelope envelope : envelopes) {
            inbox.append(envelope.entry(project));
        }
        assertThat(processor.awaitIdle(IDLE_WAIT)).isTrue();
        long eventsBefore = events.count(project);
        long rowsBefore = inboxRowsOfProject();

        for (ReferenceEnvelopes.Envelope envelope : envelopes) {
            inbox.append(envelope.entry(project));
        }

        assertThat(processor.awaitIdle(IDLE_WAIT)).isTrue();
        assertThat(events.count(project)).isEqualTo(eventsBefore).isEqualTo(envelopes.size());
        assertThat(inboxRowsOfProject()).isEqualTo(rowsBefore);
    }

    @Test
    void rowsLeftUnprocessedAreProcessedWhenAProcessorStarts() throws Exception {
        List<ReferenceEnvelopes.Envelope> envelopes = acceptedByIngestion().stream()
                .filter(e -> e.eventId() != null).toList();
        assertThat(processor.awaitIdle(IDLE_WAIT)).isTrue();
        processor.stop();
        InboxProcessor fresh = new InboxProcessor(dataSource, inboxRows,
                new ProcessorProperties(256, DataSize.ofMegabytes(16), Duration.ofMinutes(10), Duration.ofSeconds(1)),
                new SimpleMeterRegistry(), scrubbing, issues, List.of(), jobRuns, dialect, turns);
        try {
            for (ReferenceEnvelopes.Envelope envelope : envelopes) {
                inbox.append(envelope.entry(project));
            }
            assertThat(inboxStats.unprocessed()).isEqualTo(envelopes.size());

            fresh.start();

            assertThat(fresh.awaitIdle(IDLE_WAIT)).isTrue();
            assertThat(unprocessedRows()).isZero();
            assertThat(envelopes).allSatisfy(e -> assertThat(events.exists(project, e.eventId())).isTrue());
        } finally {
            fresh.stop();
            processor.start();
        }
    }

    @Test
    void aCommitWakesTheProcessorLongBeforeItsFallbackPoll() throws Exception {
        ReferenceEnvelopes.Envelope envelope = acceptedByIngestion().stream()
                .filter(e -> e.eventId() != null).findFirst().orElseThrow().withNewEventId();
        assertThat(processor.awaitIdle(IDLE_WAIT)).isTrue();
        processor.stop();
        InboxProcessor sleepy = new InboxProcessor(dataSource, inboxRows,
                new ProcessorProperties(256, DataSize.ofMegabytes(16), Duration.ofHours(1), Duration.ofSeconds(1)),
                new SimpleMeterRegistry(), scrubbing, issues, List.of(), jobRuns, dialect, turns);
        TableInbox signalling = new TableInbox(dataSource, new InboxProperties(512, 100, Duration.ofSeconds(5)),
                new SimpleMeterRegistry(), List.of(sleepy), turns);
        try {
            sleepy.start();
            signalling.start();
            // Started on an empty queue, the processor now sleeps for its hour-long poll.
            assertThat(sleepy.awaitIdle(IDLE_WAIT)).isTrue();

            signalling.append(envelope.entry(project));

            assertThat(sleepy.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(events.exists(project, envelope.eventId())).isTrue();
        } finally {
            signalling.stop();
            sleepy.stop();
            processor.start();
        }
    }

    @Test
    void anUnreadableRowIsSetAsideWithItsReasonAndTheRowsAfterItAreProcessed() throws Exception {
        ReferenceEnvelopes.Envelope good = ReferenceEnvelopes.all().stream()
                .filter(e -> e.eventId() != null).findFirst().orElseThrow().withNewEventId();
        assertThat(processor.awaitIdle(IDLE_WAIT)).isTrue();
        long failedBefore = inboxStats.failed();

        inbox.append(new InboxEntry(project, null, System.currentTimeMillis(),
                "{\"event_id\":\"not an id\"}\n".getBytes(StandardCharsets.UTF_8)));
        inbox.append(good.entry(project));

        assertThat(processor.awaitIdle(IDLE_WAIT)).isTrue();
        assertThat(unprocessedRows()).isZero();
        assertThat(jdbc.sql("SELECT error FROM inbox WHERE project_id = ? AND error IS NOT NULL")
                .param(project).query(String.class).list())
                .containsExactly("envelope header: event_id must be 32 hex digits or a UUID");
        assertThat(inboxStats.failed()).isEqualTo(failedBefore + 1);
        assertThat(events.exists(project, good.eventId())).isTrue();
    }

    @Test
    void anEventThatIsNoJsonObjectIsSetAsideWithItsReason() throws Exception {
        assertThat(processor.awaitIdle(IDLE_WAIT)).isTrue();
        String eventId = EventIds.random();

        inbox.append(new InboxEntry(project, eventId, System.currentTimeMillis(),
                Envelopes.event(eventId, "[\"not\", \"an\", \"event\"]")));

        assertThat(processor.awaitIdle(IDLE_WAIT)).isTrue();
        assertThat(jdbc.sql("SELECT error FROM inbox WHERE project_id = ?").param(project).query(String.class).list())
                .containsExactly("event item is not a JSON object");
        assertThat(events.exists(project, eventId)).isFalse();
    }

    /**
     * The reference requests that ingestion would append: it refuses envelopes the reader rejects
     * (python-sdk-1.9.10/009 declares a length of 4626 for a 4633-byte payload).
     */
    private List<ReferenceEnvelopes.Envelope> acceptedByIngestion() {
        return ReferenceEnvelopes.all().stream().filter(e -> read(e).isPresent()).toList();
    }

    private Optional<Envelope> read(ReferenceEnvelopes.Envelope envelope) {
        try {
            return Optional.of(reader.read(envelope.envelope()));
        } catch (EnvelopeParseException | LimitExceededException e) {
            return Optional.empty();
        }
    }

    private List<EnvelopeItem> eventItems(ReferenceEnvelopes.Envelope envelope) {
        return read(envelope).orElseThrow().items().stream()
                .filter(i -> i.itemType() == ItemType.EVENT || i.itemType() == ItemType.TRANSACTION)
                .toList();
    }

    private long unprocessedRows() {
        return jdbc.sql("SELECT count(*) FROM inbox WHERE project_id = ? AND processed_at IS NULL")
                .param(project).query(Long.class).single();
    }

    private long failedRows() {
        return jdbc.sql("SELECT count(*) FROM inbox WHERE project_id = ? AND error IS NOT NULL")
                .param(project).query(Long.class).single();
    }

    private long inboxRowsOfProject() {
        return jdbc.sql("SELECT count(*) FROM inbox WHERE project_id = ?").param(project).query(Long.class).single();
    }
}
