package dev.picket.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.picket.pipeline.InboxProcessor;
import dev.picket.testing.PicketClient;
import io.sentry.Breadcrumb;
import io.sentry.Sentry;
import io.sentry.protocol.Request;
import io.sentry.protocol.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Anyone with a DSN can send an event, so an event is an attacker's text. One full of markup,
 * handlers, {@code javascript:} URLs and unicode tricks, sent through ingest by the real SDK, must
 * show as text everywhere and run nothing: no dialog, {@code window.__pwned} never set, and not even
 * an attempt that the Content-Security-Policy had to block (which would mean escaping failed).
 */
class HostileEventBrowserTest extends BrowserTest {

    private static final String SCRIPT = "<script>window.__pwned=1;alert(1)</script>";
    private static final String IMAGE = "<img src=x onerror=\"window.__pwned=2;alert(2)\">";
    private static final String SVG = "<svg onload=window.__pwned=3>";
    private static final String LINK = "javascript:window.__pwned=4;alert(4)";
    /** A right-to-left override and zero-width characters, to disguise text. */
    private static final String UNICODE = "invoice\u202Efdp.exe\u200B\u200D";
    private static final String EXCEPTION_VALUE = "charge failed " + SCRIPT + IMAGE;

    @Autowired
    InboxProcessor processor;

    PicketClient.Project project;
    final List<String> dialogs = new ArrayList<>();
    final List<String> console = new ArrayList<>();
    final List<String> pageErrors = new ArrayList<>();

    @BeforeAll
    void hostileEventSentThroughIngest() throws Exception {
        project = picket.createProject("Hostile " + UUID.randomUUID().toString().substring(0, 8));
        JavaSdk.send(project.dsn(), () -> {
            Sentry.configureScope(scope -> {
                User user = new User();
                user.setId(SCRIPT);
                user.setUsername(IMAGE);
                user.setEmail(LINK);
                scope.setUser(user);
                scope.setTag("payload", SVG);
                scope.setTag("file", UNICODE);
                scope.setTransaction("<iframe src=\"" + LINK + "\"></iframe>");
                Breadcrumb breadcrumb = new Breadcrumb(SCRIPT + UNICODE);
                breadcrumb.setCategory(IMAGE);
                breadcrumb.setData("url", LINK);
                scope.addBreadcrumb(breadcrumb);
                Request request = new Request();
                request.setMethod("GET");
                request.setUrl(LINK);
                request.setQueryString("q=" + SCRIPT);
                request.setHeaders(Map.of("Referer", LINK, "X-Evil", IMAGE, "User-Agent", SVG));
                scope.setRequest(request);
                scope.setExtra("note", SCRIPT);
            });
            Sentry.captureException(new IllegalArgumentException(EXCEPTION_VALUE));
        });
        assertThat(processor.awaitIdle(Duration.ofSeconds(60))).isTrue();
    }

    @BeforeEach
    void signedInAndWatchingForScripts() {
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        page.onConsoleMessage(message -> console.add(message.text()));
        page.onPageError(pageErrors::add);
        SignIn.asAdmin(page);
    }

    @Test
    void issuesListShowsTheHostileTitleAsText() {
        page.navigate(issuesPath());

        // Long titles are cut short when stored; the script tag comes first and whole.
        assertThat(page.locator("a.issue-title")).containsText("charge failed " + SCRIPT);
        assertNothingRan();
    }

    @Test
    void issuePageShowsEveryHostileFieldAsText() {
        openIssue();

        assertThat(page.locator(".exc-value")).hasText(EXCEPTION_VALUE);
        assertThat(page.locator("main")).containsText(LINK);
        assertThat(page.locator(".tag-pills")).containsText(SVG);
        assertThat(page.locator(".tag-pills")).containsText(UNICODE);
        assertThat(page.locator("table.breadcrumbs")).containsText(SCRIPT + UNICODE);
        assertThat(page.locator("table.breadcrumbs")).containsText(IMAGE);
        assertThat(page.locator("main")).containsText("X-Evil");
        assertNothingRan();
        assertThat(page.locator("main script, main img, main iframe, main a[href^='javascript']")).hasCount(0);
        assertThat(page.locator("[onerror], [onload]")).hasCount(0);
    }

    @Test
    void rawJsonViewShowsTheHostileEventAsText() {
        openIssue();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("JSON").setExact(true)).click();

        assertThat(page.locator("pre.json")).containsText("onerror");
        assertNothingRan();
        assertThat(page.locator("script, img, iframe")).hasCount(0);
    }

    private void assertNothingRan() {
        assertThat(page.evaluate("() => typeof window.__pwned")).isEqualTo("undefined");
        assertThat(dialogs).isEmpty();
        assertThat(pageErrors).isEmpty();
        // Had escaping failed, the CSP would have blocked the script and said so on the console.
        assertThat(console).noneMatch(text -> text.contains("Content Security Policy"));
    }

    private void openIssue() {
        page.navigate(issuesPath());
        page.locator("a.issue-title").first().click();
        assertThat(page.locator("h1.issue-title")).containsText("charge failed");
    }

    private String issuesPath() {
        return "/projects/default/" + project.slug() + "/issues/";
    }
}
