package dev.picket.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Personal API tokens for the REST API. Only a SHA-256 hash of each token is stored: tokens are
 * long random strings, so a fast unsalted hash is enough to make a leaked table useless.
 */
@Service
public class ApiTokens {

    /** Writing last-use on every request would add a write to every read; a minute is precise enough. */
    private static final long LAST_USED_PRECISION_MILLIS = 60_000;

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a new random token for {@code user} and returns it; it cannot be read back later. */
    public String create(User user, String name, Set<String> scopes) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        store(user, name, scopes, token);
        return token;
    }

    /** Stores a token chosen by the operator (the configured admin token), unless it is already stored. */
    boolean storeIfAbsent(User user, String name, Set<String> scopes, String token) {
        return jdbc.sql("""
                        INSERT INTO api_tokens (user_id, token_hash, name, scopes, created_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (token_hash) DO NOTHING""")
                .param(user.id()).param(hash(token)).param(name).param(String.join(" ", new TreeSet<>(scopes)))
                .param(clock.millis())
                .update() == 1;
    }

    /** The user and scopes of {@code token}; empty when no such token exists. */
    public Optional<ApiUser> authenticate(String token) {
        Optional<StoredToken> stored = jdbc.sql("""
                        SELECT t.id, t.scopes, t.last_used_at, u.id AS user_id, u.email FROM api_tokens t
                        JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?""")
                .param(hash(token))
                .query((row, rowNum) -> new StoredToken(row.getLong("id"), row.getLong("last_used_at"),
                        new ApiUser(row.getLong("user_id"), row.getString("email"),
                                Set.copyOf(Arrays.asList(row.getString("scopes").split(" "))))))
                .optional();
        stored.ifPresent(this::recordUse);
        return stored.map(StoredToken::user);
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

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    private record StoredToken(long id, long lastUsedAt, ApiUser user) {
    }
}
