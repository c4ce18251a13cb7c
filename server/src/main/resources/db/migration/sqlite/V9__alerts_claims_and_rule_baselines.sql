-- Several instances on one database: a delivery is sent by the one instance that claimed it, until
-- its claim runs out (the instance stopped or died); then another may take it over.
ALTER TABLE alert_deliveries ADD COLUMN claimed_by TEXT;        -- the instance sending it
ALTER TABLE alert_deliveries ADD COLUMN claimed_until INTEGER;  -- epoch milliseconds

CREATE INDEX alert_deliveries_by_status ON alert_deliveries (status, claimed_until);

-- The baseline of a spike rule with filters: its matching events per hour of event time, since
-- the project's hourly counts hold all its events. Rows older than the baseline's days go.
CREATE TABLE alert_rule_hourly_counts (
    rule_id INTEGER NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
    hour    INTEGER NOT NULL,  -- epoch milliseconds at the start of the hour
    events  INTEGER NOT NULL,
    PRIMARY KEY (rule_id, hour)
);

CREATE INDEX alert_rule_hourly_counts_by_hour ON alert_rule_hourly_counts (hour);

-- (alert_window_counts and alert_window_users count minutes of event time from here on, not of
-- processing: the columns stay as they are.)
