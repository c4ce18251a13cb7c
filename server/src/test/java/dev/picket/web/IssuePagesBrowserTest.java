package dev.picket.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.picket.pipeline.InboxProcessor;
import dev.picket.testing.PicketClient;
import io.sentry.Breadcrumb;
import io.sentry.Sentry;
import io.sentry.SentryLevel;
import io.sentry.protocol.User;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pages a person uses to follow errors, in a real browser, over events the real Java SDK sent
 * through the ingest endpoint: a chained exception from a Lambda function with a user, breadcrumbs
 * and tags, and a warning message.
 */
class IssuePagesBrowserTest extends BrowserTest {

    private static final String EXCEPTION_VALUE = "order 42 could not be charged";
    private static final String MESSAGE = "Invoice 77 overdue by 3 days";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired
    InboxProcessor processor;

    String projectName;
    PicketClient.Project project;

    @BeforeAll
    void eventsSentByTheJavaSdk() throws Exception {
        projectName = "Checkout " + UUID.randomUUID().toString().substring(0, 8);
        project = picket.createProject(projectName);
        JavaSdk.send(project.dsn(), () -> {
            Sentry.configureScope(scope -> {
                User user = new User();
                user.setId("customer-7");
                user.setEmail("ada@example.com");
                scope.setUser(user);
                scope.setTag("payment_provider", "acme-pay");
                scope.setTag("cold_start", "true");
                scope.setContexts("aws_lambda", Map.of("function_name", "charge-order",
                        "aws_request_id", "8f1c7d2e-request", "memory_limit_in_mb", 512, "region", "eu-west-1"));
                Breadcrumb breadcrumb = Breadcrumb.http("https://pay.example.com/charges", "POST", 502);
                scope.addBreadcrumb(breadcrumb);
                scope.addBreadcrumb(new Breadcrumb("reserved stock for order 42"));
            });
            Sentry.captureException(chargeFailure());
            Sentry.captureMessage(MESSAGE, SentryLevel.WARNING);
        });
        assertThat(processor.awaitIdle(Duration.ofSeconds(60))).isTrue();
    }

    @BeforeEach
    void signedInAsAdministrator() {
        SignIn.asAdmin(page);
    }

