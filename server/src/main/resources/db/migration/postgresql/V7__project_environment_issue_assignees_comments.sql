-- What the pages add: a project's default environment, issue assignees and comments.
-- Times are epoch milliseconds (UTC).

-- The environment the issues list shows when no other is asked for; null shows all.
ALTER TABLE projects ADD COLUMN default_environment TEXT;

-- The member the issue is assigned to; null when nobody is.
ALTER TABLE issues ADD COLUMN assignee_user_id BIGINT REFERENCES users (id) ON DELETE SET NULL;

CREATE TABLE issue_comments (
    id         BIGSERIAL PRIMARY KEY,
    issue_id   BIGINT NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    text       TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX issue_comments_by_issue ON issue_comments (issue_id, created_at, id);
