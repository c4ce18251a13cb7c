package dev.picket.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Personal API tokens for the REST API. Only a hash of each token is stored ({@link SecretTokens}). */
@Service
public class ApiTokens {

    /** Writing last-use on every request would add a write to every read; a minute is precise enough. */
    private static final long LAST_USED_PRECISION_MILLIS = 60_000;

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates a new random token for {@code user} and returns it; it cannot be read back later.
     *
     * @throws AccountRuleException when the name is empty or too long, or the scopes are none or unknown
     */
    public String create(User user, String name, Set<String> scopes) {
        String tokenName = AccountNames.requireName(name);
        if (scopes.isEmpty()) {
            throw new AccountRuleException("Choose at least one scope.");
        }
        if (!Scopes.ALL.containsAll(scopes)) {
            throw new AccountRuleException("Unknown scopes: " + String.join(" ", scopes.stream()
                    .filter(scope -> !Scopes.ALL.contains(scope)).sorted().toList()) + ".");
        }
        String token = SecretTokens.generate();
        store(user, tokenName, scopes, token);
        return token;
    }

    /** Stores a token chosen by the operator (the configured admin token), unless it is already stored. */
    boolean storeIfAbsent(User user, String name, Set<String> scopes, String token) {
        return jdbc.sql("""
                        INSERT INTO api_tokens (user_id, token_hash, name, scopes, created_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (token_hash) DO NOTHING""")
                .param(user.id()).param(SecretTokens.hash(token)).param(name).param(String.join(" ", new TreeSet<>(scopes)))
                .param(clock.millis())
                .update() == 1;
    }

    /** The user and scopes of {@code token}; empty when no such token exists. */
    public Optional<ApiUser> authenticate(String token) {
        Optional<StoredToken> stored = jdbc.sql("""
                        SELECT t.id, t.scopes, t.last_used_at, u.id AS user_id, u.email FROM api_tokens t
                        JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?""")
                .param(SecretTokens.hash(token))
                .query((row, rowNum) -> new StoredToken(row.getLong("id"), row.getLong("last_used_at"),
                        new ApiUser(row.getLong("user_id"), row.getString("email"),
                                Set.copyOf(Arrays.asList(row.getString("scopes").split(" "))))))
                .optional();
        stored.ifPresent(this::recordUse);
        return stored.map(StoredToken::user);
    }

    /** {@code user}'s tokens, newest first; the tokens themselves cannot be listed, only what describes them. */
    public List<ApiTokenInfo> listFor(User user) {
        return jdbc.sql("""
                        SELECT id, name, scopes, created_at, last_used_at FROM api_tokens
                        WHERE user_id = ? ORDER BY created_at DESC, id DESC""")
                .param(user.id())
                .query((row, rowNum) -> {
                    long lastUsed = row.getLong("last_used_at");
                    Instant lastUsedAt = row.wasNull() ? null : Instant.ofEpochMilli(lastUsed);
                    return new ApiTokenInfo(row.getLong("id"), row.getString("name"),
                            new TreeSet<>(Arrays.asList(row.getString("scopes").split(" "))),
                            Instant.ofEpochMilli(row.getLong("created_at")), lastUsedAt);
                })
                .list();
    }

    /**
     * Deletes {@code user}'s token {@code tokenId}; from then on requests with it get 401.
     *
     * @return false when the user has no such token (another user's token is left alone)
     */
    public boolean revoke(User user, long tokenId) {
        return jdbc.sql("DELETE FROM api_tokens WHERE id = ? AND user_id = ?").param(tokenId).param(user.id())
                .update() == 1;
    }

    private void store(User user, String name, Set<String> scopes, String token) {
        if (!storeIfAbsent(user, name, scopes, token)) {
            throw new IllegalStateException("a freshly generated API token collided with a stored one");
        }
    }

    private void recordUse(StoredToken token) {
        long now = clock.millis();
        if (now - token.lastUsedAt() >= LAST_USED_PRECISION_MILLIS) {
            jdbc.sql("UPDATE api_tokens SET last_used_at = ? WHERE id = ?").param(now).param(token.id()).update();
        }
    }

    private record StoredToken(long id, long lastUsedAt, ApiUser user) {
    }
}
