package dev.picket.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitations to join an organization. Each is a link with a random token, usable once, for
 * {@link #VALID_FOR}; only the token's hash is stored. Whoever holds the link may use it (as in
 * Sentry): a signed-in user joins with their account, a new person makes an account for the
 * invited address.
 */
@Service
public class Invitations {

    static final Duration VALID_FOR = Duration.ofDays(7);
    private static final String COLUMNS = "id, organization_id, email, role, created_at, expires_at";

    private final JdbcClient jdbc;
    private final Users users;
    private final Organizations organizations;
    private final TransactionTemplate transaction;
    private final Clock clock;

    @Autowired
    Invitations(JdbcClient jdbc, Users users, Organizations organizations, TransactionTemplate transaction) {
        this(jdbc, users, organizations, transaction, Clock.systemUTC());
    }

    Invitations(JdbcClient jdbc, Users users, Organizations organizations, TransactionTemplate transaction,
                Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.organizations = organizations;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A new invitation and the token of its link, which cannot be read back later. */
    public record Issued(Invitation invitation, String token) {
    }

    /** An invitation that can still be accepted, and the organization it is to. */
    public record Open(Invitation invitation, Organization organization) {
    }

    /**
     * Invites {@code email} to the actor's organization as {@code role}.
     *
     * @throws AccountRuleException when the actor may not invite with that role, the address is
     *                              not one, or its user is a member already
     */
    public Issued issue(Membership actor, String email, OrganizationRole role) {
        RoleRules.checkInvitation(actor, role);
        String address = Users.requireEmail(email);
        boolean member = users.findByEmail(address)
                .flatMap(user -> organizations.findForMember(user.id(), actor.organization().slug()))
                .isPresent();
        if (member) {
            throw new AccountRuleException(address + " is a member already.");
        }
        String token = SecretTokens.generate();
        Instant now = clock.instant();
        Instant expires = now.plus(VALID_FOR);
        long id = jdbc.sql("""
                        INSERT INTO invitations (organization_id, email, role, token_hash, invited_by, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .param(actor.organization().id()).param(address).param(role.dbValue()).param(SecretTokens.hash(token))
                .param(actor.user().id()).param(now.toEpochMilli()).param(expires.toEpochMilli())
                .query(Long.class).single();
        return new Issued(new Invitation(id, actor.organization().id(), address, role, now, expires), token);
    }

    /** The organization's invitations that can still be accepted, newest first. */
    public List<Invitation> pending(Organization organization) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invitations WHERE organization_id = ?"
                        + " AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at DESC, id DESC")
                .param(organization.id()).param(clock.millis())
                .query(Invitations::invitation)
                .list();
    }

    /**
     * Revokes an invitation of the actor's organization: its link stops working.
     *
     * @throws AccountRuleException when the actor may not, or it was accepted or revoked already
     */
    public void revoke(Membership actor, long invitationId) {
        RoleRules.requireManager(actor);
        int revoked = jdbc.sql("""
                        UPDATE invitations SET revoked_at = ? WHERE id = ? AND organization_id = ?
                        AND accepted_at IS NULL AND revoked_at IS NULL""")
                .param(clock.millis()).param(invitationId).param(actor.organization().id())
                .update();
        if (revoked == 0) {
            throw new AccountRuleException("This invitation was accepted or revoked already.");
        }
    }

    /**
     * The invitation of the link with {@code token}, if it can still be accepted.
     *
     * @throws AccountRuleException saying why not: unknown, used, revoked or expired
     */
    public Open open(String token) {
        Optional<Stored> stored = jdbc.sql("SELECT " + COLUMNS + ", accepted_at, revoked_at FROM invitations"
                        + " WHERE token_hash = ?")
                .param(SecretTokens.hash(token))
                .query((row, rowNum) -> new Stored(invitation(row, rowNum), row.getObject("accepted_at") != null,
                        row.getObject("revoked_at") != null))
                .optional();
        Invitation invitation = stored.orElseThrow(() ->
                new AccountRuleException("This invitation link is not valid. Ask for a new one.")).invitation();
        if (stored.get().accepted()) {
            throw new AccountRuleException("This invitation has been used already.");
        }
        if (stored.get().revoked()) {
            throw new AccountRuleException("This invitation was revoked.");
        }
        if (!clock.instant().isBefore(invitation.expires())) {
            throw new AccountRuleException("This invitation expired. Ask for a new one.");
        }
        Organization organization = organizations.findById(invitation.organizationId()).orElseThrow();
        return new Open(invitation, organization);
    }

    /**
     * Makes the signed-in {@code user} a member with the invitation's role (a member already keeps
     * the role they have) and uses the invitation up.
     *
     * @throws AccountRuleException when the invitation cannot be accepted
     */
    public Organization accept(String token, User user) {
        return transaction.execute(status -> {
            Open open = open(token);
            claim(token, user);
            organizations.addMember(open.organization(), user, open.invitation().role());
            return open.organization();
        });
    }

    /**
     * Makes an account for the invited address with {@code password}, a member with the
     * invitation's role, and uses the invitation up.
     *
     * @throws AccountRuleException when the invitation cannot be accepted, the password is not
     *                              acceptable, or the address has an account already (then: sign in and accept)
     */
    public User acceptAsNewUser(String token, String password) {
        Users.requirePassword(password);
        return transaction.execute(status -> {
            Open open = open(token);
            if (users.findByEmail(open.invitation().email()).isPresent()) {
                throw new AccountRuleException("There is an account for " + open.invitation().email()
                        + " already: sign in to accept.");
            }
            User user = users.create(open.invitation().email(), password, false);
            claim(token, user);
            organizations.addMember(open.organization(), user, open.invitation().role());
            return user;
        });
    }

    /** Uses the invitation up unless someone else just did: the update names the state it expects. */
    private void claim(String token, User user) {
        long now = clock.millis();
        int claimed = jdbc.sql("""
                        UPDATE invitations SET accepted_at = ?, accepted_by = ? WHERE token_hash = ?
                        AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?""")
                .param(now).param(user.id()).param(SecretTokens.hash(token)).param(now)
                .update();
        if (claimed == 0) {
            throw new AccountRuleException("This invitation has been used already.");
        }
    }

    private record Stored(Invitation invitation, boolean accepted, boolean revoked) {
    }

    private static Invitation invitation(ResultSet row, int rowNum) throws SQLException {
        return new Invitation(row.getLong("id"), row.getLong("organization_id"), row.getString("email"),
                OrganizationRole.fromDb(row.getString("role")), Instant.ofEpochMilli(row.getLong("created_at")),
                Instant.ofEpochMilli(row.getLong("expires_at")));
    }
}
