-- Organizations, their teams and members, API tokens, projects and their DSN keys.
-- Kept in step with db/migration/sqlite: same tables, columns, constraints and indexes. Times are
-- epoch milliseconds (UTC) throughout; flags are 0/1 SMALLINTs, as the code writes them for both databases.

CREATE TABLE organizations (
    id         BIGSERIAL PRIMARY KEY,
    slug       TEXT   NOT NULL UNIQUE,
    name       TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE teams (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    slug            TEXT   NOT NULL,
    name            TEXT   NOT NULL,
    created_at      BIGINT NOT NULL,
    UNIQUE (organization_id, slug)
);

CREATE TABLE users (
    id            BIGSERIAL PRIMARY KEY,
    -- Stored lower-case (SQLite's NOCASE): one account per address however it is typed at login.
    email         TEXT     NOT NULL UNIQUE CHECK (email = lower(email)),
    password_hash TEXT     NOT NULL,
    is_superuser  SMALLINT NOT NULL DEFAULT 0 CHECK (is_superuser IN (0, 1)),
    created_at    BIGINT   NOT NULL
);

CREATE TABLE organization_members (
    organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            TEXT   NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);

CREATE INDEX organization_members_by_user ON organization_members (user_id);

CREATE TABLE api_tokens (
    id           BIGSERIAL PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Hex SHA-256 of the token: a stolen database does not yield usable tokens.
    token_hash   TEXT   NOT NULL UNIQUE,
    name         TEXT   NOT NULL,
    -- Space-separated scopes, as Sentry writes them (org:read project:write ...).
    scopes       TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT
);

CREATE TABLE projects (
    -- A sequence never hands out an id twice: a project id is part of DSNs.
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    team_id         BIGINT NOT NULL REFERENCES teams (id),
    slug            TEXT   NOT NULL,
    name            TEXT   NOT NULL,
    platform        TEXT,
    created_at      BIGINT NOT NULL,
    UNIQUE (organization_id, slug)
);

CREATE TABLE project_keys (
    id                        BIGSERIAL PRIMARY KEY,
    project_id                BIGINT   NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    public_key                TEXT     NOT NULL UNIQUE CHECK (length(public_key) = 32),
    secret_key                TEXT     NOT NULL CHECK (length(secret_key) = 32),
    label                     TEXT     NOT NULL,
    is_active                 SMALLINT NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    rate_limit_count          BIGINT,
    rate_limit_window_seconds BIGINT,
    created_at                BIGINT   NOT NULL,
    CHECK ((rate_limit_count IS NULL) = (rate_limit_window_seconds IS NULL))
);

CREATE INDEX project_keys_by_project ON project_keys (project_id);
