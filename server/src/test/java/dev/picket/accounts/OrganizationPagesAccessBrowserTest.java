package dev.picket.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.picket.web.BrowserTest;
import dev.picket.web.SignIn;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The organization pages refuse outsiders: a member of another organization gets 404 for every
 * page and form of this one (with a valid CSRF token, so the refusal is the membership check's),
 * and nothing changes; someone signed out is sent to sign in.
 */
class OrganizationPagesAccessBrowserTest extends BrowserTest {

    @Autowired
    Users users;

    @Autowired
    Organizations organizations;

    @Autowired
    Memberships memberships;

    @Autowired
    Invitations invitations;

    Organization target;
    User targetOwner;
    long invitationId;

    @BeforeAll
    void organizationOfSomeoneElse() {
        targetOwner = users.create("target-" + UUID.randomUUID() + "@example.com", "target-password", false);
        target = organizations.createOwnedBy(targetOwner, "Target " + UUID.randomUUID());
        Membership owner = memberships.find(targetOwner, target.slug()).orElseThrow();
        invitationId = invitations.issue(owner, "pending@example.com", OrganizationRole.MEMBER).invitation().id();
    }

    @Test
    void memberOfAnotherOrganizationGetsNotFoundForEveryPage() {
        Page outsider = signedInOutsider();
        String base = "/organizations/" + target.slug() + "/";

        for (String path : List.of(base, base + "teams/", base + "members/")) {
            assertThat(outsider.navigate(path).status()).as(path).isEqualTo(404);
        }
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
    }

    @Test
    void signedOutVisitorIsSentToSignIn() {
        page.navigate("/organizations/" + target.slug() + "/members/");

        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    /** The test's page, signed in as the owner of another organization. */
    private Page signedInOutsider() {
        String email = "outsider-" + UUID.randomUUID() + "@example.com";
        User outsider = users.create(email, "outsider-password", false);
        organizations.createOwnedBy(outsider, "Outside " + UUID.randomUUID());
        SignIn.as(page, email, "outsider-password");
        return page;
    }
}
