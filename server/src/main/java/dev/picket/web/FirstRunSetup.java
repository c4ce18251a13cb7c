package dev.picket.web;

import dev.picket.accounts.OrganizationRole;
import dev.picket.accounts.Organizations;
import dev.picket.accounts.User;
import dev.picket.accounts.Users;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first administrator for an installation started without {@code PICKET_ADMIN_*}: while no
 * superuser exists, the setup page may create one, who owns every organization there is (on a
 * first start, just {@code default}). Once one exists, setup is closed for good.
 */
@Service
class FirstRunSetup {

    static final int MIN_PASSWORD_LENGTH = 8;

    private final JdbcClient jdbc;
    private final Users users;
    private final Organizations organizations;
    private final TransactionTemplate transaction;

    FirstRunSetup(JdbcClient jdbc, Users users, Organizations organizations, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.users = users;
        this.organizations = organizations;
        this.transaction = transaction;
    }

    boolean isOpen() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM users WHERE is_superuser = 1)").query(Boolean.class).single();
    }

    /**
     * Creates the administrator.
     *
     * @throws IllegalArgumentException with a reason to show when the input is not acceptable
     * @throws SetupClosedException     when an administrator exists already (another browser was faster)
     */
    User createAdministrator(String email, String password) {
        if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("Enter an e-mail address such as you@example.com.");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("The password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        // SQLite runs one write transaction at a time, so two browsers cannot both find setup open.
        return transaction.execute(status -> {
            if (!isOpen()) {
                throw new SetupClosedException();
            }
            if (users.findByEmail(email).isPresent()) {
                throw new IllegalArgumentException("A user with this e-mail exists; sign in instead.");
            }
            User admin = users.create(email, password, true);
            jdbc.sql("SELECT slug FROM organizations ORDER BY id").query(String.class).list()
                    .forEach(slug -> organizations.findBySlug(slug)
                            .ifPresent(organization -> organizations.addMember(organization, admin,
                                    OrganizationRole.OWNER)));
            return admin;
        });
    }

    static final class SetupClosedException extends RuntimeException {
        SetupClosedException() {
            super("An administrator exists already.");
        }
    }
}
