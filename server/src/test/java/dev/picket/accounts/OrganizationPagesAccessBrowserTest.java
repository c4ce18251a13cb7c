package dev.picket.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.picket.web.Chromium;
import dev.picket.web.SignIn;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The organization pages refuse outsiders: a member of another organization gets 404 for every
 * page and form of this one (with a valid CSRF token, so the refusal is the membership check's),
 * and nothing changes; someone signed out is sent to sign in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "dev.picket.web.Chromium#installed", disabledReason = Chromium.MISSING)
class OrganizationPagesAccessBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    Organizations organizations;

    @Autowired
    Memberships memberships;

    @Autowired
    Invitations invitations;

    Chromium chromium;
    Organization target;
    User targetOwner;
    long invitationId;

    @BeforeAll
    void organizationOfSomeoneElse() {
        chromium = Chromium.launch();
        targetOwner = users.create("target-" + UUID.randomUUID() + "@example.com", "target-password", false);
        target = organizations.createOwnedBy(targetOwner, "Target " + UUID.randomUUID());
        Membership owner = memberships.find(targetOwner, target.slug()).orElseThrow();
        invitationId = invitations.issue(owner, "pending@example.com", OrganizationRole.MEMBER).invitation().id();
    }

    @AfterAll
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void memberOfAnotherOrganizationGetsNotFoundForEveryPage() {
        Page outsider = signedInOutsider();
        String base = "/organizations/" + target.slug() + "/";

        for (String path : List.of(base, base + "teams/", base + "members/")) {
            assertThat(outsider.navigate(path).status()).as(path).isEqualTo(404);
        }
        outsider.context().close();
    }

    @Test
    void memberOfAnotherOrganizationGetsNotFoundForEveryFormAndChangesNothing() {
        Page outsider = signedInOutsider();
        outsider.navigate("/settings/account/");
        String csrf = outsider.locator("input[name=_csrf]").first().inputValue();
        String base = "/organizations/" + target.slug() + "/";
        List<String> forms = List.of(base + "name", base + "teams/", base + "teams/default/name",
                base + "teams/default/delete", base + "members/" + targetOwner.id() + "/role",
                base + "members/" + targetOwner.id() + "/remove", base + "invitations/",
                base + "invitations/" + invitationId + "/revoke");

        for (String form : forms) {
            APIResponse response = outsider.request().post(form, RequestOptions.create().setMaxRedirects(0)
                    .setForm(FormData.create().set("_csrf", csrf).set("name", "Taken").set("role", "member")
                            .set("email", "intruder@example.com")));
            assertThat(response.status()).as(form).isEqualTo(404);
        }

        assertThat(organizations.findBySlug(target.slug()).orElseThrow().name()).isEqualTo(target.name());
        assertThat(organizations.listTeams(target.id())).extracting(Team::name).containsExactly("Default");
        assertThat(memberships.list(target)).extracting(Member::role).containsExactly(OrganizationRole.OWNER);
        assertThat(invitations.pending(target)).extracting(Invitation::id).containsExactly(invitationId);
        outsider.context().close();
    }

    @Test
    void signedOutVisitorIsSentToSignIn() {
        Page anonymous = chromium.newPage(port);

        anonymous.navigate("/organizations/" + target.slug() + "/members/");

        assertThat(anonymous).hasURL(Pattern.compile(".*/login$"));
        anonymous.context().close();
    }

    private Page signedInOutsider() {
        String email = "outsider-" + UUID.randomUUID() + "@example.com";
        User outsider = users.create(email, "outsider-password", false);
        organizations.createOwnedBy(outsider, "Outside " + UUID.randomUUID());
        Page page = chromium.newPage(port);
        SignIn.as(page, email, "outsider-password");
        return page;
    }
}
