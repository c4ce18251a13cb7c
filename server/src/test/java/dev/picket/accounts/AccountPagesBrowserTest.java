package dev.picket.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.picket.api.HttpApi;
import dev.picket.projects.Projects;
import dev.picket.web.BrowserTest;
import dev.picket.web.SignIn;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The accounts pages in a real browser, as the administrator of the test profile and the people
 * they invite: organizations, the switcher, invitations, API tokens and passwords.
 */
class AccountPagesBrowserTest extends BrowserTest {

    @Autowired
    Projects projects;

    @Autowired
    Users users;

    @Test
    void invitedPersonMakesAnAccountAndSeesTheOrganizationsProjectsOnly() {
        String organizationName = "Acme " + unique();
        String otherProject = "default-only-" + unique();
        projects.create("default", "default", otherProject);
        Page admin = signedInAdmin();
        String slug = createOrganization(admin, organizationName);
        String acmeProject = "acme-app-" + unique();
        projects.create(slug, "default", acmeProject);
        String invitee = "invitee-" + unique() + "@example.com";

        String link = invite(admin, slug, invitee, "member");

        Page newcomer = chromium.newPage(port);
        newcomer.navigate(link);
        assertThat(newcomer.locator("h1")).hasText("Join " + organizationName);
        newcomer.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("newcomer-password");
        newcomer.getByLabel("Password again").fill("newcomer-password");
        newcomer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account and join")).click();
        assertThat(newcomer.locator("p.notice")).containsText("Your account " + invitee + " is ready");
        SignIn.as(newcomer, invitee, "newcomer-password");

        newcomer.navigate("/");
        assertThat(newcomer.getByText(acmeProject)).isVisible();
        assertThat(newcomer.getByText(otherProject)).hasCount(0);
        assertThat(newcomer.navigate("/organizations/default/").status()).isEqualTo(404);
        newcomer.context().close();
    }

    @Test
    void invitationLinkWorksOnce() {
        Page admin = signedInAdmin();
        String link = invite(admin, "default", "once-" + unique() + "@example.com", "member");
        Page first = chromium.newPage(port);
        first.navigate(link);
        first.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("first-password");
        first.getByLabel("Password again").fill("first-password");
        first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account and join")).click();
        assertThat(first).hasURL(Pattern.compile(".*/login$"));

        Page second = chromium.newPage(port);
        assertThat(second.navigate(link).status()).isEqualTo(410);
        assertThat(second.locator("p.error")).hasText("This invitation has been used already.");
        first.context().close();
        second.context().close();
    }

    @Test
    void revokedInvitationLinkNoLongerWorks() {
        Page admin = signedInAdmin();
        String invitee = "revoked-" + unique() + "@example.com";
        String link = invite(admin, "default", invitee, "member");

        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke invitation of " + invitee)).click();
        assertThat(admin.locator("p.notice")).hasText("Invitation revoked.");

        Page stranger = chromium.newPage(port);
        assertThat(stranger.navigate(link).status()).isEqualTo(410);
        assertThat(stranger.locator("p.error")).hasText("This invitation was revoked.");
        stranger.context().close();
    }

    @Test
    void someoneWithAnAccountSignsInThroughTheLinkAndJoins() {
        String email = "existing-" + unique() + "@example.com";
        users.create(email, "existing-password", false);
        Page admin = signedInAdmin();
        String slug = createOrganization(admin, "Joinable " + unique());
        String link = invite(admin, slug, email, "admin");
        Page invitee = chromium.newPage(port);
        invitee.navigate(link);

        invitee.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("sign in to accept")).click();
        SignIn.as(invitee, email, "existing-password");
        invitee.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join organization")).click();

