package dev.picket.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.protocol.envelope.EventIds;
import dev.picket.testing.ChildPicket;
import dev.picket.testing.Envelopes;
import dev.picket.testing.PicketClient;
import dev.picket.testing.PicketClient.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability: Picket is killed with SIGKILL under load; after a restart every event it acknowledged
 * with 200 is there exactly once, and gets processed.
 */
class AcknowledgedEventsSurviveACrashTest {

    private static final int SENDERS = 16;

    @TempDir
    Path temp;

    @Test
    void everyAcknowledgedEventIsStoredExactlyOnceAfterSigkill() throws Exception {
        Path dataDir = Files.createDirectories(temp.resolve("data"));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Project project;
        try (ChildPicket first = ChildPicket.start(dataDir)) {
            PicketClient picket = new PicketClient(first.port());
            project = picket.createProject("crash");
            AtomicBoolean sending = new AtomicBoolean(true);
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            for (int i = 0; i < SENDERS; i++) {
                senders.submit(() -> sendUntilRefused(picket, project, sending, acknowledged));
            }
            // Kill mid-load once enough has been acknowledged, however busy the machine is.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (acknowledged.size() < 300 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            first.kill();
            sending.set(false);
            senders.shutdown();
            assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("events acknowledged before the kill").hasSizeGreaterThan(100);

        try (ChildPicket second = ChildPicket.start(dataDir)) {
            Map<String, Integer> inbox = countByEventId(dataDir, "inbox", project.id());
            assertThat(acknowledged).allSatisfy(id -> assertThat(inbox.get(id)).as(id).isEqualTo(1));
            awaitProcessed(dataDir, project.id(), acknowledged, Duration.ofSeconds(60));
            Map<String, Integer> events = countByEventId(dataDir, "events", project.id());
            assertThat(acknowledged).allSatisfy(id -> assertThat(events.get(id)).as(id).isEqualTo(1));
        }
    }

    private static void sendUntilRefused(PicketClient picket, Project project, AtomicBoolean sending,
                                         Set<String> acknowledged) {
        Map<String, String> auth = IngestRejectionsTest.auth(project);
        while (sending.get()) {
            String id = EventIds.random();
            try {
                var response = picket.post("/api/" + project.id() + "/envelope/", auth,
                        Envelopes.event(id, Envelopes.errorJson(id, "crash test")));
                if (response.statusCode() == 200) {
                    acknowledged.add(id);
                }
            } catch (RuntimeException connectionLost) {
                return;
            }
        }
    }

    private static void awaitProcessed(Path dataDir, long projectId, Set<String> ids, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (countByEventId(dataDir, "events", projectId).keySet().containsAll(ids)) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private static Map<String, Integer> countByEventId(Path dataDir, String table, long projectId) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("picket.db"));
             Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("select event_id, count(*) from " + table
                     + " where project_id = " + projectId + " group by event_id")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }
}
