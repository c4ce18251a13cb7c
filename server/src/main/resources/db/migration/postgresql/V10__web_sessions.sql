-- Web sessions (Spring Session JDBC), so that a restart does not sign anyone out and every instance
-- on the database knows every session. Spring Session's own layout, in lower case (its unquoted
-- SPRING_SESSION names find these tables on both databases); TEXT instead of its CHAR(36) and
-- VARCHAR(100), as elsewhere, so that no e-mail address is too long to be a principal name.

CREATE TABLE spring_session (
    primary_id            TEXT    NOT NULL PRIMARY KEY,
    session_id            TEXT    NOT NULL,  -- in the cookie; changes at sign-in, primary_id does not
    creation_time         BIGINT  NOT NULL,  -- epoch milliseconds
    last_access_time      BIGINT  NOT NULL,
    max_inactive_interval INTEGER NOT NULL,  -- seconds
    expiry_time           BIGINT  NOT NULL,
    principal_name        TEXT               -- the signed-in user's e-mail
);

CREATE UNIQUE INDEX spring_session_by_session_id ON spring_session (session_id);
CREATE INDEX spring_session_by_expiry_time ON spring_session (expiry_time);
CREATE INDEX spring_session_by_principal_name ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id TEXT  NOT NULL REFERENCES spring_session (primary_id) ON DELETE CASCADE,
    attribute_name     TEXT  NOT NULL,
    attribute_bytes    BYTEA NOT NULL,  -- the value, Java-serialized
    PRIMARY KEY (session_primary_id, attribute_name)
);
