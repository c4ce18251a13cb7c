package dev.picket.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.picket.accounts.Memberships;
import dev.picket.accounts.OrganizationRole;
import dev.picket.accounts.Organizations;
import dev.picket.accounts.Team;
import dev.picket.accounts.Teams;
import dev.picket.accounts.Users;
import dev.picket.pipeline.InboxProcessor;
import dev.picket.testing.Envelopes;
import dev.picket.testing.PicketClient;
import io.sentry.Sentry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Creating a project and changing its settings in a real browser, and what the changes do to the
 * next events the real Java SDK sends.
 */
class ProjectSettingsBrowserTest extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired
    InboxProcessor processor;
    @Autowired
    Users users;
    @Autowired
    Organizations organizations;
    @Autowired
    Memberships memberships;
    @Autowired
    Teams teams;

    @BeforeEach
    void signedInAsAdministrator() {
        SignIn.asAdmin(page);
    }

    @Test
    void aNewProjectShowsItsDsnAndSetupAndTheSdkReportsToIt() throws InterruptedException {
        String name = "Billing " + UUID.randomUUID().toString().substring(0, 8);
        page.navigate("/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New project")).click();
        page.getByLabel("Name").fill(name);
        page.getByLabel("Platform").selectOption("java");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create project")).click();

        assertThat(page.locator("h1")).hasText(name);
        String dsn = page.locator("pre.dsn").textContent();
        assertThat(page.locator(".snippets")).containsText("SENTRY_DSN=" + dsn);
        assertThat(page.locator(".snippets")).containsText("extends SentryRequestHandler<Map<String, Object>");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("project.png")));
        JavaSdk.send(dsn, () -> Sentry.captureMessage("first words of " + name));
        assertThat(processor.awaitIdle(Duration.ofSeconds(60))).isTrue();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Issues").setExact(true)).click();
        assertThat(page.locator("table.issues")).containsText("first words of " + name);
        page.navigate("/");
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(name)).locator("svg.sparkline rect"))
                .hasCount(24);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("projects.png")));
    }

    @Test
    void aProjectWithATakenNameIsRefusedWithTheReason() {
        PicketClient.Project existing = project();
        page.navigate("/organizations/default/projects/new/");
        page.getByLabel("Name").fill(existing.slug());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create project")).click();

        assertThat(page.locator("p.error")).hasText("A project with this slug already exists.");
        assertThat(page.getByLabel("Name")).hasValue(existing.slug());
    }

    @Test
    void aDisabledKeyIsRefusedByIngestionUntilEnabledAgain() {
        PicketClient.Project project = project();
        page.navigate(projectPath(project));
        Locator key = page.locator("table.keys tbody tr").first();

        key.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disable")).click();
        assertThat(key.locator(".key-state")).hasText("disabled");
        assertThat(send(project).statusCode()).isEqualTo(403);

        key.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enable")).click();
        assertThat(key.locator(".key-state")).hasText("active");
        assertThat(send(project).statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyIsCreatedRateLimitedAndDeleted() {
        PicketClient.Project project = project();
        page.navigate(projectPath(project));
        page.getByLabel("Name of the new key").fill("ci");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key")).click();
        Locator ci = page.locator("table.keys tbody tr", new Page.LocatorOptions().setHasText("ci"));
        assertThat(ci).hasCount(1);

        ci.getByLabel("Events").fill("5");
        ci.getByLabel("Seconds").fill("60");
        ci.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Set")).click();
        assertThat(page.locator("#keys .notice")).hasText("Rate limit saved.");
        String keyId = ci.locator("code").textContent().replaceAll("^https?://([0-9a-f]{32})@.*$", "$1");
        assertThat(picket.api("GET", "/api/0/projects/default/" + project.slug() + "/keys/" + keyId + "/", null)
                .get("rateLimit").get("count").asInt()).isEqualTo(5);

        ci.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
        assertThat(page.locator("table.keys tbody tr", new Page.LocatorOptions().setHasText("ci"))).hasCount(0);
    }

    @Test
    void scrubbingSettingsApplyToTheNextEvent() throws InterruptedException {
        PicketClient.Project project = project();
        page.navigate(projectPath(project));
        page.getByLabel("Additional sensitive fields").fill("loyalty_number");
        page.getByLabel("Custom patterns").fill("ORD-[0-9]{6}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save scrubbing")).click();
        assertThat(page.locator("#scrubbing .notice")).containsText("Saved");

        JavaSdk.send(project.dsn(), () -> Sentry.withScope(scope -> {
            scope.setExtra("loyalty_number", "LN-4471-2290");
            Sentry.captureMessage("refund failed for ORD-123456");
        }));
        assertThat(processor.awaitIdle(Duration.ofSeconds(60))).isTrue();

        page.navigate("/projects/default/" + project.slug() + "/issues/");
        page.locator("a.issue-title").first().click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("JSON").setExact(true)).click();
        assertThat(page.locator("pre.json")).containsText("\"loyalty_number\" : \"[Filtered]\"");
        assertThat(page.locator("pre.json")).not().containsText("LN-4471-2290");
        assertThat(page.locator("pre.json")).not().containsText("ORD-123456");
    }

    @Test
    void aBadScrubbingPatternIsRefusedWithTheReason() {
        PicketClient.Project project = project();
        page.navigate(projectPath(project));
        page.getByLabel("Custom patterns").fill("([unclosed");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save scrubbing")).click();

        assertThat(page.locator("#scrubbing .error")).containsText("([unclosed");
    }

    @Test
    void aMemberReadsTheSettingsButCannotChangeThem() {
        PicketClient.Project project = project();
        String email = "member-" + UUID.randomUUID() + "@picket.test";
        organizations.addMember(organizations.findBySlug("default").orElseThrow(),
                users.create(email, "member-password", false), OrganizationRole.MEMBER);
        Page member = chromium.newPage(port);
        SignIn.as(member, email, "member-password");

        member.navigate(projectPath(project));
        assertThat(member.locator("pre.dsn")).hasText(project.dsn());
        assertThat(member.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).isDisabled();
        assertThat(member.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable"))).hasCount(0);
        String csrf = member.locator("input[name=_csrf]").first().inputValue();
        APIResponse refused = member.request().post(projectPath(project) + "keys/" + project.publicKey() + "/state/",
                RequestOptions.create().setForm(FormData.create().set("active", "false").set("_csrf", csrf))
                        .setMaxRedirects(0));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(send(project).statusCode()).isEqualTo(200);
        member.context().close();
    }

    @Test
    void renamingKeepsTheProjectsAddress() {
        PicketClient.Project project = project();
        page.navigate(projectPath(project));
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Renamed shop");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();

        assertThat(page.locator("h1")).hasText("Renamed shop");
        assertThat(page.url()).endsWith(projectPath(project) + "#general");
    }

    @Test
    void aProjectIsGivenToAnotherTeam() {
        PicketClient.Project project = project();
        Team mobile = teams.create(memberships.find(users.findByEmail(SignIn.ADMIN_EMAIL).orElseThrow(), "default")
                .orElseThrow(), "Mobile " + UUID.randomUUID().toString().substring(0, 8));
        page.navigate(projectPath(project));
        page.getByLabel("Team").selectOption(mobile.slug());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();

        assertThat(page.locator("#general .notice")).hasText("Saved.");
        page.navigate("/organizations/default/");
        Locator team = page.locator("section.team").filter(new Locator.FilterOptions().setHasText(mobile.name()));
        assertThat(team.locator("a[href='" + projectPath(project) + "issues/']")).hasCount(1);
    }

    private HttpResponse<String> send(PicketClient.Project project) {
        String eventId = UUID.randomUUID().toString().replace("-", "");
        return picket.post("/api/" + project.id() + "/envelope/",
                Map.of("X-Sentry-Auth", "Sentry sentry_version=7, sentry_key=" + project.publicKey()),
                Envelopes.event(eventId,
                        Envelopes.errorJson(eventId, "sent with the key")));
    }

    private PicketClient.Project project() {
        return picket.createProject("Settings " + UUID.randomUUID().toString().substring(0, 8));
    }

    private static String projectPath(PicketClient.Project project) {
        return "/projects/default/" + project.slug() + "/";
    }
}
