package dev.picket.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** User accounts. Passwords are stored only as hashes of {@link PasswordEncoder}. */
@Service
public class Users {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock = Clock.systemUTC();

    Users(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    public User create(String email, String password, boolean superuser) {
        String normalized = normalize(email);
        long id = jdbc.sql("""
                        INSERT INTO users (email, password_hash, is_superuser, created_at)
                        VALUES (?, ?, ?, ?) RETURNING id""")
                .param(normalized).param(passwordEncoder.encode(password)).param(superuser ? 1 : 0).param(clock.millis())
                .query(Long.class).single();
        return new User(id, normalized, superuser);
    }

    public Optional<User> findByEmail(String email) {
        return jdbc.sql("SELECT id, email, is_superuser FROM users WHERE email = ?")
                .param(normalize(email))
                .query(Users::user)
                .optional();
    }

    /** The user {@code email} with their stored password hash, for password login. */
    Optional<Credentials> findCredentials(String email) {
        return jdbc.sql("SELECT id, email, is_superuser, password_hash FROM users WHERE email = ?")
                .param(normalize(email))
                .query((row, rowNum) -> new Credentials(user(row, rowNum), row.getString("password_hash")))
                .optional();
    }

    record Credentials(User user, String passwordHash) {
    }

    private static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static User user(ResultSet row, int rowNum) throws SQLException {
        return new User(row.getLong("id"), row.getString("email"), row.getBoolean("is_superuser"));
    }
}
