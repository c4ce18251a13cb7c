package dev.picket.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import dev.picket.pipeline.InboxProcessor;
import dev.picket.store.SqlDialect;
import dev.picket.store.WriterTurns;
import dev.picket.testing.TestPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sqlite.SQLiteConfig;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Timeout(120)
class TableInboxTest {

    @Autowired
    TableInbox inbox;
    @Autowired
    MeterRegistry registry;
    @Autowired
    DataSource dataSource;
    @Autowired
    WriterTurns turns;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InboxProcessor processor;
    @Autowired
    SqlDialect dialect;

    /** Each test writes to a project of its own, so tests sharing the database do not see each other. */
    final long project = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

    @Test
    void concurrentAppendsShareCommitsAndEachEntryIsStoredExactlyOnce() throws Exception {
        List<ReferenceEnvelopes.Envelope> events = withEventIds(ReferenceEnvelopes.all());
        int threads = 200;
        int perThread = 5;
        List<InboxEntry> entries = IntStream.range(0, threads * perThread)
                .mapToObj(i -> events.get(i % events.size()).withNewEventId().entry(project))
                .toList();
        double commitsBefore = count("picket.inbox.commits");

        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<InboxEntry> mine = entries.subList(t * perThread, (t + 1) * perThread);
                done.add(callers.submit(() -> {
                    go.await();
                    for (InboxEntry entry : mine) {
                        inbox.append(entry);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }

        assertThat(count("picket.inbox.commits") - commitsBefore).isLessThan(entries.size());
        Map<String, Integer> stored = storedEventIds(project);
        assertThat(stored.keySet())
                .containsExactlyInAnyOrderElementsOf(entries.stream().map(InboxEntry::eventId).toList());
        assertThat(stored.values()).containsOnly(1);
    }

    @Test
    void theEnvelopeIsStoredCompressedAndReadsBackUnchanged() throws Exception {
        ReferenceEnvelopes.Envelope envelope = withEventIds(ReferenceEnvelopes.all()).getFirst().withNewEventId();

        // The processor would take the payload away once the event is stored.
        processor.stop();
        byte[] stored;
        try {
            inbox.append(envelope.entry(project));
            stored = jdbc.sql("SELECT payload FROM inbox WHERE project_id = ? AND event_id = ?")
                    .params(project, envelope.eventId()).query(byte[].class).single();
        } finally {
            processor.start();
        }
        assertThat(stored.length).isLessThan(envelope.envelope().length);
        assertThat(CompressedPayloads.decompress(stored)).isEqualTo(envelope.envelope());
    }

    @Test
    void anEntryWhoseEventIsAlreadyInTheInboxIsDroppedAndTheCallReturns() throws Exception {
        ReferenceEnvelopes.Envelope envelope = withEventIds(ReferenceEnvelopes.all()).getFirst().withNewEventId();
        inbox.append(envelope.entry(project));
        double duplicatesBefore = count("picket.inbox.duplicates");

        inbox.append(new InboxEntry(project, envelope.eventId(), System.currentTimeMillis() + 1000,
                envelope.envelope()));

        assertThat(storedEventIds(project)).containsExactly(Map.entry(envelope.eventId(), 1));
        assertThat(count("picket.inbox.duplicates") - duplicatesBefore).isEqualTo(1);
    }

    @Test
    void theSameEventIdSentToAnotherProjectIsAnotherEntry() throws Exception {
        ReferenceEnvelopes.Envelope envelope = withEventIds(ReferenceEnvelopes.all()).getFirst().withNewEventId();

        inbox.append(envelope.entry(project));
        inbox.append(envelope.entry(project + 1));

        assertThat(storedEventIds(project)).containsExactly(Map.entry(envelope.eventId(), 1));
        assertThat(storedEventIds(project + 1)).containsExactly(Map.entry(envelope.eventId(), 1));
    }

    @Test
    void entriesWithoutAnEventIdNeverConflict() throws Exception {
        ReferenceEnvelopes.Envelope sessions = ReferenceEnvelopes.all().stream()
                .filter(e -> e.eventId() == null).findFirst().orElseThrow();

        inbox.append(sessions.entry(project));
        inbox.append(sessions.entry(project));

        assertThat(jdbc.sql("SELECT count(*) FROM inbox WHERE project_id = ? AND event_id IS NULL")
                .param(project).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void whenThePendingQueueStaysFullAnAppendIsRefusedAfterWaitingItsTime() throws Exception {
        Duration fullWait = Duration.ofMillis(300);
        TableInbox oneSlot = new TableInbox(dataSource, new InboxProperties(512, 1, fullWait),
                new SimpleMeterRegistry(), List.of(), turns);
        oneSlot.start();
        List<InboxEntry> entries = newEntries(4);
        List<Outcome> outcomes = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletionService<Outcome> calls = new ExecutorCompletionService<>(callers);
            try (Connection lock = holdWriteLock()) {
                // The writer is stuck on the lock with at most two entries and one more fits the
                // queue, so at least one of the four finds no room; nothing else can finish first.
                entries.forEach(e -> calls.submit(() -> Outcome.of(oneSlot, e)));
                outcomes.add(calls.take().get());
                release(lock);
            }
            for (int i = 1; i < entries.size(); i++) {
                outcomes.add(calls.take().get());
            }
        } finally {
            oneSlot.stop();
        }

        List<Outcome> refused = outcomes.stream().filter(o -> o.failure() != null).toList();
        assertThat(refused).isNotEmpty().allSatisfy(outcome -> {
            assertThat(outcome.failure()).isInstanceOf(InboxUnavailableException.class)
                    .hasMessageStartingWith("inbox is full");
            assertThat(outcome.elapsed()).isGreaterThanOrEqualTo(fullWait);
        });
        assertThat(storedEventIds(project)).hasSize(entries.size() - refused.size());
    }

    @Test
    void whenABatchCannotBeCommittedEveryCallerOfItIsRefusedAndTheNextBatchSucceeds() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TableInbox impatient = new TableInbox(impatientDataSource(),
                new InboxProperties(512, 100, Duration.ofSeconds(5)), meters, List.of(), turns);
        impatient.start();
        List<InboxEntry> entries = newEntries(3);
        List<Outcome> outcomes = new ArrayList<>();
        try {
            try (Connection lock = holdWriteLock();
                 ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Outcome>> calls = entries.stream()
                        .map(e -> callers.submit(() -> Outcome.of(impatient, e))).toList();
                for (Future<Outcome> call : calls) {
                    outcomes.add(call.get());
                }
                release(lock);
            }
            assertThat(outcomes).allSatisfy(outcome ->
                    assertThat(outcome.failure()).isInstanceOf(InboxUnavailableException.class)
                            .hasMessageStartingWith("inbox write failed"));
            assertThat(storedEventIds(project)).isEmpty();
            assertThat(meters.get("picket.inbox.rejected").tag("reason", "write-failed").counter().count())
                    .isEqualTo(3);

            InboxEntry later = newEntries(1).getFirst();
            impatient.append(later);
            assertThat(storedEventIds(project)).containsOnlyKeys(later.eventId());
        } finally {
            impatient.stop();
        }
    }

    @Test
    void stopCommitsTheEntriesStillQueuedBeforeItReturns() throws Exception {
        TableInbox stopping = new TableInbox(dataSource, new InboxProperties(2, 100, Duration.ofSeconds(5)),
                new SimpleMeterRegistry(), List.of(), turns);
        stopping.start();
        List<InboxEntry> entries = newEntries(5);
        List<Thread> callers = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        Thread stopper;
        try (Connection lock = holdWriteLock()) {
            for (InboxEntry entry : entries) {
                callers.add(Thread.ofPlatform().start(() -> {
                    Outcome outcome = Outcome.of(stopping, entry);
                    synchronized (outcomes) {
                        outcomes.add(outcome);
                    }
                }));
            }
            // Every caller is queued (or in the writer's stuck batch) once it waits for its outcome.
            while (!callers.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
                Thread.sleep(10);
            }
            stopper = Thread.ofPlatform().start(stopping::stop);
            release(lock);
        }
        stopper.join();
        for (Thread caller : callers) {
            caller.join();
        }

        assertThat(outcomes).hasSize(entries.size()).allSatisfy(outcome -> assertThat(outcome.failure()).isNull());
        assertThat(storedEventIds(project).keySet())
                .containsExactlyInAnyOrderElementsOf(entries.stream().map(InboxEntry::eventId).toList());
    }

    @Test
    void anAppendToAStoppedInboxIsRefused() {
        TableInbox stopped = new TableInbox(dataSource, new InboxProperties(512, 100, Duration.ofSeconds(1)),
                new SimpleMeterRegistry(), List.of(), turns);
        stopped.start();
        stopped.stop();

        assertThatThrownBy(() -> stopped.append(newEntries(1).getFirst()))
                .isInstanceOf(InboxUnavailableException.class)
                .hasMessage("inbox is not running");
    }

    /** What one append call ended with, and how long it took. */
    record Outcome(Exception failure, Duration elapsed) {

        static Outcome of(Inbox inbox, InboxEntry entry) {
            long start = System.nanoTime();
            Exception failure = null;
            try {
                inbox.append(entry);
            } catch (Exception e) {
                failure = e;
            }
            return new Outcome(failure, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private List<InboxEntry> newEntries(int n) {
        List<ReferenceEnvelopes.Envelope> events = withEventIds(ReferenceEnvelopes.all());
        return IntStream.range(0, n).mapToObj(i -> events.get(i % events.size()).withNewEventId().entry(project))
                .toList();
    }

    private static List<ReferenceEnvelopes.Envelope> withEventIds(List<ReferenceEnvelopes.Envelope> envelopes) {
        return envelopes.stream().filter(e -> e.eventId() != null).toList();
    }

    private Map<String, Integer> storedEventIds(long projectId) {
        return jdbc.sql("SELECT event_id, count(*) FROM inbox WHERE project_id = ? GROUP BY event_id")
                .param(projectId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private double count(String counter) {
        return registry.get(counter).counter().count();
    }

    /** Another transaction keeping the inbox writer from writing, as a long transaction would. */
    private Connection holdWriteLock() throws SQLException {
        Connection c = dataSource.getConnection();
        try (Statement s = c.createStatement()) {
            // SQLite has one write lock for the whole file; PostgreSQL locks the table against inserts.
            s.execute(dialect == SqlDialect.SQLITE ? "BEGIN IMMEDIATE" : "BEGIN; LOCK TABLE inbox IN EXCLUSIVE MODE");
        }
        return c;
    }

    private static void release(Connection lock) throws SQLException {
        try (Statement s = lock.createStatement()) {
            s.execute("ROLLBACK");
        }
    }

    /** The same database, but giving up on a held lock after 200 ms instead of waiting. */
    private DataSource impatientDataSource() throws SQLException {
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        if (dialect == SqlDialect.POSTGRESQL) {
            PGSimpleDataSource impatient = new PGSimpleDataSource();
            impatient.setURL(url);
            impatient.setUser(TestPostgres.get().username());
            impatient.setPassword(TestPostgres.get().password());
            impatient.setOptions("-c lock_timeout=200");
            return impatient;
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setBusyTimeout(200);
        SQLiteDataSource impatient = new SQLiteDataSource(config);
        impatient.setUrl(url);
        return impatient;
    }
}
