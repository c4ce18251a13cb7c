package dev.picket.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.picket.accounts.Organization;
import dev.picket.accounts.OrganizationRole;
import dev.picket.accounts.Organizations;
import dev.picket.accounts.Users;
import dev.picket.pipeline.InboxProcessor;
import dev.picket.testing.PicketClient;
import io.sentry.BaggageHeader;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.SentryLevel;
import io.sentry.SpanStatus;
import io.sentry.TransactionContext;
import io.sentry.TransactionOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The trace, performance and function pages in a real browser, over a trace the real Java SDK sent:
 * function checkout calls function payments, propagating the trace; payments starts cold, warns that
 * it is about to time out, and fails.
 */
class TracePagesBrowserTest extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String OUTSIDER_PASSWORD = "outsider-password";

    @Autowired
    InboxProcessor processor;
    @Autowired
    Users users;
    @Autowired
    Organizations organizations;

    PicketClient.Project project;
    String traceId;
    String outsiderEmail;

    @BeforeAll
    void checkoutCallsPaymentsWhichFails() throws Exception {
        project = picket.createProject("Shop " + UUID.randomUUID().toString().substring(0, 8));
        Sentry.init(options -> {
            options.setDsn(project.dsn());
            options.setTracesSampleRate(1.0);
            options.setEnableUncaughtExceptionHandler(false);
        });
        try {
            TransactionOptions bound = new TransactionOptions();
            bound.setBindToScope(true);
            ITransaction checkout = Sentry.startTransaction(new TransactionContext("checkout", "function"), bound);
            checkout.setTag("function", "checkout");
            checkout.setTag("cold_start", "false");
            traceId = checkout.getSpanContext().getTraceId().toString();
            ISpan call = checkout.startChild("http.client", "POST /pay");
            BaggageHeader baggage = call.toBaggageHeader(null);
            payments(call.toSentryTrace().getValue(), baggage == null ? null : baggage.getValue());
            call.finish(SpanStatus.INTERNAL_ERROR);
            checkout.finish(SpanStatus.INTERNAL_ERROR);
            Sentry.flush(10_000);
        } finally {
            Sentry.close();
        }
        assertThat(processor.awaitIdle(Duration.ofSeconds(60))).isTrue();

        Organization other = organizations.create("other-" + UUID.randomUUID().toString().substring(0, 8), "Other");
        outsiderEmail = "outsider-" + UUID.randomUUID() + "@picket.test";
        organizations.addMember(other, users.create(outsiderEmail, OUTSIDER_PASSWORD, false), OrganizationRole.OWNER);
    }

    /** The called function, as the serverless library runs a handler: function and cold start as scope tags. */
    private static void payments(String sentryTrace, String baggage) {
        try (ISentryLifecycleToken scope = Sentry.forkedScopes("payments").makeCurrent()) {
            Sentry.configureScope(s -> {
                s.setTag("function", "payments");
                s.setTag("cold_start", "true");
            });
            TransactionContext context = Sentry.continueTrace(sentryTrace, baggage == null ? null : List.of(baggage));
            context.setName("payments");
            context.setOperation("function");
            TransactionOptions bound = new TransactionOptions();
            bound.setBindToScope(true);
            ITransaction transaction = Sentry.startTransaction(context, bound);
            Sentry.captureMessage("WARNING : Function is expected to get timed out.", SentryLevel.WARNING,
                    s -> s.setTag("timeout_warning", "true"));
            Sentry.captureException(new IllegalStateException("card declined"));
            transaction.finish(SpanStatus.INTERNAL_ERROR);
        }
    }

    @Test
    void theWaterfallNestsPaymentsUnderCheckoutsCall() {
        SignIn.asAdmin(page);
        page.navigate("/organizations/default/traces/" + traceId);

        Locator rows = page.locator(".waterfall li");
        assertThat(rows).hasCount(3);
        assertThat(rows.nth(0)).hasClass(Pattern.compile("\\bd0\\b.*\\btxn\\b"));
        assertThat(rows.nth(0)).containsText("checkout");
        assertThat(rows.nth(1)).hasClass(Pattern.compile("\\bd1\\b"));
        assertThat(rows.nth(1)).containsText("POST /pay");
        assertThat(rows.nth(2)).hasClass(Pattern.compile("\\bd2\\b.*\\btxn\\b"));
        assertThat(rows.nth(2)).containsText("payments");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("trace.png")));
    }

    @Test
    void theErrorSitsOnThePaymentsSpanMarkedAsTheRootCauseAndLinksItsIssue() {
        SignIn.asAdmin(page);
        page.navigate("/organizations/default/traces/" + traceId);

        Locator cause = page.locator(".waterfall li.cause");
        assertThat(cause).hasCount(1);
        assertThat(cause).containsText("payments");
        assertThat(cause.locator(".badge.root-cause")).hasText("root cause");
        assertThat(page.locator(".root-cause-summary")).containsText("payments");
        cause.getByText("IllegalStateException: card declined").click();

        assertThat(page).hasURL(Pattern.compile(".*/issues/\\d+/$"));
        assertThat(page.locator("h1")).containsText("card declined");
    }

    @Test
    void bothFunctionsAreListedWithTheirColdStartAndTimeoutBadges() {
        SignIn.asAdmin(page);
        page.navigate("/organizations/default/traces/" + traceId);

        Locator functions = page.locator(".trace-functions li");
        assertThat(functions).hasCount(2);
        assertThat(functions.nth(0).locator(".function-name")).hasText("checkout");
        assertThat(functions.nth(0).locator(".badge")).hasCount(0);
        assertThat(functions.nth(1).locator(".function-name")).hasText("payments");
        assertThat(functions.nth(1).locator(".badge.cold-start")).hasText("cold start");
        assertThat(functions.nth(1).locator(".badge.timeout")).hasText("timeout warning");
    }

    @Test
    void theIssuePageLeadsToTheEventsTraceAndShowsItsFunctionState() {
        SignIn.asAdmin(page);
        page.navigate("/issues/" + issueId("card declined") + "/");

        Locator panel = page.locator("section.event-trace");
        assertThat(panel).containsText("payments");
        assertThat(panel.locator(".badge.cold-start")).hasText("cold start");
        panel.getByText(traceId).click();

        assertThat(page).hasURL(Pattern.compile(".*/organizations/default/traces/" + traceId + "$"));
    }

    @Test
    void theTimeoutWarningsIssuePageSaysSo() {
        SignIn.asAdmin(page);
        page.navigate("/issues/" + issueId("timed out") + "/");

        assertThat(page.locator("section.event-trace .badge.timeout")).hasText("timeout warning");
    }

    @Test
    void performanceListsTheTransactionsAndLeadsToTheirTraces() {
        SignIn.asAdmin(page);
        page.navigate("/projects/default/" + project.slug() + "/");
        page.locator(".project-nav").getByText("Performance").click();

        Locator rows = page.locator("table.transactions tbody tr");
        assertThat(rows).hasCount(2);
        Locator checkout = page.locator("table.transactions tr", new Page.LocatorOptions().setHasText("checkout"));
        assertThat(checkout.locator("td.num").nth(0)).hasText("1");
        assertThat(checkout.locator("td.num").nth(1)).hasText("100.0 %");
        checkout.getByRole(AriaRole.LINK).click();

        assertThat(page.locator("h1")).hasText("checkout");
        page.locator("table.traces-list").first().getByText(traceId).click();
        assertThat(page).hasURL(Pattern.compile(".*/organizations/default/traces/" + traceId + "$"));
    }

    @Test
    void functionsShowTheirStatsAndLeadToTheirIssuesAndTraces() {
        SignIn.asAdmin(page);
        page.navigate("/organizations/default/projects/" + project.slug() + "/functions?statsPeriod=1h");

        Locator payments = page.locator("table.functions tbody tr", new Page.LocatorOptions().setHasText("payments"));
        Locator numbers = payments.locator("td.num");
        assertThat(numbers.nth(0)).hasText("1");
        assertThat(numbers.nth(1)).hasText("2");
        assertThat(numbers.nth(2)).hasText("200.0 %");
        assertThat(numbers.nth(3)).hasText("1");
        assertThat(numbers.nth(7)).hasText("1");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("functions.png")));

        payments.getByText("Issues").click();
        assertThat(page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search issues"))).hasValue("function:payments");
        assertThat(page.locator("table.issues tbody tr")).hasCount(2);

        page.goBack();
        page.locator("table.functions tbody tr", new Page.LocatorOptions().setHasText("payments"))
                .getByText("Traces").click();
        assertThat(page.locator("h1")).hasText("payments");
        assertThat(page.locator("table.traces-list").first()).containsText(traceId);
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        page.navigate("/organizations/default/traces/" + traceId);

        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    @Test
    void aMemberOfAnotherOrganizationFindsNothing() {
        SignIn.as(page, outsiderEmail, OUTSIDER_PASSWORD);

        assertThat(page.navigate("/organizations/default/traces/" + traceId).status()).isEqualTo(404);
        String projectPages = "/organizations/default/projects/" + project.slug();
        assertThat(page.navigate(projectPages + "/performance").status()).isEqualTo(404);
        assertThat(page.navigate(projectPages + "/performance/transaction?name=checkout").status()).isEqualTo(404);
        assertThat(page.navigate(projectPages + "/functions").status()).isEqualTo(404);
        assertThat(page.navigate(projectPages + "/functions/traces?function=payments").status()).isEqualTo(404);
        assertThat(page.locator("main")).not().containsText("payments");
    }

    private long issueId(String titlePart) {
        JsonNode issues = picket.api("GET", "/api/0/projects/default/" + project.slug() + "/issues/", null);
        for (JsonNode issue : issues) {
            if (issue.get("title").asString().contains(titlePart)) {
                return issue.get("id").asLong();
            }
        }
        throw new AssertionError("no issue titled with '" + titlePart + "' in " + issues);
    }
}
