package dev.picket.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Who is a member of an organization, with which role, and changes to that under {@link RoleRules}. */
@Service
public class Memberships {

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final TransactionTemplate transaction;

    Memberships(JdbcClient jdbc, Organizations organizations, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.transaction = transaction;
    }

    /** {@code user}'s membership of the organization {@code slug}; empty when it does not exist or is not theirs. */
    public Optional<Membership> find(User user, String slug) {
        return organizations.findForMember(user.id(), slug)
                .flatMap(organization -> role(organization.id(), user.id())
                        .map(role -> new Membership(organization, user, role)));
    }

    /** {@code user}'s memberships, by organization name. */
    public List<Membership> listFor(User user) {
        return jdbc.sql("""
                        SELECT o.id, o.slug, o.name, o.created_at, m.role FROM organizations o
                        JOIN organization_members m ON m.organization_id = o.id
                        WHERE m.user_id = ? ORDER BY o.name, o.id""")
                .param(user.id())
                .query((row, rowNum) -> new Membership(
                        new Organization(row.getLong("id"), row.getString("slug"), row.getString("name"),
                                Instant.ofEpochMilli(row.getLong("created_at"))),
                        user, OrganizationRole.fromDb(row.getString("role"))))
                .list();
    }

    /** The members of {@code organization}: owners first, then admins, then members; by e-mail within each. */
    public List<Member> list(Organization organization) {
        return jdbc.sql("""
                        SELECT u.id, u.email, m.role, m.created_at FROM organization_members m
                        JOIN users u ON u.id = m.user_id WHERE m.organization_id = ?
                        ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END, u.email""")
                .param(organization.id())
                .query((row, rowNum) -> new Member(row.getLong("id"), row.getString("email"),
                        OrganizationRole.fromDb(row.getString("role")), Instant.ofEpochMilli(row.getLong("created_at"))))
                .list();
    }

    /**
     * Gives the member {@code userId} the role {@code wanted}.
     *
     * @throws AccountRuleException when {@code actor} may not, the user is not a member, or no owner would be left
     */
    public void changeRole(Membership actor, long userId, OrganizationRole wanted) {
        long organizationId = actor.organization().id();
        transaction.executeWithoutResult(status -> {
            lock(organizationId);
            OrganizationRole current = existingRole(organizationId, userId);
            RoleRules.checkRoleChange(actor, current, wanted, owners(organizationId));
            jdbc.sql("UPDATE organization_members SET role = ? WHERE organization_id = ? AND user_id = ?")
                    .param(wanted.dbValue()).param(organizationId).param(userId).update();
        });
    }

    /**
     * Removes the member {@code userId} (the actor themselves: they leave).
     *
     * @throws AccountRuleException when {@code actor} may not, the user is not a member, or no owner would be left
     */
    public void remove(Membership actor, long userId) {
        long organizationId = actor.organization().id();
        transaction.executeWithoutResult(status -> {
            lock(organizationId);
            OrganizationRole current = existingRole(organizationId, userId);
            RoleRules.checkRemoval(actor, userId, current, owners(organizationId));
            jdbc.sql("DELETE FROM organization_members WHERE organization_id = ? AND user_id = ?")
                    .param(organizationId).param(userId).update();
        });
    }

    /**
     * Writing the organization's row first makes membership changes of one organization take turns
     * (a row lock on PostgreSQL, the write lock on SQLite), so two owners demoting each other at the
     * same moment cannot both see the other as the remaining owner.
     */
    private void lock(long organizationId) {
        jdbc.sql("UPDATE organizations SET name = name WHERE id = ?").param(organizationId).update();
    }

    private OrganizationRole existingRole(long organizationId, long userId) {
        return role(organizationId, userId).orElseThrow(() -> new AccountRuleException("This user is not a member."));
    }

    /** The role of {@code userId} in the organization; empty when they are not a member of it. */
    public Optional<OrganizationRole> role(long organizationId, long userId) {
        return jdbc.sql("SELECT role FROM organization_members WHERE organization_id = ? AND user_id = ?")
                .param(organizationId).param(userId)
                .query(String.class).optional().map(OrganizationRole::fromDb);
    }

    private int owners(long organizationId) {
        return jdbc.sql("SELECT count(*) FROM organization_members WHERE organization_id = ? AND role = 'owner'")
                .param(organizationId).query(Integer.class).single();
    }
}
