package dev.picket.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An entry the inbox acknowledged survives the process being killed at any moment: a child JVM
 * appends under load and is killed with SIGKILL mid-write, several times on the same file; every id it
 * acknowledged must then be in the database exactly once, and the database must be intact. (A kill
 * of the process leaves the OS page cache; surviving power loss rests on {@code synchronous=FULL}.)
 */
class InboxDurabilityTest {

    private static final Pattern ACK = Pattern.compile(Pattern.quote(AppendUntilKilled.ACK) + "([0-9a-f]{32})");
    private static final int APPENDING_THREADS = 64;
    private static final int ACKS_BEFORE_KILL = 3000;
    private static final int KILLED_RUNS = 3;

    @TempDir
    Path dataDir;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void everyAcknowledgedEntrySurvivesKillsDuringLoadExactlyOnce() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        // Later runs also recover the file the kill before left behind.
        for (int run = 1; run <= KILLED_RUNS; run++) {
            acknowledged.addAll(appendUntilKilled(dataDir.resolve("child-stderr-" + run + ".txt")));
        }

        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("picket.db"))) {
            assertThat(query(db, "PRAGMA integrity_check")).containsExactly(Map.entry("ok", 1));
            Map<String, Integer> stored = query(db,
                    "SELECT event_id, count(*) FROM inbox WHERE project_id = " + AppendUntilKilled.PROJECT
                            + " GROUP BY event_id");
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILLED_RUNS * ACKS_BEFORE_KILL)
                    .allSatisfy(id -> assertThat(stored.get(id))
                            .as("copies of acknowledged entry %s", id).isEqualTo(1));
        }
    }

    /** Runs the child until it acknowledged {@link #ACKS_BEFORE_KILL} entries, kills it, returns its acks. */
    private Set<String> appendUntilKilled(Path childErrors) throws Exception {
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp", System.getProperty("java.class.path"),
                AppendUntilKilled.class.getName(), dataDir.toString(), String.valueOf(APPENDING_THREADS))
                .redirectError(childErrors.toFile())
                .start();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch enoughAcks = new CountDownLatch(ACKS_BEFORE_KILL);
        Thread reader = Thread.ofPlatform().start(() -> readAcks(child, ready, enoughAcks, acknowledged));
        try {
            assertThat(ready.await(120, TimeUnit.SECONDS))
                    .as("child started; its stderr: %s", errorsOf(childErrors)).isTrue();
            assertThat(enoughAcks.await(60, TimeUnit.SECONDS))
                    .as("child acknowledged %d entries; its stderr: %s", ACKS_BEFORE_KILL, errorsOf(childErrors))
                    .isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child killed").isTrue();
        }
        // Lines the child wrote before it died are still in the pipe: read them all.
        reader.join(TimeUnit.SECONDS.toMillis(30));
        return acknowledged;
    }

    private static void readAcks(Process child, CountDownLatch ready, CountDownLatch enoughAcks, Set<String> acks) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.equals(AppendUntilKilled.READY)) {
                    ready.countDown();
                }
                var ack = ACK.matcher(line);
                // A line cut short by the kill does not match: its id was not wholly printed.
                if (ack.matches()) {
                    acks.add(ack.group(1));
                    enoughAcks.countDown();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first two columns of every row: a text key and a count. */
    private static Map<String, Integer> query(Connection db, String sql) throws Exception {
        Map<String, Integer> rows = new HashMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getMetaData().getColumnCount() > 1 ? rs.getInt(2) : 1);
            }
        }
        return rows;
    }

    private static String errorsOf(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "(none)";
    }
}
