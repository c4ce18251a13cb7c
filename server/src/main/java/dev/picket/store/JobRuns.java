package dev.picket.store;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lets periodic jobs run once per period across all Picket instances that share the database:
 * the instance whose conditional update moves the job's last run on is the one that runs it.
 */
@Component
public class JobRuns {

    private final JdbcClient jdbc;

    public JobRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether this instance should run {@code job} now: true when no instance ran it within
     * {@code every}, and records the run. Concurrent callers get true once.
     */
    public boolean claim(String job, Duration every) {
        long now = System.currentTimeMillis();
        jdbc.sql("INSERT INTO job_runs (job, last_run_at) VALUES (?, ?) ON CONFLICT (job) DO NOTHING")
                .param(job).param(0L).update();
        // On PostgreSQL a concurrent claimer waits for the first one's row lock, then re-checks
        // the condition against the row as it committed and finds it no longer holds.
        return jdbc.sql("UPDATE job_runs SET last_run_at = ? WHERE job = ? AND last_run_at <= ?")
                .param(now).param(job).param(now - every.toMillis())
                .update() == 1;
    }
}
