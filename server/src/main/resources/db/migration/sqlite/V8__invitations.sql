-- Invitations to join an organization: a single-use link, sent to an e-mail address, that expires.

CREATE TABLE invitations (
    id              INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email           TEXT    NOT NULL,
    role            TEXT    NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    -- Hex SHA-256 of the link's token: the database alone does not let anyone join.
    token_hash      TEXT    NOT NULL UNIQUE,
    invited_by      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    accepted_at     INTEGER,
    accepted_by     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    revoked_at      INTEGER
);

CREATE INDEX invitations_by_organization ON invitations (organization_id);
