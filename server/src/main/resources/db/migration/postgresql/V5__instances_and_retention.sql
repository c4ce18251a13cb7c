-- Several Picket instances on one database, and retention. Kept in step with db/migration/sqlite.

-- When each periodic job last ran. An instance runs a job only if it moves last_run_at on, in one
-- conditional UPDATE, so a job runs once per period however many instances share the database.
CREATE TABLE job_runs (
    job         TEXT    PRIMARY KEY,
    last_run_at BIGINT  NOT NULL  -- epoch milliseconds
);

-- Days a project's events are kept; NULL: the server's default (picket.retention.days).
ALTER TABLE projects ADD COLUMN retention_days INTEGER CHECK (retention_days IS NULL OR retention_days >= 1);

-- Retention deletes by project and age, a bounded batch at a time; these find each batch by index.
CREATE INDEX events_by_received ON events (project_id, received_at);
CREATE INDEX transactions_by_received ON transactions (project_id, received_at);
CREATE INDEX spans_by_received ON spans (project_id, received_at);
CREATE INDEX sessions_by_received ON sessions (project_id, received_at);
CREATE INDEX check_ins_by_received ON check_ins (project_id, received_at);
CREATE INDEX user_reports_by_received ON user_reports (project_id, received_at);
CREATE INDEX attachments_by_received ON attachments (project_id, received_at);
-- Processed rows, once their replays no longer need dropping at the door.
CREATE INDEX inbox_processed ON inbox (processed_at) WHERE processed_at IS NOT NULL AND error IS NULL;
