-- Invitations to join an organization: a single-use link, sent to an e-mail address, that expires.
-- Kept in step with db/migration/sqlite.

CREATE TABLE invitations (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email           TEXT   NOT NULL,
    role            TEXT   NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    -- Hex SHA-256 of the link's token: the database alone does not let anyone join.
    token_hash      TEXT   NOT NULL UNIQUE,
    invited_by      BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    accepted_at     BIGINT,
    accepted_by     BIGINT REFERENCES users (id) ON DELETE SET NULL,
    revoked_at      BIGINT
);

CREATE INDEX invitations_by_organization ON invitations (organization_id);
