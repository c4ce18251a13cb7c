package dev.picket.issues;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Comments on issues: members write them, and only their author deletes them. */
@Service
public class IssueComments {

    public static final int MAX_LENGTH = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    IssueComments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The issue's comments, oldest first, as a conversation reads. */
    public List<IssueComment> list(long issueId) {
        return jdbc.sql("SELECT id, issue_id, user_id, text, created_at FROM issue_comments WHERE issue_id = ?"
                        + " ORDER BY created_at, id")
                .param(issueId)
                .query((row, n) -> new IssueComment(row.getLong(1), row.getLong(2), row.getLong(3), row.getString(4),
                        Instant.ofEpochMilli(row.getLong(5))))
                .list();
    }

    /** @throws IllegalArgumentException when the text is blank or longer than {@link #MAX_LENGTH} */
    public IssueComment add(long issueId, long authorId, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A comment needs some text.");
        }
        String stripped = text.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A comment may have at most " + MAX_LENGTH + " characters.");
        }
        long now = clock.millis();
        long id = jdbc.sql("INSERT INTO issue_comments (issue_id, user_id, text, created_at) VALUES (?, ?, ?, ?)"
                        + " RETURNING id")
                .param(issueId).param(authorId).param(stripped).param(now).query(Long.class).single();
        return new IssueComment(id, issueId, authorId, stripped, Instant.ofEpochMilli(now));
    }

    /** Deletes the comment if it is on this issue and {@code authorId} wrote it; false otherwise. */
    public boolean delete(long issueId, long commentId, long authorId) {
        return jdbc.sql("DELETE FROM issue_comments WHERE id = ? AND issue_id = ? AND user_id = ?")
                .param(commentId).param(issueId).param(authorId).update() == 1;
    }
}
