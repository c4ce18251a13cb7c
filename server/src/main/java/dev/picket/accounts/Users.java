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

    public static final int MIN_PASSWORD_LENGTH = 8;

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

    /**
     * Replaces {@code user}'s password, given the one they have now.
     *
     * @throws AccountRuleException when the current password is wrong or the new one too short
     */
    public void changePassword(User user, String currentPassword, String newPassword) {
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE id = ?").param(user.id())
                .query(String.class).single();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, hash)) {
            throw new AccountRuleException("The current password is not right.");
        }
        requirePassword(newPassword);
        jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?")
                .param(passwordEncoder.encode(newPassword)).param(user.id()).update();
    }

    /** @throws AccountRuleException when {@code password} is too short to be a password */
    public static void requirePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new AccountRuleException("A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
    }

    /**
     * The address, stripped and lower-cased.
     *
     * @throws AccountRuleException when it does not look like an e-mail address
     */
    public static String requireEmail(String email) {
        if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+")) {
            throw new AccountRuleException("Enter an e-mail address such as someone@example.com.");
        }
        return normalize(email);
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
