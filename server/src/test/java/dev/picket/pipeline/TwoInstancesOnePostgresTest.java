package dev.picket.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.protocol.envelope.EventIds;
import dev.picket.testing.ChildPicket;
import dev.picket.testing.Envelopes;
import dev.picket.testing.PicketClient;
import dev.picket.testing.PicketClient.Project;
import dev.picket.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Picket processes on one PostgreSQL database take the same load side by side; one is killed
 * with SIGKILL midway, the other carries on. Every event either acknowledged is stored exactly once,
 * what the killed one had claimed is processed by the survivor, and the issues they shared are
 * counted exactly. It starts its own database, so it runs once, in the SQLite pass.
 */
class TwoInstancesOnePostgresTest {

    private static final int SENDERS = 8;
    private static final int ISSUES = 5;
    private static final int USERS = 40;

    @TempDir
    Path temp;

    @Test
    void everyEventAcknowledgedByEitherInstanceIsProcessedOnceAfterOneIsKilled() throws Exception {
        TestPostgres postgres = TestPostgres.get();
        String url = postgres.createDatabase();
        String[] database = {"--picket.database.url=" + url,
                "--picket.database.username=" + (postgres.username() == null ? "" : postgres.username()),
                "--picket.database.password=" + (postgres.password() == null ? "" : postgres.password()),
                // The survivor finds what the killed one left within a second, not the default ten.
                "--picket.pipeline.fallback-poll=1s"};
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (ChildPicket doomed = ChildPicket.start(Files.createDirectories(temp.resolve("doomed")), database);
             ChildPicket survivor = ChildPicket.start(Files.createDirectories(temp.resolve("survivor")), database)) {
            List<PicketClient> instances = List.of(new PicketClient(doomed.port()), new PicketClient(survivor.port()));
            Project project = instances.getFirst().createProject("two-instances");
            AtomicBoolean sending = new AtomicBoolean(true);
            AtomicInteger sequence = new AtomicInteger();
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            for (int i = 0; i < SENDERS; i++) {
                senders.submit(() -> sendToBoth(instances, project, sending, sequence, acknowledged));
            }
            awaitAcknowledged(acknowledged, 400);
            doomed.kill();
            // The survivor alone takes the rest of the load.
            awaitAcknowledged(acknowledged, acknowledged.size() + 200);
            sending.set(false);
            senders.shutdown();
            assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            try (Connection db = DriverManager.getConnection(url, postgres.username(), postgres.password())) {
                awaitInboxProcessed(db, project.id(), Duration.ofSeconds(90));
                Map<String, Integer> events = countByEventId(db, project.id());
                assertThat(acknowledged).hasSizeGreaterThan(500)
                        .allSatisfy(id -> assertThat(events.get(id)).as(id).isEqualTo(1));
                assertIssuesCountedExactly(db, project.id());
            }
        }
    }

    /** Events alternate between the instances; an instance that is gone refuses, and the sender goes on. */
    private static void sendToBoth(List<PicketClient> instances, Project project, AtomicBoolean sending,
                                   AtomicInteger sequence, Set<String> acknowledged) {
        Map<String, String> auth = Map.of("X-Sentry-Auth", "Sentry sentry_version=7, sentry_key=" + project.publicKey());
        while (sending.get()) {
            int n = sequence.getAndIncrement();
            String id = EventIds.random();
            String json = "{\"event_id\":\"" + id + "\",\"platform\":\"java\",\"level\":\"error\","
                    + "\"user\":{\"id\":\"user-" + n % USERS + "\"},\"tags\":{\"shard\":\"s" + n % 3 + "\"},"
                    + "\"exception\":{\"values\":[{\"type\":\"Failure" + n % ISSUES + "Exception\",\"value\":\"broken\"}]}}";
            try {
                var response = instances.get(n % 2).post("/api/" + project.id() + "/envelope/", auth,
                        Envelopes.event(id, json));
                if (response.statusCode() == 200) {
                    acknowledged.add(id);
                }
            } catch (RuntimeException refusedByTheKilledInstance) {
                // Not acknowledged: an SDK would send it again.
            }
        }
    }

    private static void awaitAcknowledged(Set<String> acknowledged, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (acknowledged.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static void awaitInboxProcessed(Connection db, long projectId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (single(db, "SELECT count(*) FROM inbox WHERE project_id = ? AND processed_at IS NULL", projectId) > 0) {
            assertThat(System.nanoTime()).as("inbox processed within " + timeout).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /**
     * Each issue counts exactly the events stored in it (acknowledged or not: an event can be durable
     * before its sender hears so), its users and tag values exactly those events' users and tags.
     */
    private static void assertIssuesCountedExactly(Connection db, long projectId) throws SQLException {
        List<Long> issues = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT id FROM issues WHERE project_id = ?")) {
            query.setLong(1, projectId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    issues.add(rows.getLong(1));
                }
            }
        }
        assertThat(issues).as("one issue per grouping hash").hasSize(ISSUES);
        for (long issue : issues) {
            long stored = single(db, "SELECT count(*) FROM events WHERE issue_id = ?", issue);
            assertThat(single(db, "SELECT times_seen FROM issues WHERE id = ?", issue)).as("events of %d", issue)
                    .isEqualTo(stored);
            assertThat(single(db, "SELECT sum(count) FROM issue_hourly_counts WHERE issue_id = ?", issue))
                    .as("hourly counts of %d", issue).isEqualTo(stored);
            assertThat(single(db, "SELECT user_count FROM issues WHERE id = ?", issue)).as("users of %d", issue)
                    .isEqualTo(single(db, "SELECT count(DISTINCT user_key) FROM events WHERE issue_id = ?", issue));
            assertThat(single(db, "SELECT sum(times_seen) FROM issue_tag_values WHERE issue_id = ? AND key = 'shard'",
                    issue)).as("shard tags of %d", issue).isEqualTo(stored);
        }
    }

    private static Map<String, Integer> countByEventId(Connection db, long projectId) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(
                "SELECT event_id, count(*) FROM events WHERE project_id = ? GROUP BY event_id")) {
            query.setLong(1, projectId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    private static long single(Connection db, String sql, long param) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, param);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
