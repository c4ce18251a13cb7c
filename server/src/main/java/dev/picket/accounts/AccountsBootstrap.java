package dev.picket.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prepares an empty database on first start: the {@code default} organization and team, and the
 * administrator (and their API token) named by {@link AdminProperties}. Later starts find them and
 * change nothing; an administrator who already exists keeps the password they have.
 */
@Component
class AccountsBootstrap implements ApplicationRunner {

    static final String DEFAULT_SLUG = "default";
    private static final Logger log = LoggerFactory.getLogger(AccountsBootstrap.class);

    private final Organizations organizations;
    private final Users users;
    private final ApiTokens tokens;
    private final AdminProperties admin;
    private final TransactionTemplate transaction;

    AccountsBootstrap(Organizations organizations, Users users, ApiTokens tokens, AdminProperties admin,
                      TransactionTemplate transaction) {
        this.organizations = organizations;
        this.users = users;
        this.tokens = tokens;
        this.admin = admin;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            createDefaultOrganization();
            if (admin.hasAccount()) {
                createAdministrator();
            }
        });
    }

    private void createDefaultOrganization() {
        if (!organizations.isEmpty()) {
            return;
        }
        Organization organization;
        try {
            organization = organizations.create(DEFAULT_SLUG, "Default");
        } catch (AccountRuleException createdByAnotherInstance) {
            // Instances started together on one empty database: the first one creates it.
            return;
        }
        organizations.createTeam(organization, Organizations.DEFAULT_TEAM_SLUG, "Default");
        log.info("Created organization '{}' with team '{}'", DEFAULT_SLUG, Organizations.DEFAULT_TEAM_SLUG);
    }

    private void createAdministrator() {
        User user = users.findByEmail(admin.email()).orElseGet(() -> {
            User created = users.create(admin.email(), admin.password(), true);
            log.info("Created administrator {} (superuser)", created.email());
            return created;
        });
        organizations.findBySlug(DEFAULT_SLUG)
                .filter(organization -> organizations.addMember(organization, user, OrganizationRole.OWNER))
                .ifPresent(organization ->
                        log.info("Made {} an owner of organization '{}'", user.email(), organization.slug()));
        if (admin.hasToken() && tokens.storeIfAbsent(user, "admin", Scopes.ALL, admin.token())) {
            log.info("Created API token 'admin' with all scopes for {}", user.email());
        }
    }
}
