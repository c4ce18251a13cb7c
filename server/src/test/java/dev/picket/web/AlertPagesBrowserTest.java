package dev.picket.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.picket.accounts.Organization;
import dev.picket.accounts.OrganizationRole;
import dev.picket.accounts.Organizations;
import dev.picket.accounts.Users;
import dev.picket.alerts.WebhookReceiver;
import dev.picket.pipeline.InboxProcessor;
import dev.picket.testing.Envelopes;
import dev.picket.testing.PicketClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The alert pages in a real browser: a rule made with the form fires on an event sent to the ingest
 * endpoint, and the history shows what fired for which issue and how the webhook took it; who may
 * see and change rules. The webhook receiver is local, so private targets are allowed here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "picket.alerts.allow-private-webhooks=true")
class AlertPagesBrowserTest extends BrowserTest {

    private static final String PASSWORD = "a long password";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired
    InboxProcessor processor;
    @Autowired
    Users users;
    @Autowired
    Organizations organizations;

    WebhookReceiver hooks;
    PicketClient.Project project;
    String alertsPath;
    String memberEmail;
    String outsiderEmail;

    @BeforeAll
    void aProjectAMemberAndAMemberOfAnotherOrganization() throws IOException {
        hooks = new WebhookReceiver();
        project = picket.createProject("Alerted " + UUID.randomUUID().toString().substring(0, 8));
        alertsPath = "/projects/default/" + project.slug() + "/alerts/";
        memberEmail = "member-" + UUID.randomUUID() + "@picket.test";
        organizations.addMember(organizations.findBySlug("default").orElseThrow(),
                users.create(memberEmail, PASSWORD, false), OrganizationRole.MEMBER);
        Organization other = organizations.create("other-" + UUID.randomUUID().toString().substring(0, 8), "Other");
        outsiderEmail = "outsider-" + UUID.randomUUID() + "@picket.test";
        organizations.addMember(other, users.create(outsiderEmail, PASSWORD, false), OrganizationRole.OWNER);
    }

    @AfterAll
    void closeWebhookReceiver() {
        if (hooks != null) {
            hooks.close();
        }
    }

