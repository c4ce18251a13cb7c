-- Issues and everything the processor stores besides them: events linked to issues, frequency
-- buckets, distinct users, tag values, transactions and spans, sessions, check-ins, user reports,
-- attachments, and each project's data scrubbing settings.
-- Kept in step with db/migration/sqlite. Times are epoch milliseconds (UTC); payloads are
-- zstd-compressed JSON; flags are 0/1 SMALLINTs. Pipeline tables carry no
-- foreign key to projects: the inbox does not either, and a deleted project's rows are purged apart.

-- Issue short ids count per project (PROJ-1, PROJ-2, ...).
CREATE TABLE project_issue_counters (
    project_id    BIGINT PRIMARY KEY,
    last_short_id BIGINT NOT NULL
);

-- Status and substatus use Sentry's names. unresolved: new | ongoing | regressed | escalating;
-- ignored: archived_forever | archived_until_condition_met; resolved: no substatus.
CREATE TABLE issues (
    id                       BIGSERIAL PRIMARY KEY,
    project_id               BIGINT NOT NULL,
    short_id                 BIGINT NOT NULL,
    type                     TEXT    NOT NULL,
    title                    TEXT    NOT NULL,
    culprit                  TEXT,
    level                    TEXT    NOT NULL,
    platform                 TEXT,
    metadata                 TEXT    NOT NULL,  -- JSON: type, value, filename, function, title
    status                   TEXT    NOT NULL CHECK (status IN ('unresolved', 'resolved', 'ignored')),
    substatus                TEXT CHECK (substatus IN ('new', 'ongoing', 'regressed', 'escalating',
                                                       'archived_forever', 'archived_until_condition_met')),
    -- When status or substatus last changed: new, regressed and escalating become ongoing after 7 days.
    status_changed_at        BIGINT NOT NULL,
    first_seen               BIGINT NOT NULL,
    last_seen                BIGINT NOT NULL,
    times_seen               BIGINT NOT NULL,
    user_count               BIGINT NOT NULL,
    first_release            TEXT,
    last_release             TEXT,
    resolved_at              BIGINT,
    -- "Resolved in next release": set with the release current at resolution, which does not reopen it.
    resolved_in_next_release SMALLINT NOT NULL DEFAULT 0 CHECK (resolved_in_next_release IN (0, 1)),
    resolved_in_release      TEXT,
    ignore_until             BIGINT,
    ignore_count             BIGINT,
    ignore_count_base        BIGINT,  -- times_seen when ignored: "until N more events"
    ignore_user_count        BIGINT,
    ignore_user_count_base   BIGINT,  -- user_count when ignored: "until N more users"
    UNIQUE (project_id, short_id)
);

CREATE INDEX issues_by_last_seen ON issues (project_id, status, last_seen, id);
CREATE INDEX issues_by_first_seen ON issues (project_id, status, first_seen, id);
CREATE INDEX issues_by_times_seen ON issues (project_id, status, times_seen, id);
CREATE INDEX issues_by_user_count ON issues (project_id, status, user_count, id);
CREATE INDEX issues_settling ON issues (status_changed_at) WHERE substatus IN ('new', 'regressed', 'escalating');
CREATE INDEX issues_ignored_until ON issues (ignore_until) WHERE status = 'ignored' AND ignore_until IS NOT NULL;

-- Every grouping hash an issue was found by; an event joins the issue of any of its hashes.
CREATE TABLE issue_hashes (
    project_id BIGINT NOT NULL,
    hash       TEXT    NOT NULL,
    issue_id   BIGINT NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    PRIMARY KEY (project_id, hash)
);

CREATE INDEX issue_hashes_by_issue ON issue_hashes (issue_id);

-- Events per issue and hour (hour = start of the hour, epoch milliseconds), for frequency charts.
CREATE TABLE issue_hourly_counts (
    issue_id BIGINT NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    hour     BIGINT NOT NULL,
    count    BIGINT NOT NULL,
    PRIMARY KEY (issue_id, hour)
);

