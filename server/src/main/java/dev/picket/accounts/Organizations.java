package dev.picket.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Organizations, their teams and who is a member of them. */
@Service
public class Organizations {

    static final String DEFAULT_TEAM_SLUG = "default";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    Organizations(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** The organizations {@code userId} is a member of, by name. */
    public List<Organization> listForMember(long userId) {
        return jdbc.sql("""
                        SELECT o.id, o.slug, o.name, o.created_at FROM organizations o
                        JOIN organization_members m ON m.organization_id = o.id
                        WHERE m.user_id = ? ORDER BY o.name, o.id""")
                .param(userId)
                .query(Organizations::organization)
                .list();
    }

    /** The organization {@code slug} if {@code userId} is a member of it; empty when it does not exist or is not theirs. */
    public Optional<Organization> findForMember(long userId, String slug) {
        return jdbc.sql("""
                        SELECT o.id, o.slug, o.name, o.created_at FROM organizations o
                        JOIN organization_members m ON m.organization_id = o.id
                        WHERE m.user_id = ? AND o.slug = ?""")
                .param(userId).param(slug)
                .query(Organizations::organization)
                .optional();
    }

    public Optional<Organization> findBySlug(String slug) {
        return jdbc.sql("SELECT id, slug, name, created_at FROM organizations WHERE slug = ?")
                .param(slug)
                .query(Organizations::organization)
                .optional();
    }

    public Optional<Organization> findById(long id) {
        return jdbc.sql("SELECT id, slug, name, created_at FROM organizations WHERE id = ?")
                .param(id)
                .query(Organizations::organization)
                .optional();
    }

    public Optional<Team> findTeam(long organizationId, String teamSlug) {
        return jdbc.sql("SELECT id, organization_id, slug, name FROM teams WHERE organization_id = ? AND slug = ?")
                .param(organizationId).param(teamSlug)
                .query(Organizations::team)
                .optional();
    }

    public List<Team> listTeams(long organizationId) {
        return jdbc.sql("SELECT id, organization_id, slug, name FROM teams WHERE organization_id = ? ORDER BY slug")
                .param(organizationId)
                .query(Organizations::team)
                .list();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM organizations)").query(Boolean.class).single();
    }

    /** @throws AccountRuleException when the slug is taken, also by a request that took it a moment ago */
    public Organization create(String slug, String name) {
        long now = clock.millis();
        long id = jdbc.sql("""
                        INSERT INTO organizations (slug, name, created_at) VALUES (?, ?, ?)
                        ON CONFLICT (slug) DO NOTHING RETURNING id""")
                .param(slug).param(name).param(now)
                .query(Long.class).optional()
                .orElseThrow(() -> new AccountRuleException(
                        "The address /organizations/" + slug + "/ is taken; choose another name."));
        return new Organization(id, slug, name, Instant.ofEpochMilli(now));
    }

    public Team createTeam(Organization organization, String slug, String name) {
        long id = jdbc.sql("INSERT INTO teams (organization_id, slug, name, created_at) VALUES (?, ?, ?, ?) RETURNING id")
                .param(organization.id()).param(slug).param(name).param(clock.millis())
                .query(Long.class).single();
        return new Team(id, organization.id(), slug, name);
    }

    /**
     * Creates an organization named {@code name} (its slug made from the name), with a default team,
     * owned by {@code owner}.
     *
     * @throws AccountRuleException when the name is unusable or its slug is taken
     */
    public Organization createOwnedBy(User owner, String name) {
        String organizationName = AccountNames.requireName(name);
        String slug = AccountNames.slugOf(organizationName);
        return transaction.execute(status -> {
            Organization organization = create(slug, organizationName);
            createTeam(organization, DEFAULT_TEAM_SLUG, "Default");
            addMember(organization, owner, OrganizationRole.OWNER);
            return organization;
        });
    }

    /**
     * Renames the organization; its slug, and with it every address of its pages and API, stays.
     *
     * @throws AccountRuleException when {@code actor} is not an owner or the name is unusable
     */
    public Organization rename(Membership actor, String name) {
        RoleRules.requireOwner(actor);
        String organizationName = AccountNames.requireName(name);
        jdbc.sql("UPDATE organizations SET name = ? WHERE id = ?")
                .param(organizationName).param(actor.organization().id()).update();
        Organization old = actor.organization();
        return new Organization(old.id(), old.slug(), organizationName, old.dateCreated());
    }

    /**
     * Makes {@code user} a member of {@code organization}; a member already there keeps the role it has.
     *
     * @return true when the user was not a member before
     */
    public boolean addMember(Organization organization, User user, OrganizationRole role) {
        return jdbc.sql("""
                        INSERT INTO organization_members (organization_id, user_id, role, created_at)
                        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .param(organization.id()).param(user.id()).param(role.dbValue()).param(clock.millis())
                .update() == 1;
    }

    private static Organization organization(ResultSet row, int rowNum) throws SQLException {
        return new Organization(row.getLong("id"), row.getString("slug"), row.getString("name"),
                Instant.ofEpochMilli(row.getLong("created_at")));
    }

    private static Team team(ResultSet row, int rowNum) throws SQLException {
        return new Team(row.getLong("id"), row.getLong("organization_id"), row.getString("slug"), row.getString("name"));
    }
}
