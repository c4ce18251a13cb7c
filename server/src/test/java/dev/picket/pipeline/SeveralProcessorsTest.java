package dev.picket.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.picket.inbox.Inbox;
import dev.picket.inbox.InboxEntry;
import dev.picket.inbox.InboxRows;
import dev.picket.issues.Issues;
import dev.picket.protocol.envelope.EventIds;
import dev.picket.store.JobRuns;
import dev.picket.store.SqlDialect;
import dev.picket.store.WriterTurns;
import dev.picket.testing.Envelopes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/**
 * Processors of several Picket instances on one PostgreSQL database: each inbox row is processed by
 * exactly one of them, and the issues they share are counted exactly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Timeout(180)
class SeveralProcessorsTest {

    private static final int EVENTS = 1200;
    private static final int ISSUES = 4;
    private static final int USERS = 30;

    @Autowired
    Inbox inbox;
    @Autowired
    WriterTurns turns;
    @Autowired
    InboxProcessor processor;
    @Autowired
    InboxRows inboxRows;
    @Autowired
    DataSource dataSource;
    @Autowired
    ScrubbingSettings scrubbing;
    @Autowired
    Issues issues;
    @Autowired
    JobRuns jobRuns;
    @Autowired
    SqlDialect dialect;
    @Autowired
    JdbcClient jdbc;

    final long project = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

    @Test
    void twoProcessorsOnOneDatabaseProcessEveryRowOnceAndCountTheirSharedIssuesExactly() throws Exception {
        assumeTrue(dialect.allowsSeveralInstances(), "several processors need PostgreSQL: SQLite has one per file");
        processor.stop();
        // Small batches, so that the two take turns many times over the same new issues.
        ProcessorProperties properties = new ProcessorProperties(16, DataSize.ofMegabytes(16), Duration.ofMillis(50),
                Duration.ofMillis(50));
        SimpleMeterRegistry firstMetrics = new SimpleMeterRegistry();
        SimpleMeterRegistry secondMetrics = new SimpleMeterRegistry();
        InboxProcessor first = new InboxProcessor(dataSource, inboxRows, properties, firstMetrics, scrubbing, issues,
                List.of(), jobRuns, dialect, turns);
        InboxProcessor second = new InboxProcessor(dataSource, inboxRows, properties, secondMetrics, scrubbing,
                issues, List.of(), jobRuns, dialect, turns);
        try {
            List<String> eventIds = appendEvents();

            first.start();
            second.start();

            assertThat(first.awaitIdle(Duration.ofSeconds(120))).isTrue();
            assertThat(second.awaitIdle(Duration.ofSeconds(120))).isTrue();
            double byFirst = rowsProcessed(firstMetrics);
            double bySecond = rowsProcessed(secondMetrics);
            assertThat(byFirst + bySecond).as("rows processed by both together").isEqualTo(EVENTS);
            assertThat(byFirst).as("rows processed by the first").isPositive();
            assertThat(bySecond).as("rows processed by the second").isPositive();
            assertThat(eventsStored()).isEqualTo(EVENTS);
            assertThat(eventIds).doesNotHaveDuplicates();
            assertIssuesCountedExactly();
        } finally {
            first.stop();
            second.stop();
            processor.start();
        }
    }

    private List<String> appendEvents() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < EVENTS; n++) {
            String id = EventIds.random();
            String json = "{\"event_id\":\"" + id + "\",\"platform\":\"java\",\"level\":\"error\","
                    + "\"user\":{\"id\":\"user-" + n % USERS + "\"},\"tags\":{\"shard\":\"s" + n % 3 + "\"},"
                    + "\"exception\":{\"values\":[{\"type\":\"Failure" + n % ISSUES + "Exception\",\"value\":\"broken\"}]}}";
            inbox.append(new InboxEntry(project, id, System.currentTimeMillis(), Envelopes.event(id, json)));
            ids.add(id);
        }
        return ids;
    }

    private void assertIssuesCountedExactly() {
        List<Map<String, Object>> rows = jdbc.sql("SELECT id, times_seen, user_count FROM issues WHERE project_id = ?")
                .param(project).query().listOfRows();
        assertThat(rows).as("one issue per grouping hash").hasSize(ISSUES);
        for (Map<String, Object> issue : rows) {
            long id = ((Number) issue.get("id")).longValue();
            assertThat(((Number) issue.get("times_seen")).longValue()).as("events of issue %d", id)
                    .isEqualTo(EVENTS / ISSUES);
            assertThat(((Number) issue.get("user_count")).longValue()).as("users of issue %d", id)
                    .isEqualTo(count("SELECT count(*) FROM issue_users WHERE issue_id = ?", id))
                    .isEqualTo(count("SELECT count(DISTINCT user_key) FROM events WHERE issue_id = ?", id));
            assertThat(count("SELECT sum(count) FROM issue_hourly_counts WHERE issue_id = ?", id))
                    .as("hourly counts of issue %d", id).isEqualTo(EVENTS / ISSUES);
            assertThat(count("SELECT sum(times_seen) FROM issue_tag_values WHERE issue_id = ? AND key = 'shard'", id))
                    .as("shard tag counts of issue %d", id).isEqualTo(EVENTS / ISSUES);
        }
    }

    private long eventsStored() {
        return jdbc.sql("SELECT count(*) FROM events WHERE project_id = ?").param(project).query(Long.class).single();
    }

    private long count(String sql, long issueId) {
        return jdbc.sql(sql).param(issueId).query(Long.class).single();
    }

    private static double rowsProcessed(SimpleMeterRegistry registry) {
        return registry.get("picket.pipeline.rows.processed").counter().count();
    }
}
