-- Alert rules, the windows their conditions count in, and the history of what fired and was sent.
-- Times are epoch milliseconds (UTC).

-- One rule of a project: a condition, filters on the events that count, actions, a throttle.
CREATE TABLE alert_rules (
    id               BIGSERIAL PRIMARY KEY,
    project_id       BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name             TEXT    NOT NULL,
    condition        TEXT    NOT NULL CHECK (condition IN ('first_seen', 'regression', 'event_frequency',
                                                           'unique_users', 'spike')),
    threshold        INTEGER,          -- "more than N" of event_frequency and unique_users
    window_minutes   INTEGER,          -- "in M minutes" of event_frequency, unique_users and spike
    filters          TEXT    NOT NULL, -- JSON: level, environment, release, function, tags
    actions          TEXT    NOT NULL, -- JSON: [{type: email|webhook|slack, ...}]
    throttle_minutes INTEGER NOT NULL, -- at most one alert per issue in this many minutes
    secret           TEXT    NOT NULL, -- signs this rule's webhooks
    created_at       BIGINT NOT NULL
);

CREATE INDEX alert_rules_by_project ON alert_rules (project_id);

-- Events (and their users) that matched a rule's filters, per issue and minute of processing:
-- what "more than N events / users in M minutes" counts. Rows older than the longest window go.
CREATE TABLE alert_window_counts (
    rule_id  BIGINT NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
    issue_id BIGINT NOT NULL,
    minute   BIGINT NOT NULL,
    events   INTEGER NOT NULL,
    PRIMARY KEY (rule_id, issue_id, minute)
);

CREATE INDEX alert_window_counts_by_minute ON alert_window_counts (minute);

CREATE TABLE alert_window_users (
    rule_id  BIGINT NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
    issue_id BIGINT NOT NULL,
    minute   BIGINT NOT NULL,
    user_key TEXT    NOT NULL,
    PRIMARY KEY (rule_id, issue_id, minute, user_key)
);

CREATE INDEX alert_window_users_by_minute ON alert_window_users (minute);

-- An alert that fired: once per rule, issue and occasion (dedupe_key: the issue for first_seen,
-- the regression's time, or the window), and not again within the rule's throttle.
CREATE TABLE alert_history (
    id         BIGSERIAL PRIMARY KEY,
    rule_id    BIGINT NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
    project_id BIGINT NOT NULL,
    issue_id   BIGINT NOT NULL,
    dedupe_key TEXT    NOT NULL,
    fired_at   BIGINT NOT NULL,
    reason     TEXT    NOT NULL,  -- why it fired, as the notification says it
    UNIQUE (rule_id, issue_id, dedupe_key)
);

CREATE INDEX alert_history_by_project ON alert_history (project_id, fired_at);
CREATE INDEX alert_history_by_rule_issue ON alert_history (rule_id, issue_id, fired_at);

-- What was sent for an alert to each of its targets, with the attempts made. Deliveries still
-- pending when Picket stopped are sent on the next start.
CREATE TABLE alert_deliveries (
    id         BIGSERIAL PRIMARY KEY,
    history_id BIGINT NOT NULL REFERENCES alert_history (id) ON DELETE CASCADE,
    type       TEXT    NOT NULL CHECK (type IN ('email', 'webhook', 'slack')),
    target     TEXT    NOT NULL,  -- the address(es) or URL
    subject    TEXT,              -- the e-mail's subject
    payload    TEXT    NOT NULL,  -- what is sent: the JSON body, or the e-mail's text
    status     TEXT    NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts   INTEGER NOT NULL,
    last_error TEXT,
    updated_at BIGINT NOT NULL
);

CREATE INDEX alert_deliveries_by_history ON alert_deliveries (history_id);
