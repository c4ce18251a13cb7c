package dev.picket.issues;

import static dev.picket.issues.ProjectIngest.error;
import static dev.picket.issues.ProjectIngest.withUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.inbox.Inbox;
import dev.picket.inbox.InboxEntry;
import dev.picket.pipeline.InboxProcessor;
import dev.picket.protocol.envelope.EventIds;
import dev.picket.testing.Envelopes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Event and user counts are exact under concurrent ingestion and when the inbox is processed again. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExactCountsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    InboxProcessor processor;
    @Autowired
    Issues issues;
    @Autowired
    Inbox inbox;
    @Autowired
    JdbcClient jdbc;

    @Test
    void eightClientsSendingTwoIssuesOfFiftyUsersAreCountedExactly() throws Exception {
        ProjectIngest ingest = new ProjectIngest(port, processor, "concurrent-" + UUID.randomUUID());
        int threads = 8;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> sending = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            sending.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    int n = thread * perThread + i;
                    // Event n goes to issue n % 2 and user (n / 2) % 50: each issue sees all 50 users.
                    ingest.send(withUser(error(n % 2 == 0 ? "EvenFailure" : "OddFailure", "event " + n),
                            "user-" + (n / 2) % 50));
                }
                return null;
            }));
        }
        for (Future<?> f : sending) {
            f.get();
        }
        pool.shutdown();
        ingest.awaitProcessed();

        List<Issue> found = issues.list(IssueQuery.all(ingest.projectId()).withSort(IssueSort.FREQ)).issues();
        assertThat(found).hasSize(2).allSatisfy(issue -> {
            assertThat(issue.timesSeen()).isEqualTo(threads * perThread / 2);
            assertThat(issue.userCount()).isEqualTo(50);
            assertThat(issues.hourlyCounts(issue.id()).stream().mapToLong(CountBucket::count).sum())
                    .isEqualTo(threads * perThread / 2);
        });
    }

    @Test
    void redeliveredEventsChangeNoCount() throws Exception {
        ProjectIngest ingest = new ProjectIngest(port, processor, "replay-" + UUID.randomUUID());
        List<ObjectNode> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ObjectNode event = withUser(error("ReplayedFailure", "event " + i), "user-" + i % 3);
            ingest.send(event);
            sent.add(event);
        }
        ingest.awaitProcessed();
        Issue before = issues.list(IssueQuery.all(ingest.projectId())).issues().getFirst();

        // As a redelivered message, or an SDK's retry after the inbox rows are gone: every event once more.
        jdbc.sql("DELETE FROM inbox WHERE project_id = ?").param(ingest.projectId()).update();
        sent.forEach(ingest::send);
        ingest.awaitProcessed();

        Issue after = issues.find(before.id()).orElseThrow();
        assertThat(after.timesSeen()).isEqualTo(before.timesSeen()).isEqualTo(6);
        assertThat(after.userCount()).isEqualTo(before.userCount()).isEqualTo(3);
        assertThat(issues.hourlyCounts(after.id()).stream().mapToLong(CountBucket::count).sum()).isEqualTo(6);
        assertThat(issues.tagValues(after.id(), "user", 10)).extracting(TagValueCount::count).containsOnly(2L);
        assertThat(issues.events(after.id(), null, 100).events()).hasSize(6);
    }

    /** Measures the processor alone: rows appended straight to the inbox, timed until processed. */
    @Test
    void processorThroughputIsMeasured() throws Exception {
        ProjectIngest ingest = new ProjectIngest(port, processor, "throughput-" + UUID.randomUUID());
        int events = 4000;
        List<InboxEntry> entries = new ArrayList<>(events);
        for (int n = 0; n < events; n++) {
            String id = EventIds.random();
            byte[] json = JSON.writeValueAsBytes(withUser(error(n % 4 == 0 ? "RareFailure" : "CommonFailure",
                    "order " + n + " failed"), "user-" + n % 500).put("event_id", id));
            entries.add(new InboxEntry(ingest.projectId(), id, System.currentTimeMillis(), Envelopes.event(id, json)));
        }
        processor.stop();
        try (ExecutorService appenders = Executors.newVirtualThreadPerTaskExecutor()) {
            // Many appenders at once, so that the inbox's group commit fills its batches.
            for (InboxEntry entry : entries) {
                appenders.submit(() -> {
                    inbox.append(entry);
                    return null;
                });
            }
        } finally {
            long start = System.nanoTime();
            processor.start();
            ingest.awaitProcessed();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("processor throughput: %d events in %.2f s = %.0f events/s%n", events, seconds,
                    events / seconds);
        }
        assertThat(issues.list(IssueQuery.all(ingest.projectId())).issues())
                .extracting(Issue::timesSeen).containsExactlyInAnyOrder(1000L, 3000L);
    }
}
