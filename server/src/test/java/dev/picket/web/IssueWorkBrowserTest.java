package dev.picket.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SelectOption;
import dev.picket.accounts.OrganizationRole;
import dev.picket.accounts.Organizations;
import dev.picket.accounts.Users;
import dev.picket.pipeline.InboxProcessor;
import dev.picket.testing.PicketClient;
import io.sentry.Sentry;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What a member does on an issue's page, in a real browser, over events the real Java SDK sent:
 * ignore until more events, assign, comment, step through events, take an event's JSON.
 */
class IssueWorkBrowserTest extends BrowserTest {

    @Autowired
    InboxProcessor processor;
    @Autowired
    Users users;
    @Autowired
    Organizations organizations;

    @BeforeEach
    void signedInAsAdministrator() {
        SignIn.asAdmin(page);
    }

    @Test
    void ignoredUntilTwoMoreEventsTheIssueComesBackWithTheSecond() throws InterruptedException {
        PicketClient.Project project = projectWithFailures("order", "1");
        long issueId = onlyIssue(project);
        page.navigate("/issues/" + issueId + "/");
        page.locator("details.menu summary").click();
        page.getByLabel("How many more").fill("2");
        page.getByLabel("More of").selectOption("events");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ignore until")).click();
        assertThat(page.locator(".badge.status")).hasText("ignored");
        assertThat(page.locator(".status-detail")).hasText("Ignored until 2 more events");

        sendFailures(project, "order", "2");
        page.reload();
        assertThat(page.locator(".badge.status")).hasText("ignored");

        sendFailures(project, "order", "3");
        page.reload();
        assertThat(page.locator(".badge.status")).hasText("unresolved");
        assertThat(page.locator(".issue-heading")).containsText("escalating");
    }

    @Test
    void ignoredForAWhileTheIssueSaysUntilWhen() throws InterruptedException {
        long issueId = onlyIssue(projectWithFailures("order", "1"));
        page.navigate("/issues/" + issueId + "/");
        page.locator("details.menu summary").click();

        page.getByLabel("Ignore for").selectOption("120");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ignore for a while")).click();

        assertThat(page.locator(".badge.status")).hasText("ignored");
        assertThat(page.locator(".status-detail")).containsText("Ignored until ");
        JsonNode issue = picket.api("GET", "/api/0/issues/" + issueId + "/", null);
        assertThat(issue.get("statusDetails").has("ignoreUntil")).isTrue();
    }

    @Test
    void resolvedInTheNextReleaseEventsOfTheCurrentReleaseDoNotReopenIt() throws InterruptedException {
        PicketClient.Project project = projectWithFailures("order", "1");
        long issueId = onlyIssue(project);
        page.navigate("/issues/" + issueId + "/");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve in next release")).click();
        assertThat(page.locator(".status-detail")).hasText("Resolved in the release after " + JavaSdk.RELEASE);
        sendFailures(project, "order", "2");
        page.reload();

        assertThat(page.locator(".badge.status")).hasText("resolved");
    }

    @Test
    void commentsShowTheirTextAsWrittenNeverAsMarkup() throws InterruptedException {
        long issueId = onlyIssue(projectWithFailures("order", "1"));
        String text = "<b>bold</b> <img src=x onerror=alert(1)> & \"quoted\"";
        page.navigate("/issues/" + issueId + "/");

        page.getByLabel("Add a comment").fill(text);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Comment").setExact(true)).click();

        Locator comment = page.locator(".comment");
        assertThat(comment).hasCount(1);
        assertThat(comment.locator(".comment-text")).hasText(text);
        assertThat(comment.locator("b, img")).hasCount(0);
        assertThat(comment.locator("header")).containsText(SignIn.ADMIN_EMAIL);
    }

    @Test
    void aCommentIsDeletedByItsAuthorOnly() throws InterruptedException {
        long issueId = onlyIssue(projectWithFailures("order", "1"));
        page.navigate("/issues/" + issueId + "/");
        page.getByLabel("Add a comment").fill("mine");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Comment").setExact(true)).click();
        String deletePath = page.locator(".comment form").getAttribute("action");

        Page colleague = signedInColleague();
        String csrf = colleague.locator("input[name=_csrf]").first().inputValue();
        APIResponse refused = colleague.request().post(deletePath,
                RequestOptions.create().setForm(FormData.create().set("_csrf", csrf)).setMaxRedirects(0));
        assertThat(refused.status()).isEqualTo(404);
        colleague.context().close();

        page.reload();
        page.locator(".comment").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
        assertThat(page.locator(".comment")).hasCount(0);
    }