    @Test
    void issuesListShowsWhatTheSdkSent() {
        page.navigate("/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(projectName).setExact(true)).click();

        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(EXCEPTION_VALUE));
        assertThat(row).hasCount(1);
        assertThat(row.locator(".level")).hasText("error");
        assertThat(row.locator("td.num").first()).hasText("1");
        assertThat(row.locator("time").first()).hasText("just now");
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(MESSAGE)).locator(".level"))
                .hasText("warning");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("issues.png")));
    }

    @Test
    void issuePageShowsTheExceptionChainWithInAppFramesOpen() {
        openIssue(EXCEPTION_VALUE);

        Locator exceptions = page.locator(".exception");
        assertThat(exceptions).hasCount(2);
        assertThat(exceptions.nth(0).locator("h3")).containsText("IllegalStateException: " + EXCEPTION_VALUE);
        assertThat(exceptions.nth(1).locator(".relation")).hasText("Caused by");
        assertThat(exceptions.nth(1).locator("h3")).containsText("ArithmeticException: card limit exceeded");
        Locator inApp = exceptions.nth(0).locator("details.frame.in-app");
        assertThat(inApp.first().evaluate("details => details.open")).isEqualTo(true);
        assertThat(inApp.first().locator(".frame-function")).hasText("chargeFailure");
        Locator library = exceptions.nth(0).locator("details.frame:not(.in-app)");
        assertThat(library.first().evaluate("details => details.open")).isEqualTo(false);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("issue.png")).setFullPage(false));
    }

    @Test
    void issuePageShowsTheServerlessFunction() {
        openIssue(EXCEPTION_VALUE);

        Locator function = page.locator("section.function");
        assertThat(function.locator("h2")).hasText("AWS Lambda");
        assertThat(function).containsText("charge-order");
        assertThat(function).containsText("8f1c7d2e-request");
        assertThat(function).containsText("512 MB");
        assertThat(function).containsText("eu-west-1");
        assertThat(function.locator("tr", new Locator.LocatorOptions().setHasText("Cold start"))).containsText("true");
    }

    @Test
    void issuePageShowsUserBreadcrumbsTagsAndRelease() {
        openIssue(EXCEPTION_VALUE);

        assertThat(page.locator("section", new Page.LocatorOptions().setHas(page.locator("h2:text-is('User')"))))
                .containsText("ada@example.com");
        assertThat(page.locator("table.breadcrumbs")).containsText("reserved stock for order 42");
        assertThat(page.locator("table.breadcrumbs")).containsText("https://pay.example.com/charges");
        assertThat(page.locator(".tag-pills")).containsText("acme-pay");
        assertThat(page.locator(".tag-summary", new Page.LocatorOptions().setHasText("payment_provider")))
                .containsText("100%");
        assertThat(page.locator("main")).containsText(JavaSdk.RELEASE);
        assertThat(page.locator("main")).containsText("sentry.java");
    }

    @Test
    void issuePageDrawsTheLastDayAsTwentyFourHourlyBars() {
        openIssue(EXCEPTION_VALUE);

        assertThat(page.locator("svg.chart.hourly rect")).hasCount(24);
        assertThat(page.locator("svg.chart.hourly rect").last().locator("title")).containsText("1 events");
    }

    @Test
    void rawJsonViewShowsTheStoredEvent() {
        openIssue(EXCEPTION_VALUE);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("JSON").setExact(true)).click();

        assertThat(page.locator("pre.json")).containsText("\"aws_request_id\" : \"8f1c7d2e-request\"");
    }

    @Test
    void resolvingAnIssueTakesItOffTheUnresolvedList() {
        openIssue(MESSAGE);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve").setExact(true)).click();

        assertThat(page.locator(".badge.status")).hasText("resolved");
        page.navigate(issuesPath());
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(MESSAGE))).hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Resolved").setExact(true)).click();
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(MESSAGE))).hasCount(1);
    }

    @Test
    void searchNarrowsTheListWithTheSearchLanguage() {
        page.navigate(issuesPath());
        page.getByLabel("Search issues").fill("level:warning");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();

        assertThat(page.locator("table.issues tbody tr")).hasCount(1);
        assertThat(page.locator("table.issues tbody tr")).containsText(MESSAGE);
        page.getByLabel("Search issues").fill("\"could not be charged\" payment_provider:acme-pay");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        assertThat(page.locator("table.issues tbody tr")).hasCount(1);
        assertThat(page.locator("table.issues tbody tr")).containsText(EXCEPTION_VALUE);
    }

    @Test
    void searchWithABrokenQuerySaysWhatIsWrong() {
        page.navigate(issuesPath());
        page.getByLabel("Search issues").fill("is:sleeping");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();

        assertThat(page.locator("p.error")).containsText("is:sleeping is not a status");
    }

    @Test
    void projectPageShowsTheDsnAndSdkSetup() {
        page.navigate("/projects/default/" + project.slug() + "/");

        assertThat(page.locator("pre.dsn")).hasText(project.dsn());
        assertThat(page.locator(".snippets")).containsText("sentry_sdk.init(dsn=\"" + project.dsn() + "\"");
        assertThat(page.locator(".snippets")).containsText("Sentry.init({ dsn: \"" + project.dsn() + "\"");
        assertThat(page.locator(".snippets")).containsText("options.setDsn(\"" + project.dsn() + "\");");
    }

    @Test
    void pagesForbidScriptsAndFramingByContentSecurityPolicy() {
        Response response = page.navigate(issuesPath());

        assertThat(response.headers().get("content-security-policy")).isEqualTo(WebPages.CONTENT_SECURITY_POLICY);
        assertThat(response.headers().get("x-frame-options")).isEqualTo("DENY");
    }

    @Test
    void pagesFitALaptopScreenWithoutScrollingSideways() {
        openIssue(EXCEPTION_VALUE);

        Object overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).isEqualTo(false);
    }

    @Test
    void theOtherPagesFitALaptopScreenToo() {
        openIssue(EXCEPTION_VALUE);
        String issuePath = page.url();

        for (String path : new String[] {"/", issuesPath(), "/projects/default/" + project.slug() + "/",
                issuePath + "events/", "/organizations/default/projects/new/"}) {
            page.navigate(path);
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).as(path).isEqualTo(false);
        }
    }

    @Test
    void darkColorsFollowTheSystemSetting() {
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        openIssue(EXCEPTION_VALUE);

        // Retried until the style sheet has applied, which may come after the heading shows.
        assertThat(page.locator("body")).hasCSS("background-color", "rgb(21, 21, 27)");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("issue-dark.png")));
    }

    @Test
    void signingOutEndsTheSession() {
        page.navigate("/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.navigate(issuesPath());

        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    private void openIssue(String text) {
        page.navigate(issuesPath() + "?query=");
        page.locator("a.issue-title", new Page.LocatorOptions().setHasText(text)).click();
        assertThat(page.locator("h1.issue-title")).containsText(text);
    }

    private String issuesPath() {
        return "/projects/default/" + project.slug() + "/issues/";
    }

    /** An exception thrown and caught here, so that its top frames are in-app. */
    private static IllegalStateException chargeFailure() {
        try {
            throw new ArithmeticException("card limit exceeded");
        } catch (ArithmeticException cause) {
            return new IllegalStateException(EXCEPTION_VALUE, cause);
        }
    }
}