        assertThat(invitee).hasURL(Pattern.compile(".*/organizations/" + slug + "/$"));
        assertThat(invitee.locator("p.notice")).containsText("Welcome to Joinable");
        assertThat(invitee.locator("main")).containsText("You are admin of this organization.");
        invitee.context().close();
    }

    @Test
    void adminCreatesRenamesAndDeletesATeam() {
        Page admin = signedInAdmin();
        String slug = createOrganization(admin, "Teamed " + unique());
        admin.navigate("/organizations/" + slug + "/teams/");

        admin.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Mobile");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create team")).click();
        assertThat(admin.locator("p.notice")).hasText("Team created.");
        admin.getByLabel("New name of team Mobile").fill("Mobile apps");
        admin.locator("tr", new Page.LocatorOptions().setHasText("mobile"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rename")).click();
        assertThat(admin.locator("table.teams")).containsText("Mobile apps");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete team Mobile apps")).click();

        assertThat(admin.locator("p.notice")).hasText("Team deleted.");
        assertThat(admin.locator("table.teams tbody tr")).hasCount(1);
    }

    @Test
    void switcherLeadsToTheOtherOrganization() {
        String organizationName = "Switch " + unique();
        Page admin = signedInAdmin();
        String slug = createOrganization(admin, organizationName);
        admin.navigate("/organizations/default/");
        assertThat(admin.locator(".org-switcher summary")).hasText("Default");

        admin.locator(".org-switcher summary").click();
        admin.locator(".org-switcher").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName(organizationName)).click();

        assertThat(admin).hasURL(Pattern.compile(".*/organizations/" + slug + "/$"));
        assertThat(admin.locator("h1")).hasText(organizationName);
        assertThat(admin.locator(".org-switcher summary")).hasText(organizationName);
    }

    @Test
    void memberSeesMembersReadOnly() {
        String email = "reader-" + unique() + "@example.com";
        Page admin = signedInAdmin();
        String link = invite(admin, "default", email, "member");
        Page reader = chromium.newPage(port);
        reader.navigate(link);
        reader.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("reader-password");
        reader.getByLabel("Password again").fill("reader-password");
        reader.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account and join")).click();
        SignIn.as(reader, email, "reader-password");

        reader.navigate("/organizations/default/members/");

        assertThat(reader.locator("tr[data-email='" + SignIn.ADMIN_EMAIL + "'] td.role")).hasText("owner");
        assertThat(reader.locator("select[name=role]")).hasCount(0);
        assertThat(reader.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite").setExact(true))).hasCount(0);
        reader.context().close();
    }

    @Test
    void apiTokenWorksUntilRevoked() {
        Page admin = signedInAdmin();
        admin.navigate("/settings/account/api/auth-tokens/");
        String name = "ci-" + unique();
        admin.getByLabel("Name").fill(name);
        admin.getByLabel("org:read").check();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
        String token = admin.locator("input[name=new-token]").inputValue();

        assertThat(HttpApi.withToken(port, token).get("/api/0/organizations/").statusCode()).isEqualTo(200);
        assertThat(HttpApi.withToken(port, token).get("/api/0/projects/").statusCode()).isEqualTo(403);

        admin.navigate("/settings/account/api/auth-tokens/");
        assertThat(admin.locator("input[name=new-token]")).hasCount(0);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke token " + name)).click();
        assertThat(admin.locator("p.notice")).containsText("Token revoked");

        assertThat(HttpApi.withToken(port, token).get("/api/0/organizations/").statusCode()).isEqualTo(401);
    }

    @Test
    void tokenListShowsWhenATokenWasLastUsed() {
        Page admin = signedInAdmin();
        admin.navigate("/settings/account/api/auth-tokens/");
        String name = "cron-" + unique();
        admin.getByLabel("Name").fill(name);
        admin.getByLabel("project:read").check();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
        String token = admin.locator("input[name=new-token]").inputValue();
        Locator row = admin.locator("table.tokens tr",
                new Page.LocatorOptions().setHasText(name));
        assertThat(row.locator("td").nth(1)).hasText("project:read");
        assertThat(row.locator("td").nth(3)).hasText("never");

        HttpApi.withToken(port, token).get("/api/0/projects/");
        admin.navigate("/settings/account/api/auth-tokens/");

        assertThat(row.locator("td").nth(3)).hasText("just now");
    }

    @Test
    void changedPasswordSignsInAndTheOldOneNoLonger() {
        String email = "changer-" + unique() + "@example.com";
        users.create(email, "old-password", false);
        Page otherBrowser = chromium.newPage(port);
        SignIn.as(otherBrowser, email, "old-password");
        SignIn.as(page, email, "old-password");

        page.navigate("/settings/account/");
        page.getByLabel("Current password").fill("old-password");
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("new-password");
        page.getByLabel("New password again").fill("new-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
        assertThat(page.locator("p.notice")).containsText("Password changed");

        otherBrowser.navigate("/settings/account/");
        assertThat(otherBrowser).hasURL(Pattern.compile(".*/login$"));
        Page fresh = chromium.newPage(port);
        fresh.navigate("/login");
        fresh.getByLabel("E-mail").fill(email);
        fresh.getByLabel("Password").fill("old-password");
        fresh.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(fresh.locator("p.error")).hasText("Wrong e-mail or password.");
        SignIn.as(fresh, email, "new-password");
        otherBrowser.context().close();
        fresh.context().close();
    }

    @Test
    void passwordChangeNeedsTheCurrentPassword() {
        String email = "guarded-" + unique() + "@example.com";
        users.create(email, "guarded-password", false);
        SignIn.as(page, email, "guarded-password");

        page.navigate("/settings/account/");
        page.getByLabel("Current password").fill("a-wrong-guess");
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("taken-over");
        page.getByLabel("New password again").fill("taken-over");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();

        assertThat(page.locator("p.error")).hasText("The current password is not right.");
    }

    /** The test's page, signed in as the administrator. */
    private Page signedInAdmin() {
        SignIn.asAdmin(page);
        return page;
    }

    /** Creates the organization on its page and returns its slug. */
    private static String createOrganization(Page page, String name) {
        page.navigate("/organizations/");
        page.getByLabel("Name").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create organization")).click();
        assertThat(page.locator("p.notice")).hasText("Organization created. You are its owner.");
        String slug = page.url().replaceAll(".*/organizations/([^/]+)/$", "$1");
        assertThat(slug).isEqualTo(AccountNames.slugOf(name));
        return slug;
    }

    /** Invites {@code email} on the members page and returns the link the page shows. */
    private static String invite(Page page, String organizationSlug, String email, String role) {
        page.navigate("/organizations/" + organizationSlug + "/members/");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).selectOption(role);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite").setExact(true)).click();
        assertThat(page.locator("p.notice")).containsText("Invitation created for " + email);
        return page.locator("input[name=invitation-link]").inputValue();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