    @Test
    void aRuleMadeInTheFormFiresAndTheHistoryShowsItsWebhookDelivery() throws Exception {
        String hookPath = "/ok/browser-" + UUID.randomUUID();
        SignIn.asAdmin(page);
        page.navigate("/projects/default/" + project.slug() + "/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alerts")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New alert rule")).click();
        page.getByLabel("Name").fill("New checkout issues");
        page.getByLabel("Condition").selectOption("first_seen");
        page.getByLabel("Webhook URL", new Page.GetByLabelOptions().setExact(true)).fill(hooks.url(hookPath));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create rule")).click();
        assertThat(page.locator("table.alert-rules")).containsText("New checkout issues");

        sendError("card declined for order 9");
        WebhookReceiver.Received hook = awaitHook(hookPath);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alert history")).click();
        awaitDeliveryShownAsSent();
        String shortId = picket.api("GET", "/api/0/projects/default/" + project.slug() + "/issues/", null)
                .get(0).get("shortId").asString();
        assertThat(page.locator(".fired h2")).containsText("New checkout issues");
        assertThat(page.locator(".fired-reason")).hasText("A new issue was seen for the first time");
        assertThat(page.locator(".deliveries td").first()).hasText("webhook");
        assertThat(page.locator(".deliveries")).containsText(hooks.url(hookPath));
        assertThat(page.locator(".deliveries pre.json")).hasText(hook.text());
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("alert-history.png")));
        page.locator(".fired-issue a").click();
        assertThat(page).hasURL(Pattern.compile(".*/issues/\\d+/$"));
        assertThat(page.locator(".crumbs .short-id")).hasText(shortId);
    }

    @Test
    void aWrongRuleIsShownWithTheErrorNextToItsField() {
        SignIn.asAdmin(page);
        page.navigate(alertsPath + "new");
        page.getByLabel("Name").fill("Busy checkout");
        page.getByLabel("Condition").selectOption("event_frequency");
        page.getByLabel("M (minutes").fill("5");
        page.getByLabel("E-mail recipients").fill("oncall@example.com");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create rule")).click();

        assertThat(page.locator("label:has(input[name=threshold]) .field-error"))
                .hasText("'condition.value' is required");
        assertThat(page.getByLabel("Name")).hasValue("Busy checkout");
        assertThat(page.getByLabel("E-mail recipients")).hasValue("oncall@example.com");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("alert-rule-form.png"))
                .setFullPage(true));
    }

    @Test
    void anOwnerChangesARuleInItsFormAndDeletesIt() {
        String name = "Spike " + UUID.randomUUID().toString().substring(0, 8);
        picket.api("POST", "/api/0/projects/default/" + project.slug() + "/alert-rules/", Map.of("name", name,
                "condition", Map.of("type", "spike", "interval", 10),
                "filters", Map.of("environment", "production", "tags", Map.of("region", "eu")),
                "actions", List.of(Map.of("type", "email", "to", List.of("oncall@example.com")))));
        SignIn.asAdmin(page);
        page.navigate(alertsPath);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
        assertThat(page.getByLabel("Environment")).hasValue("production");
        assertThat(page.getByLabel("Tags")).hasValue("region=eu");
        page.getByLabel("M (minutes").fill("30");
        page.getByLabel("Tags").fill("region=us\nfunction_memory=512");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save rule")).click();

        assertThat(page.locator("table.alert-rules tr", new Page.LocatorOptions().setHasText(name)))
                .containsText("A spike of events in 30 minutes");
        assertThat(page.locator("table.alert-rules tr", new Page.LocatorOptions().setHasText(name)))
                .containsText("environment production, function_memory=512, region=us");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete rule")).click();
        assertThat(page).hasURL(Pattern.compile(".*/projects/default/" + project.slug() + "/alerts/$"));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name))).hasCount(0);
    }

    @Test
    void anonymousVisitorIsSentToSignIn() {
        page.navigate(alertsPath + "history/");

        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    @Test
    void memberOfAnotherOrganizationFindsTheAlertPagesNotFound() {
        SignIn.as(page, outsiderEmail, PASSWORD);

        assertThat(page.navigate(alertsPath).status()).isEqualTo(404);
        assertThat(page.navigate(alertsPath + "history/").status()).isEqualTo(404);
        assertThat(page.navigate(alertsPath + "new").status()).isEqualTo(404);
        page.navigate("/");
        APIResponse create = page.request().post(alertsPath, RequestOptions.create().setForm(ruleForm()
                .set("_csrf", page.locator("input[name=_csrf]").first().inputValue())));
        assertThat(create.status()).isEqualTo(404);
    }

    @Test
    void aMemberWhoIsNeitherOwnerNorAdminSeesTheRulesButCannotChangeThem() {
        SignIn.as(page, memberEmail, PASSWORD);

        page.navigate(alertsPath);
        assertThat(page.locator("h1")).hasText("Alert rules");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New alert rule"))).hasCount(0);
        assertThat(page.navigate(alertsPath + "new").status()).isEqualTo(403);
        page.navigate(alertsPath);
        APIResponse create = page.request().post(alertsPath, RequestOptions.create().setForm(ruleForm()
                .set("_csrf", page.locator("input[name=_csrf]").first().inputValue())));
        assertThat(create.status()).isEqualTo(403);
    }

    @Test
    void aRuleFormPostedWithoutItsCsrfTokenIsRefused() {
        SignIn.asAdmin(page);

        APIResponse create = page.request().post(alertsPath, RequestOptions.create().setForm(ruleForm())
                .setMaxRedirects(0));

        assertThat(create.status()).isEqualTo(403);
        assertThat(picket.api("GET", "/api/0/projects/default/" + project.slug() + "/alert-rules/", null))
                .noneMatch(rule -> rule.get("name").asString().equals("Posted without a token"));
    }

    private static FormData ruleForm() {
        return FormData.create().set("name", "Posted without a token").set("condition", "first_seen")
                .set("emails", "oncall@example.com");
    }

    private void sendError(String message) throws InterruptedException {
        String eventId = UUID.randomUUID().toString().replace("-", "");
        assertThat(picket.post("/api/" + project.id() + "/envelope/",
                Map.of("X-Sentry-Auth", "Sentry sentry_version=7, sentry_key=" + project.publicKey()),
                Envelopes.event(eventId, Envelopes.errorJson(eventId, message))).statusCode()).isEqualTo(200);
        assertThat(processor.awaitIdle(Duration.ofSeconds(60))).isTrue();
    }

    private WebhookReceiver.Received awaitHook(String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (hooks.received(path).isEmpty()) {
            assertThat(System.nanoTime()).as("the webhook was called within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
        return hooks.received(path).getFirst();
    }

    /** The history is a page, not a live view: it shows "sent" once it is loaded after the attempt was recorded. */
    private void awaitDeliveryShownAsSent() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (page.locator(".deliveries .status-sent").count() == 0) {
            assertThat(System.nanoTime()).as("the delivery was shown as sent within 30 s").isLessThan(deadline);
            Thread.sleep(100);
            page.reload();
        }
        assertThat(page.locator(".deliveries .status-sent")).hasText("sent");
        assertThat(page.locator(".deliveries td.num")).hasText("1");
    }
}
