package dev.picket.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.picket.pipeline.InboxProcessor;
import dev.picket.testing.PicketClient;
import io.sentry.Sentry;
import io.sentry.SentryLevel;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The issues list in a real browser over events the real Java SDK sent: filter selects compose into
 * the search, bulk resolve, a day's chart per issue, the project's default environment, and the
 * notice of new issues that the list's script fetches (asked for every second here).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "picket.web.new-issues-poll-seconds=1")
class IssueListBrowserTest extends BrowserTest {

    @Autowired
    InboxProcessor processor;

    @BeforeEach
    void signedInAsAdministrator() {
        SignIn.asAdmin(page);
    }

    @Test
    void filterSelectsComposeIntoTheSearch() throws InterruptedException {
        PicketClient.Project project = project();
        send(project, "production", Map.of("disk full", SentryLevel.ERROR, "cache cold", SentryLevel.WARNING));
        send(project, "staging", Map.of("queue slow", SentryLevel.WARNING));
        page.navigate(issuesPath(project) + "?query=cache");

        page.getByLabel("Level").selectOption("warning");
        page.getByLabel("Environment").selectOption("production");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();

        assertThat(page.getByLabel("Search issues")).hasValue("cache level:warning environment:production");
        assertThat(page.locator("table.issues tbody tr")).hasCount(1);
        assertThat(page.locator("table.issues tbody tr")).containsText("cache cold");
        page.getByLabel("Search issues").fill("level:warning");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        assertThat(page.getByLabel("Environment")).hasValue("");
        assertThat(page.locator("table.issues tbody tr")).hasCount(2);
    }

    @Test
    void checkedIssuesAreResolvedInOnePost() throws InterruptedException {
        PicketClient.Project project = project();
        send(project, "production", Map.of("first failure", SentryLevel.ERROR, "second failure", SentryLevel.ERROR,
                "third failure", SentryLevel.ERROR));
        page.navigate(issuesPath(project));

        row("first failure").locator("input[type=checkbox]").check();
        row("third failure").locator("input[type=checkbox]").check();
        page.locator("form.bulk").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resolve")).click();

        assertThat(page.locator("table.issues tbody tr")).hasCount(1);
        assertThat(page.locator("table.issues tbody tr")).containsText("second failure");
        page.navigate(issuesPath(project) + "?query=is:resolved");
        assertThat(page.locator("table.issues tbody tr")).hasCount(2);
    }

    @Test
    void eachIssueHasItsLastDayAsASparkline() throws InterruptedException {
        PicketClient.Project project = project();
        send(project, "production", Map.of("charted failure", SentryLevel.ERROR));
        page.navigate(issuesPath(project));

        Locator bars = row("charted failure").locator("svg.sparkline rect");
        assertThat(bars).hasCount(24);
        assertThat(bars.last().locator("title")).containsText("1 events, hour from");
    }

    @Test
    void theDefaultEnvironmentIsWhatTheListShowsFirst() throws InterruptedException {
        PicketClient.Project project = project();
        send(project, "production", Map.of("production failure", SentryLevel.ERROR));
        send(project, "staging", Map.of("staging failure", SentryLevel.ERROR));
        page.navigate("/projects/default/" + project.slug() + "/");
        page.getByLabel("Default environment").fill("staging");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();

        page.navigate(issuesPath(project));

        assertThat(page.getByLabel("Search issues")).hasValue("is:unresolved environment:staging");
        assertThat(page.locator("table.issues tbody tr")).hasCount(1);
        assertThat(page.locator("table.issues tbody tr")).containsText("staging failure");
    }

    @Test
    void newIssuesAreAnnouncedWithoutReloadingTheList() throws InterruptedException {
        PicketClient.Project project = project();
        send(project, "production", Map.of("old failure", SentryLevel.ERROR));
        page.navigate(issuesPath(project));
        assertThat(page.locator("#new-issues")).isHidden();

        send(project, "production", Map.of("fresh failure", SentryLevel.ERROR));

        assertThat(page.locator("#new-issues")).hasText("1 new issue — show",
                new LocatorAssertions.HasTextOptions().setTimeout(10_000));
        assertThat(page.locator("table.issues tbody tr")).hasCount(1);
        page.locator("#new-issues").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("show")).click();
        assertThat(page.locator("table.issues tbody tr")).hasCount(2);
        assertThat(URLDecoder.decode(page.url(), StandardCharsets.UTF_8)).contains("query=is:unresolved");
    }

    private Locator row(String text) {
        return page.locator("table.issues tbody tr", new Page.LocatorOptions().setHasText(text));
    }

    private PicketClient.Project project() {
        return picket.createProject("List " + UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * One message event per entry, in {@code environment}; each message is its own issue (the SDK
     * attaches the thread's stack, which would group them all together, so each has its fingerprint).
     */
    private void send(PicketClient.Project project, String environment, Map<String, SentryLevel> messages)
            throws InterruptedException {
        JavaSdk.send(project.dsn(), environment,
                () -> messages.forEach((message, level) -> Sentry.withScope(scope -> {
                    scope.setFingerprint(List.of(message));
                    Sentry.captureMessage(message, level);
                })));
        assertThat(processor.awaitIdle(Duration.ofSeconds(60))).isTrue();
    }

    private static String issuesPath(PicketClient.Project project) {
        return "/projects/default/" + project.slug() + "/issues/";
    }
}
