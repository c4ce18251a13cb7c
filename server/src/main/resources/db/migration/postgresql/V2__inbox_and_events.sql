-- The inbox: envelopes ingestion accepted, durable before the SDK is answered.
-- A replay of the same event (same project and event id) is stored once; rows without an
-- event id (sessions, client reports) never conflict, as NULLs are distinct in a UNIQUE key.
CREATE TABLE inbox (
    id           BIGSERIAL PRIMARY KEY,
    project_id   BIGINT NOT NULL,
    event_id     TEXT,
    received_at  BIGINT NOT NULL,  -- epoch milliseconds
    payload      BYTEA  NOT NULL,  -- the envelope, zstd-compressed
    processed_at BIGINT,           -- epoch milliseconds; NULL until the processor took the row
    error        TEXT,             -- why the row could not be processed, or NULL
    UNIQUE (project_id, event_id)
);

-- The processor reads unprocessed rows in id order; processed rows stay out of this index.
CREATE INDEX inbox_unprocessed ON inbox (id) WHERE processed_at IS NULL;
CREATE INDEX inbox_failed ON inbox (id) WHERE error IS NOT NULL;

-- Events and transactions as the SDK sent them, one row per project and event id.
CREATE TABLE events (
    id          BIGSERIAL PRIMARY KEY,
    project_id  BIGINT NOT NULL,
    event_id    TEXT   NOT NULL,
    type        TEXT   NOT NULL CHECK (type IN ('error', 'transaction')),
    received_at BIGINT NOT NULL,  -- epoch milliseconds
    payload     BYTEA  NOT NULL,  -- the item's JSON, zstd-compressed
    UNIQUE (project_id, event_id)
);