    @Test
    void anIssueIsAssignedToAMemberAndShownSo() throws InterruptedException {
        long issueId = onlyIssue(projectWithFailures("order", "1"));
        page.navigate("/issues/" + issueId + "/");

        page.getByLabel("Assignee").selectOption(new SelectOption()
                .setLabel(SignIn.ADMIN_EMAIL));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign")).click();

        assertThat(page.getByLabel("Assignee").locator("option:checked")).hasText(SignIn.ADMIN_EMAIL);
    }

    @Test
    void eventNavigationStepsThroughTheIssuesEventsInTimeOrder() throws InterruptedException {
        PicketClient.Project project = projectWithFailures("order", "1", "2", "3");
        long issueId = onlyIssue(project);
        page.navigate("/issues/" + issueId + "/");
        Locator order = page.locator(".tag-pills li", new Page.LocatorOptions().setHasText("order"))
                .locator(".tag-value");
        assertThat(order).hasText("3");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Older")).click();
        assertThat(order).hasText("2");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Oldest")).click();
        assertThat(order).hasText("1");
        assertThat(page.locator(".event-steps a[rel=prev]")).hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Newer →")).click();
        assertThat(order).hasText("2");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Latest")).click();
        assertThat(order).hasText("3");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All events")).click();
        assertThat(page.locator("table.events tbody tr")).hasCount(3);
    }

    @Test
    void anEventsJsonDownloadsAsAJsonAttachment() throws Exception {
        long issueId = onlyIssue(projectWithFailures("order", "1"));
        page.navigate("/issues/" + issueId + "/");
        String eventId = page.locator(".event-meta code").textContent();

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download JSON")).click());

        assertThat(download.suggestedFilename()).isEqualTo("event-" + eventId + ".json");
        JsonNode event = PicketClient.json(Files.readString(download.path()));
        assertThat(event.get("event_id").asString()).isEqualTo(eventId);
        APIResponse response = page.request().get("/issues/" + issueId + "/events/" + eventId + "/json/download/");
        assertThat(response.headers().get("content-type")).startsWith("application/json");
        assertThat(response.headers().get("content-disposition")).startsWith("attachment");
    }

    private PicketClient.Project projectWithFailures(String tag, String... values) throws InterruptedException {
        PicketClient.Project project = picket.createProject("Work " + UUID.randomUUID().toString().substring(0, 8));
        sendFailures(project, tag, values);
        return project;
    }

    /**
     * One event per value, each with {@code tag} set to it, in order, all of one issue: the
     * fingerprint groups them whatever test method the stack passes through.
     */
    private void sendFailures(PicketClient.Project project, String tag, String... values)
            throws InterruptedException {
        JavaSdk.send(project.dsn(), () -> {
            for (String value : values) {
                Sentry.withScope(scope -> {
                    scope.setTag(tag, value);
                    scope.setFingerprint(List.of("payment-failure"));
                    Sentry.captureException(paymentFailure());
                });
                Sentry.flush(10_000);
                sleep();
            }
        });
        assertThat(processor.awaitIdle(Duration.ofSeconds(60))).isTrue();
    }

    private long onlyIssue(PicketClient.Project project) {
        JsonNode issues = picket.api("GET", "/api/0/projects/default/" + project.slug() + "/issues/?query=", null);
        assertThat(issues.size()).isEqualTo(1);
        return issues.get(0).get("id").asLong();
    }

    private Page signedInColleague() {
        String email = "colleague-" + UUID.randomUUID() + "@picket.test";
        organizations.addMember(organizations.findBySlug("default").orElseThrow(),
                users.create(email, "colleague-password", false), OrganizationRole.MEMBER);
        Page colleague = chromium.newPage(port);
        SignIn.as(colleague, email, "colleague-password");
        return colleague;
    }

    /** Event times are the SDK's clock in milliseconds; a pause keeps them apart and in order. */
    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static IllegalStateException paymentFailure() {
        return new IllegalStateException("payment could not be captured");
    }
}