-- The distinct users of an issue ("id:…", "email:…", "username:…" or "ip:…"), for an exact user count.
CREATE TABLE issue_users (
    issue_id BIGINT NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    user_key TEXT    NOT NULL,
    PRIMARY KEY (issue_id, user_key)
);

CREATE TABLE issue_tag_values (
    issue_id   BIGINT NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    key        TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    times_seen BIGINT NOT NULL,
    first_seen BIGINT NOT NULL,
    last_seen  BIGINT NOT NULL,
    PRIMARY KEY (issue_id, key, value)
);

-- Error events, now with the columns lists filter and sort on. Transactions move to their own table.
CREATE TABLE events_v3 (
    id            BIGSERIAL PRIMARY KEY,
    project_id    BIGINT NOT NULL,
    event_id      TEXT    NOT NULL,
    issue_id      BIGINT REFERENCES issues (id) ON DELETE CASCADE,
    type          TEXT    NOT NULL,
    timestamp     BIGINT NOT NULL,
    received_at   BIGINT NOT NULL,
    level         TEXT,
    platform      TEXT,
    release       TEXT,
    environment   TEXT,
    transaction_name TEXT,
    user_key      TEXT,
    trace_id      TEXT,
    span_id       TEXT,
    title         TEXT,
    message       TEXT,
    -- How much an event helps a reader (stack trace, user, trace...): the "recommended" event has most.
    context_score BIGINT NOT NULL DEFAULT 0,
    payload       BYTEA   NOT NULL,
    UNIQUE (project_id, event_id)
);

INSERT INTO events_v3 (id, project_id, event_id, type, timestamp, received_at, payload)
SELECT id, project_id, event_id, type, received_at, received_at, payload FROM events WHERE type = 'error';

DROP TABLE events;
ALTER TABLE events_v3 RENAME TO events;
-- The copied rows kept their ids; new ones continue after them.
SELECT setval(pg_get_serial_sequence('events', 'id'), coalesce(max(id), 0) + 1, false) FROM events;

CREATE INDEX events_by_issue ON events (issue_id, timestamp, id);
CREATE INDEX events_recommended ON events (issue_id, context_score, timestamp, id);
CREATE INDEX events_by_trace ON events (trace_id);

CREATE TABLE transactions (
    id             BIGSERIAL PRIMARY KEY,
    project_id     BIGINT NOT NULL,
    event_id       TEXT    NOT NULL,
    trace_id       TEXT,
    span_id        TEXT,
    parent_span_id TEXT,
    name           TEXT,
    op             TEXT,
    status         TEXT,
    start_time     BIGINT NOT NULL,
    end_time       BIGINT NOT NULL,
    duration_ms    DOUBLE PRECISION NOT NULL,
    release        TEXT,
    environment    TEXT,
    received_at    BIGINT NOT NULL,
    payload        BYTEA   NOT NULL,
    UNIQUE (project_id, event_id)
);

CREATE INDEX transactions_by_trace ON transactions (trace_id);
CREATE INDEX transactions_by_name ON transactions (project_id, name, start_time);

-- Spans of transactions and standalone (v2) span items; a segment is the span that roots a transaction.
CREATE TABLE spans (
    id             BIGSERIAL PRIMARY KEY,
    project_id     BIGINT NOT NULL,
    trace_id       TEXT    NOT NULL,
    span_id        TEXT    NOT NULL,
    parent_span_id TEXT,
    segment_id     TEXT,
    transaction_event_id TEXT,  -- the transaction it came in, NULL for a standalone span
    is_segment     SMALLINT NOT NULL DEFAULT 0 CHECK (is_segment IN (0, 1)),
    name           TEXT,
    op             TEXT,
    description    TEXT,
    status         TEXT,
    start_time     BIGINT NOT NULL,
    end_time       BIGINT NOT NULL,
    duration_ms    DOUBLE PRECISION NOT NULL,
    release        TEXT,
    environment    TEXT,
    received_at    BIGINT NOT NULL,
    payload        BYTEA   NOT NULL,
    UNIQUE (project_id, trace_id, span_id)
);

