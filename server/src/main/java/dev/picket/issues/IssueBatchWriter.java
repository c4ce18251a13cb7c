package dev.picket.issues;

import static dev.picket.issues.IssueStateColumns.setLong;
import static dev.picket.issues.IssueStateColumns.setString;

import dev.picket.store.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Writes issues within one processing transaction: finds or creates the issue of an event by its
 * grouping hashes (once per hash also when several instances process at once), gathers what each newly stored event adds to its issue, and on {@link #flush()}
 * writes each touched issue once (counts, first/last seen, latest level and title, releases,
 * regression and the end of an ignore), with its hourly buckets, distinct users and tag values.
 * Not thread-safe: one per transaction.
 */
public final class IssueBatchWriter implements AutoCloseable {

    private static final String FIND_HASH = "SELECT issue_id FROM issue_hashes WHERE project_id = ? AND hash = ?";
    private static final String LINK_HASH = """
            INSERT INTO issue_hashes (project_id, hash, issue_id) VALUES (?, ?, ?)
            ON CONFLICT (project_id, hash) DO NOTHING""";
    // The counter row's lock, held until commit, also makes the creation of a project's issues one
    // transaction at a time across instances: see create().
    private static final String NEXT_SHORT_ID = """
            INSERT INTO project_issue_counters (project_id, last_short_id) VALUES (?, 1)
            ON CONFLICT (project_id) DO UPDATE SET last_short_id = project_issue_counters.last_short_id + 1
            RETURNING last_short_id""";
    private static final String GIVE_BACK_SHORT_ID = """
            UPDATE project_issue_counters SET last_short_id = last_short_id - 1 WHERE project_id = ?""";
    private static final String CREATE = """
            INSERT INTO issues (project_id, short_id, type, title, culprit, level, platform, metadata, status,
                                substatus, status_changed_at, first_seen, last_seen, times_seen, user_count, first_release,
                                last_release)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'unresolved', 'new', ?, ?, ?, 0, 0, ?, ?) RETURNING id""";
    private static final String READ_STATE = "SELECT times_seen, user_count, " + IssueStateColumns.SELECT
            + " FROM issues WHERE id = ?";
    private static final String ADD_USER = """
            INSERT INTO issue_users (issue_id, user_key) VALUES (?, ?) ON CONFLICT (issue_id, user_key) DO NOTHING""";
    // Every right-hand side sees the row as it was before the update, so "latest" compares with the old last_seen.
    private static final String UPDATE = """
            UPDATE issues SET
                times_seen = times_seen + ?,
                user_count = user_count + ?,
                first_seen = CASE WHEN ? < first_seen THEN ? ELSE first_seen END,
                level = CASE WHEN ? >= last_seen THEN ? ELSE level END,
                title = CASE WHEN ? >= last_seen THEN ? ELSE title END,
                culprit = CASE WHEN ? >= last_seen THEN ? ELSE culprit END,
                metadata = CASE WHEN ? >= last_seen THEN ? ELSE metadata END,
                first_release = CASE WHEN first_release IS NULL THEN ? ELSE first_release END,
                last_release = CASE WHEN ? >= last_seen THEN ? ELSE last_release END,
                last_seen = CASE WHEN ? > last_seen THEN ? ELSE last_seen END,
                """ + IssueStateColumns.ASSIGN + " WHERE id = ?";
    private static final String ADD_HOUR = """
            INSERT INTO issue_hourly_counts (issue_id, hour, count) VALUES (?, ?, ?)
            ON CONFLICT (issue_id, hour) DO UPDATE SET count = issue_hourly_counts.count + excluded.count""";
    private static final String ADD_TAG = """
            INSERT INTO issue_tag_values (issue_id, key, value, times_seen, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (issue_id, key, value) DO UPDATE SET
                times_seen = issue_tag_values.times_seen + excluded.times_seen,
                first_seen = CASE WHEN excluded.first_seen < issue_tag_values.first_seen
                                  THEN excluded.first_seen ELSE issue_tag_values.first_seen END,
                last_seen = CASE WHEN excluded.last_seen > issue_tag_values.last_seen
                                 THEN excluded.last_seen ELSE issue_tag_values.last_seen END""";

    private final Connection transaction;
    private final SqlDialect dialect;
    private final long now;
    private final PreparedStatement findHash;
    private final PreparedStatement linkHash;
    private final Map<String, Long> knownHashes = new HashMap<>();
    // In id order: the order issues are locked in.
    private final Map<Long, IssueDelta> deltas = new TreeMap<>();

    /** @param now the processing time, epoch milliseconds: "ignore until" times are compared with it */
    public IssueBatchWriter(Connection transaction, long now) throws SQLException {
        this.transaction = transaction;
        this.dialect = SqlDialect.of(transaction);
        this.now = now;
        this.findHash = transaction.prepareStatement(FIND_HASH);
        this.linkHash = transaction.prepareStatement(LINK_HASH);
    }

    /**
     * The issue that already has one of {@code hashes} (the first found, primary hash first); the
     * hashes it did not have yet are linked to it, as Sentry adds new hashes to an existing group.
     */
    public OptionalLong find(long projectId, List<String> hashes) throws SQLException {
        Long found = null;
        List<String> unknown = new ArrayList<>();
        for (String hash : hashes) {
            Long issue = lookup(projectId, hash);
            if (issue == null) {
                unknown.add(hash);
            } else if (found == null) {
                found = issue;
            }
        }
        if (found == null) {
            return OptionalLong.empty();
        }
        link(projectId, unknown, found);
        return OptionalLong.of(found);
    }

    /**
     * The issue of an event none of whose hashes {@link #find} knew: a new issue with no events yet
     * ({@link #record} counts its first event), or the issue another transaction created for one of
     * the hashes since (Picket instances sharing a PostgreSQL database process side by side).
     */
    public IssueOfEvent create(NewIssue issue) throws SQLException {
        long shortId;
        try (PreparedStatement next = transaction.prepareStatement(NEXT_SHORT_ID)) {
            next.setLong(1, issue.projectId());
            shortId = single(next);
        }
        // Holding the counter, this is the project's only transaction creating issues, and it sees
        // every issue created before it took the counter (each statement reads what has committed).
        OptionalLong createdMeanwhile = findCommitted(issue.projectId(), issue.hashes());
        if (createdMeanwhile.isPresent()) {
            try (PreparedStatement giveBack = transaction.prepareStatement(GIVE_BACK_SHORT_ID)) {
                giveBack.setLong(1, issue.projectId());
                giveBack.executeUpdate();
            }
            return new IssueOfEvent(createdMeanwhile.getAsLong(), false);
        }
        long id;
        try (PreparedStatement create = transaction.prepareStatement(CREATE)) {
            int i = 1;
            create.setLong(i++, issue.projectId());
            create.setLong(i++, shortId);
            create.setString(i++, issue.type());
            create.setString(i++, issue.title());
            setString(create, i++, issue.culprit());
            create.setString(i++, issue.level());
            setString(create, i++, issue.platform());
            create.setString(i++, IssueJson.metadata(issue.metadata()));
            create.setLong(i++, now);
            create.setLong(i++, issue.timestamp());
            create.setLong(i++, issue.timestamp());
            setString(create, i++, issue.release());
            setString(create, i, issue.release());
            id = single(create);
        }
        link(issue.projectId(), issue.hashes(), id);
        return new IssueOfEvent(id, true);
    }

    /** @param created whether this transaction created the issue */
    public record IssueOfEvent(long id, boolean created) {
    }

    /** Counts a newly stored event for its issue; written on {@link #flush()}. */
    public void record(long issueId, Occurrence occurrence) {
        deltas.computeIfAbsent(issueId, id -> new IssueDelta()).add(occurrence);
    }

    /**
     * Writes what {@link #record} gathered: one update per issue. The issues are locked first, in id
     * order, and only then are their users, hours and tags written: transactions of several
     * instances that touch the same issues wait for each other in one order rather than deadlock,
     * and every count is added to the value the previous transaction committed.
     */
    public void flush() throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        List<Long> issueIds = List.copyOf(deltas.keySet());
        Map<Long, LockedIssue> locked = lock(issueIds);
        Map<Long, Long> newUsers = addUsers(issueIds);
        try (PreparedStatement update = transaction.prepareStatement(UPDATE)) {
            for (long issueId : issueIds) {
                IssueDelta delta = deltas.get(issueId);
                LockedIssue issue = locked.get(issueId);
                long users = newUsers.getOrDefault(issueId, 0L);
                IssueState next = issue.state().afterEvents(delta.releases, issue.timesSeen() + delta.events,
                        issue.userCount() + users, now);
                bindUpdate(update, issueId, delta, users, next);
                update.addBatch();
            }
            update.executeBatch();
        }
        writeHours(issueIds);
        writeTags(issueIds);
        deltas.clear();
    }

    private record LockedIssue(long timesSeen, long userCount, IssueState state) {
    }

    /**
     * Reads the issues' counts and state and locks them until commit, so that nothing else changes
     * them in between: another batch's counts, or a status change through the API.
     */
    private Map<Long, LockedIssue> lock(List<Long> issueIds) throws SQLException {
        Map<Long, LockedIssue> locked = new HashMap<>();
        try (PreparedStatement read = transaction.prepareStatement(READ_STATE + dialect.forNoKeyUpdate())) {
            for (long issueId : issueIds) {
                read.setLong(1, issueId);
                try (ResultSet row = read.executeQuery()) {
                    if (!row.next()) {
                        throw new SQLException("issue " + issueId + " vanished during processing");
                    }
                    locked.put(issueId, new LockedIssue(row.getLong("times_seen"), row.getLong("user_count"),
                            IssueStateColumns.read(row)));
                }
            }
        }
        return locked;
    }

    @Override
    public void close() throws SQLException {
        try (findHash; linkHash) {
            knownHashes.clear();
        }
    }

    private Long lookup(long projectId, String hash) throws SQLException {
        Long cached = knownHashes.get(projectId + ":" + hash);
        return cached != null ? cached : lookupCommitted(projectId, hash);
    }

    /** As {@link #find}, past this batch's cache of hashes it looked up. */
    private OptionalLong findCommitted(long projectId, List<String> hashes) throws SQLException {
        for (String hash : hashes) {
            Long issue = lookupCommitted(projectId, hash);
            if (issue != null) {
                return find(projectId, hashes);
            }
        }
        return OptionalLong.empty();
    }

    private Long lookupCommitted(long projectId, String hash) throws SQLException {
        String key = projectId + ":" + hash;
        findHash.setLong(1, projectId);
        findHash.setString(2, hash);
        try (ResultSet row = findHash.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            long issue = row.getLong(1);
            knownHashes.put(key, issue);
            return issue;
        }
    }

    private void link(long projectId, List<String> hashes, long issueId) throws SQLException {
        for (String hash : hashes) {
            linkHash.setLong(1, projectId);
            linkHash.setString(2, hash);
            linkHash.setLong(3, issueId);
            linkHash.executeUpdate();
            knownHashes.put(projectId + ":" + hash, issueId);
        }
    }

    /** Adds the batch's users to each issue; returns how many were new per issue. */
    private Map<Long, Long> addUsers(List<Long> issueIds) throws SQLException {
        Map<Long, Long> added = new HashMap<>();
        try (PreparedStatement insert = transaction.prepareStatement(ADD_USER)) {
            for (long issueId : issueIds) {
                for (String user : deltas.get(issueId).users) {
                    insert.setLong(1, issueId);
                    insert.setString(2, user);
                    if (insert.executeUpdate() == 1) {
                        added.merge(issueId, 1L, Long::sum);
                    }
                }
            }
        }
        return added;
    }

    private static void bindUpdate(PreparedStatement update, long issueId, IssueDelta delta, long users,
                                   IssueState next) throws SQLException {
        Occurrence latest = delta.latest;
        int i = 1;
        update.setLong(i++, delta.events);
        update.setLong(i++, users);
        update.setLong(i++, delta.firstSeen);
        update.setLong(i++, delta.firstSeen);
        update.setLong(i++, delta.lastSeen);
        update.setString(i++, latest.level());
        update.setLong(i++, delta.lastSeen);
        update.setString(i++, latest.title());
        update.setLong(i++, delta.lastSeen);
        setString(update, i++, latest.culprit());
        update.setLong(i++, delta.lastSeen);
        update.setString(i++, IssueJson.metadata(latest.metadata()));
        setString(update, i++, delta.firstRelease);
        // Without a release in the batch the comparison can never hold and last_release stays.
        setLong(update, i++, delta.lastRelease == null ? Long.MAX_VALUE : delta.lastReleaseSeen);
        setString(update, i++, delta.lastRelease);
        update.setLong(i++, delta.lastSeen);
        update.setLong(i++, delta.lastSeen);
        i = IssueStateColumns.bind(update, i, next);
        update.setLong(i, issueId);
    }

    private void writeHours(List<Long> issueIds) throws SQLException {
        try (PreparedStatement insert = transaction.prepareStatement(ADD_HOUR)) {
            for (long issueId : issueIds) {
                for (Map.Entry<Long, Long> hour : deltas.get(issueId).hourly.entrySet()) {
                    insert.setLong(1, issueId);
                    insert.setLong(2, hour.getKey());
                    insert.setLong(3, hour.getValue());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private void writeTags(List<Long> issueIds) throws SQLException {
        try (PreparedStatement insert = transaction.prepareStatement(ADD_TAG)) {
            for (long issueId : issueIds) {
                for (Map.Entry<EventTag, IssueDelta.TagDelta> tag : deltas.get(issueId).tags.entrySet()) {
                    insert.setLong(1, issueId);
                    insert.setString(2, tag.getKey().key());
                    insert.setString(3, tag.getKey().value());
                    insert.setLong(4, tag.getValue().count);
                    insert.setLong(5, tag.getValue().firstSeen);
                    insert.setLong(6, tag.getValue().lastSeen);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("no row returned");
            }
            return row.getLong(1);
        }
    }
}
