package dev.picket.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.picket.accounts.Organization;
import dev.picket.accounts.OrganizationRole;
import dev.picket.accounts.Organizations;
import dev.picket.accounts.Users;
import dev.picket.pipeline.InboxProcessor;
import dev.picket.testing.Envelopes;
import dev.picket.testing.PicketClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who sees what: anonymous visitors are sent to sign in; a member of another organization finds the
 * administrator's project and issue "not found", and cannot change the issue; forms need their CSRF token.
 */
class PageAccessBrowserTest extends BrowserTest {

    private static final String OUTSIDER_PASSWORD = "outsider-password";

    @Autowired
    InboxProcessor processor;
    @Autowired
    Users users;
    @Autowired
    Organizations organizations;

    PicketClient.Project project;
    long issueId;
    String outsiderEmail;

    @BeforeAll
    void anIssueOfTheDefaultOrganizationAndAMemberOfAnother() throws Exception {
        project = picket.createProject("Private " + UUID.randomUUID().toString().substring(0, 8));
        String eventId = UUID.randomUUID().toString().replace("-", "");
        assertThat(picket.post("/api/" + project.id() + "/envelope/",
                Map.of("X-Sentry-Auth", "Sentry sentry_version=7, sentry_key=" + project.publicKey()),
                Envelopes.event(eventId, Envelopes.errorJson(eventId, "private failure"))).statusCode()).isEqualTo(200);
        assertThat(processor.awaitIdle(Duration.ofSeconds(60))).isTrue();
        issueId = picket.api("GET", "/api/0/projects/default/" + project.slug() + "/issues/", null)
                .get(0).get("id").asLong();

        Organization other = organizations.create("other-" + UUID.randomUUID().toString().substring(0, 8), "Other");
        outsiderEmail = "outsider-" + UUID.randomUUID() + "@picket.test";
        organizations.addMember(other, users.create(outsiderEmail, OUTSIDER_PASSWORD, false), OrganizationRole.OWNER);
    }

    @Test
    void anonymousVisitorIsSentToSignIn() {
        page.navigate("/issues/" + issueId + "/");

        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        assertThat(page.locator("h1")).hasText("Sign in");
    }

    @Test
    void signingInLeadsBackToThePageAskedFor() {
        page.navigate("/issues/" + issueId + "/");
        SignIn.asAdmin(page);

        // Spring Security marks the replayed request with "?continue".
        assertThat(page).hasURL(Pattern.compile(".*/issues/" + issueId + "/(\\?continue)?$"));
    }

    @Test
    void sentrysIssuePermalinkLeadsToTheIssuePage() {
        SignIn.asAdmin(page);

        page.navigate("/organizations/default/issues/" + issueId + "/");

        assertThat(page).hasURL(Pattern.compile(".*/issues/" + issueId + "/$"));
        assertThat(page.navigate("/organizations/elsewhere/issues/" + issueId + "/").status()).isEqualTo(404);
    }

    @Test
    void wrongPasswordIsRefused() {
        page.navigate("/login");
        page.getByLabel("E-mail").fill(SignIn.ADMIN_EMAIL);
        page.getByLabel("Password").fill("not-the-password");
        page.locator("button.primary").click();

        assertThat(page.locator("p.error")).hasText("Wrong e-mail or password.");
    }

    @Test
    void memberOfAnotherOrganizationFindsTheProjectNotFound() {
        SignIn.as(page, outsiderEmail, OUTSIDER_PASSWORD);

        Response issues = page.navigate("/projects/default/" + project.slug() + "/issues/");
        assertThat(issues.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Not found");
        assertThat(page.navigate("/projects/default/" + project.slug() + "/").status()).isEqualTo(404);
        assertThat(page.navigate("/issues/" + issueId + "/").status()).isEqualTo(404);
        assertThat(page.navigate("/organizations/default/issues/" + issueId + "/").status()).isEqualTo(404);
        page.navigate("/");
        assertThat(page.locator("main")).not().containsText(project.slug());
    }

    @Test
    void memberOfAnotherOrganizationCannotChangeTheIssue() {
        SignIn.as(page, outsiderEmail, OUTSIDER_PASSWORD);
        page.navigate("/");
        String csrf = page.locator("input[name=_csrf]").first().inputValue();

        APIResponse response = page.request().post("/issues/" + issueId + "/status", RequestOptions.create()
                .setForm(FormData.create().set("action", "resolve").set("_csrf", csrf)));

        assertThat(response.status()).isEqualTo(404);
        assertThat(picket.api("GET", "/api/0/issues/" + issueId + "/", null).get("status").asString())
                .isEqualTo("unresolved");
    }

    @Test
    void formPostWithoutCsrfTokenIsRefused() {
        SignIn.asAdmin(page);

        APIResponse response = page.request().post("/issues/" + issueId + "/status", RequestOptions.create()
                .setForm(FormData.create().set("action", "ignore")).setMaxRedirects(0));

        assertThat(response.status()).isEqualTo(403);
        assertThat(picket.api("GET", "/api/0/issues/" + issueId + "/", null).get("status").asString())
                .isEqualTo("unresolved");
    }
}