CREATE INDEX spans_by_trace ON spans (trace_id, start_time);

-- Release health: one row per session update ('session') or per aggregate bucket ('aggregate').
CREATE TABLE sessions (
    id          BIGSERIAL PRIMARY KEY,
    project_id  BIGINT NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('session', 'aggregate')),
    session_id  TEXT,
    distinct_id TEXT,
    status      TEXT,
    init        SMALLINT NOT NULL DEFAULT 0 CHECK (init IN (0, 1)),
    errors      BIGINT NOT NULL DEFAULT 0,
    started     BIGINT NOT NULL,
    timestamp   BIGINT,
    duration_ms DOUBLE PRECISION,
    exited      BIGINT NOT NULL DEFAULT 0,
    errored     BIGINT NOT NULL DEFAULT 0,
    crashed     BIGINT NOT NULL DEFAULT 0,
    abnormal    BIGINT NOT NULL DEFAULT 0,
    release     TEXT,
    environment TEXT,
    received_at BIGINT NOT NULL
);

CREATE INDEX sessions_by_release ON sessions (project_id, release, started);

CREATE TABLE check_ins (
    id           BIGSERIAL PRIMARY KEY,
    project_id   BIGINT NOT NULL,
    check_in_id  TEXT    NOT NULL,
    monitor_slug TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    duration_ms  DOUBLE PRECISION,
    environment  TEXT,
    release      TEXT,
    received_at  BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    payload      BYTEA   NOT NULL,
    UNIQUE (project_id, check_in_id)
);

CREATE INDEX check_ins_by_monitor ON check_ins (project_id, monitor_slug, received_at);

-- User reports (user_report items) and user feedback (feedback events), linked to the event they
-- are about when they name one.
CREATE TABLE user_reports (
    id          BIGSERIAL PRIMARY KEY,
    project_id  BIGINT NOT NULL,
    source      TEXT    NOT NULL CHECK (source IN ('user_report', 'feedback')),
    report_id   TEXT    NOT NULL,  -- the feedback event's id, or the reported event's id for a user report
    event_id    TEXT,              -- the event the report is about
    issue_id    BIGINT REFERENCES issues (id) ON DELETE SET NULL,
    name        TEXT,
    email       TEXT,
    comments    TEXT    NOT NULL,
    url         TEXT,
    received_at BIGINT NOT NULL,
    payload     BYTEA   NOT NULL,
    UNIQUE (project_id, source, report_id)
);

CREATE INDEX user_reports_by_issue ON user_reports (issue_id);
CREATE INDEX user_reports_by_event ON user_reports (project_id, event_id);

CREATE TABLE attachments (
    id              BIGSERIAL PRIMARY KEY,
    project_id      BIGINT NOT NULL,
    event_id        TEXT,
    filename        TEXT    NOT NULL,
    content_type    TEXT,
    attachment_type TEXT,
    size            BIGINT NOT NULL,
    received_at     BIGINT NOT NULL,
    data            BYTEA   NOT NULL
);

CREATE INDEX attachments_by_event ON attachments (project_id, event_id);

-- A project's data scrubbing settings; a project without a row uses the defaults.
CREATE TABLE project_scrubbing (
    project_id         BIGINT PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    enabled            SMALLINT NOT NULL CHECK (enabled IN (0, 1)),
    scrub_defaults     SMALLINT NOT NULL CHECK (scrub_defaults IN (0, 1)),
    scrub_ip_addresses SMALLINT NOT NULL CHECK (scrub_ip_addresses IN (0, 1)),
    scrub_emails       SMALLINT NOT NULL CHECK (scrub_emails IN (0, 1)),
    sensitive_fields   TEXT    NOT NULL,  -- JSON array of strings
    safe_fields        TEXT    NOT NULL,
    custom_patterns    TEXT    NOT NULL,
    updated_at         BIGINT NOT NULL
);
