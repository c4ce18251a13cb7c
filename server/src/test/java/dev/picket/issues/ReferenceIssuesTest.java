package dev.picket.issues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.pipeline.InboxProcessor;
import dev.picket.testing.ReferenceRequests;
import dev.picket.testing.ReferenceRequests.Recorded;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The requests recorded from the official SDKs, sent over HTTP, become the issues a Sentry user
 * sees: grouped as the reference README states, with Sentry's titles, event and user counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferenceIssuesTest {

    @LocalServerPort
    int port;
    @Autowired
    InboxProcessor processor;
    @Autowired
    Issues issues;
    @Autowired
    JdbcClient jdbc;

    @Test
    void pythonRunGroupsIntoSentrysIssues() throws Exception {
        Map<String, Issue> byTitle = issuesOf(sent("python-sdk-1.9.10"));

        assertThat(byTitle.keySet()).containsExactlyInAnyOrder(
                "ZeroDivisionError: division by zero",
                "Payment 98765 declined for order 598765",
                "LookupError: customer lookup failed",
                "PermissionError: token=qs-secret-token rejected");
        assertCounts(byTitle.get("ZeroDivisionError: division by zero"), 5, 5);
        assertThat(byTitle.get("ZeroDivisionError: division by zero").culprit()).isEqualTo("__main__ in handler");
        // Messages differing only in numbers are one issue, titled by its latest event as in Sentry.
        assertCounts(byTitle.get("Payment 98765 declined for order 598765"), 2, 0);
    }

    @Test
    void nodeRunGroupsIntoSentrysIssues() throws Exception {
        Map<String, Issue> byTitle = issuesOf(sent("node-sdk-11.12.0"));

        // The two messages come as exceptions without a type: Sentry titles those by the crash frame's function.
        assertThat(byTitle.keySet()).containsExactlyInAnyOrder(
                "TypeError: Cannot read properties of undefined (reading 'length')",
                "PaymentError: card declined by issuer",
                "main");
        assertCounts(byTitle.get("TypeError: Cannot read properties of undefined (reading 'length')"), 4, 4);
        assertCounts(byTitle.get("main"), 2, 0);
        assertThat(byTitle.get("PaymentError: card declined by issuer").culprit()).isEqualTo("POST /charge");
    }

    @Test
    void javaRunGroupsIntoSentrysIssues() throws Exception {
        Map<String, Issue> byTitle = issuesOf(sent("java-sdk-8.20.0"));

        assertThat(byTitle.keySet()).containsExactlyInAnyOrder(
                "NullPointerException: Cannot invoke \"String.length()\" because \"order\" is null",
                "Invoice 1024 overdue by 45 days",
                "IllegalStateException: could not write invoice");
        assertCounts(byTitle.get("NullPointerException: Cannot invoke \"String.length()\" because \"order\" is null"),
                3, 3);
        assertCounts(byTitle.get("Invoice 1024 overdue by 45 days"), 2, 0);
    }

    private ProjectIngest sent(String sdk) throws InterruptedException {
        ProjectIngest ingest = new ProjectIngest(port, processor, sdk);
        for (Recorded recorded : ReferenceRequests.all()) {
            if (recorded.name().startsWith(sdk + "/")) {
                assertThat(ingest.replay(recorded)).as(recorded.name()).isEqualTo(200);
            }
        }
        ingest.awaitProcessed();
        assertThat(jdbc.sql("SELECT count(*) FROM inbox WHERE project_id = ? AND error IS NOT NULL")
                .param(ingest.projectId()).query(Long.class).single()).as("rows set aside").isZero();
        return ingest;
    }

    private Map<String, Issue> issuesOf(ProjectIngest ingest) {
        List<Issue> all = issues.list(IssueQuery.all(ingest.projectId())).issues();
        return all.stream().collect(Collectors.toMap(Issue::title, Function.identity()));
    }

    private static void assertCounts(Issue issue, long events, long users) {
        assertThat(issue.timesSeen()).as(issue.title() + " events").isEqualTo(events);
        assertThat(issue.userCount()).as(issue.title() + " users").isEqualTo(users);
    }
}
