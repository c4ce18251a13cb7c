package dev.picket.issues;

import static dev.picket.issues.ProjectIngest.error;
import static dev.picket.issues.ProjectIngest.withRelease;
import static dev.picket.issues.ProjectIngest.withUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.picket.pipeline.InboxProcessor;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

/** An issue's status follows Sentry's rules as its events arrive: regression, next release, ignore conditions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IssueLifecycleTest {

    @LocalServerPort
    int port;
    @Autowired
    InboxProcessor processor;
    @Autowired
    Issues issues;
    @Autowired
    JdbcClient jdbc;

    ProjectIngest ingest;
    /** Each test's own error type, so its events form one issue of their own. */
    String type;

    @BeforeEach
    void project() {
        String unique = UUID.randomUUID().toString().replace("-", "");
        ingest = new ProjectIngest(port, processor, "lifecycle-" + unique);
        type = "Failure" + unique;
    }

    @Test
    void aNewIssueIsUnresolvedAndNew() throws Exception {
        Issue issue = issueAfter(error(type, "first"));

        assertThat(issue.status()).isEqualTo(IssueStatus.UNRESOLVED);
        assertThat(issue.substatus()).isEqualTo(IssueSubstatus.NEW);
        assertThat(issue.shortId()).isEqualTo(1);
    }

    @Test
    void anEventOfAResolvedIssueReopensItAsRegressed() throws Exception {
        Issue issue = issueAfter(error(type, "first"));
        issues.setStatus(issue.id(), StatusChange.resolved());

        Issue after = issueAfter(error(type, "again"));

        assertThat(after.id()).isEqualTo(issue.id());
        assertThat(after.status()).isEqualTo(IssueStatus.UNRESOLVED);
        assertThat(after.substatus()).isEqualTo(IssueSubstatus.REGRESSED);
        assertThat(after.resolvedAt()).isNull();
        assertThat(after.timesSeen()).isEqualTo(2);
    }

    @Test
    void resolvedInNextReleaseStaysResolvedForEventsOfTheCurrentRelease() throws Exception {
        Issue issue = issueAfter(withRelease(error(type, "first"), "shop@1.0.0"));
        issues.setStatus(issue.id(), StatusChange.resolvedInNextRelease());

        Issue after = issueAfter(withRelease(error(type, "still running the old build"), "shop@1.0.0"));

        assertThat(after.status()).isEqualTo(IssueStatus.RESOLVED);
        assertThat(after.resolvedInRelease()).isEqualTo("shop@1.0.0");
        assertThat(after.timesSeen()).isEqualTo(2);
    }

    @Test
    void resolvedInNextReleaseRegressesOnAnEventOfANewerRelease() throws Exception {
        Issue issue = issueAfter(withRelease(error(type, "first"), "shop@1.0.0"));
        issues.setStatus(issue.id(), StatusChange.resolvedInNextRelease());

        Issue after = issueAfter(withRelease(error(type, "the fix did not work"), "shop@1.0.1"));

        assertThat(after.status()).isEqualTo(IssueStatus.UNRESOLVED);
        assertThat(after.substatus()).isEqualTo(IssueSubstatus.REGRESSED);
        assertThat(after.lastRelease()).isEqualTo("shop@1.0.1");
        assertThat(after.firstRelease()).isEqualTo("shop@1.0.0");
    }

    @Test
    void ignoredUntilTwoMoreEventsEscalatesOnTheSecond() throws Exception {
        Issue issue = issueAfter(error(type, "first"));
        Issue ignored = issues.setStatus(issue.id(), StatusChange.ignored(IgnoreRule.untilCount(2))).orElseThrow();
        assertThat(ignored.status()).isEqualTo(IssueStatus.IGNORED);
        assertThat(ignored.substatus()).isEqualTo(IssueSubstatus.ARCHIVED_UNTIL_CONDITION_MET);
        assertThat(ignored.ignoreRule()).isEqualTo(IgnoreRule.untilCount(2));

        assertThat(issueAfter(error(type, "one more")).status()).isEqualTo(IssueStatus.IGNORED);
        Issue after = issueAfter(error(type, "two more"));

        assertThat(after.status()).isEqualTo(IssueStatus.UNRESOLVED);
        assertThat(after.substatus()).isEqualTo(IssueSubstatus.ESCALATING);
        assertThat(after.ignoreRule()).isNull();
    }

    @Test
    void ignoredUntilOneMoreUserStaysIgnoredForTheSameUser() throws Exception {
        Issue issue = issueAfter(withUser(error(type, "first"), "ann"));
        issues.setStatus(issue.id(), StatusChange.ignored(IgnoreRule.untilUserCount(1)));

        assertThat(issueAfter(withUser(error(type, "ann again"), "ann")).status()).isEqualTo(IssueStatus.IGNORED);
        Issue after = issueAfter(withUser(error(type, "bob"), "bob"));

        assertThat(after.status()).isEqualTo(IssueStatus.UNRESOLVED);
        assertThat(after.substatus()).isEqualTo(IssueSubstatus.ESCALATING);
        assertThat(after.userCount()).isEqualTo(2);
    }

    @Test
    void ignoredUntilATimeStaysIgnoredBeforeItAndEscalatesOnAnEventAfterIt() throws Exception {
        Issue issue = issueAfter(error(type, "first"));
        issues.setStatus(issue.id(), StatusChange.ignored(IgnoreRule.untilTime(Instant.now().plus(1, ChronoUnit.HOURS))));
        assertThat(issueAfter(error(type, "within the hour")).status()).isEqualTo(IssueStatus.IGNORED);

        issues.setStatus(issue.id(), StatusChange.ignored(IgnoreRule.untilTime(Instant.now().minusSeconds(1))));
        Issue after = issueAfter(error(type, "after it"));

        assertThat(after.status()).isEqualTo(IssueStatus.UNRESOLVED);
        assertThat(after.substatus()).isEqualTo(IssueSubstatus.ESCALATING);
    }

    @Test
    void anExpiredIgnoreEndsWithoutAnEventWhenExpiriesAreSwept() throws Exception {
        Issue issue = issueAfter(error(type, "first"));
        issues.setStatus(issue.id(), StatusChange.ignored(IgnoreRule.untilTime(Instant.now().minusSeconds(1))));

        assertThat(issues.sweep()).isPositive();

        Issue after = issues.find(issue.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(IssueStatus.UNRESOLVED);
        assertThat(after.substatus()).isEqualTo(IssueSubstatus.ONGOING);
    }

    @Test
    void aNewIssueBecomesOngoingSevenDaysAfterItWasCreated() throws Exception {
        Issue issue = issueAfter(error(type, "first"));
        issues.sweep();
        assertThat(issues.find(issue.id()).orElseThrow().substatus()).isEqualTo(IssueSubstatus.NEW);

        // A week passes.
        jdbc.sql("UPDATE issues SET status_changed_at = status_changed_at - ? WHERE id = ?")
                .params(Issues.SETTLE_AFTER.toMillis(), issue.id()).update();
        issues.sweep();

        Issue after = issues.find(issue.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(IssueStatus.UNRESOLVED);
        assertThat(after.substatus()).isEqualTo(IssueSubstatus.ONGOING);
    }

    @Test
    void ignoredForeverStaysIgnored() throws Exception {
        Issue issue = issueAfter(error(type, "first"));
        issues.setStatus(issue.id(), StatusChange.ignored(IgnoreRule.forever()));

        Issue after = issueAfter(error(type, "again"));

        assertThat(after.status()).isEqualTo(IssueStatus.IGNORED);
        assertThat(after.substatus()).isEqualTo(IssueSubstatus.ARCHIVED_FOREVER);
        assertThat(after.timesSeen()).isEqualTo(2);
    }

    @Test
    void eventsCountInTheHourTheyHappened() throws Exception {
        long now = System.currentTimeMillis();
        ObjectNode twoHoursAgo = error(type, "earlier");
        twoHoursAgo.put("timestamp", (now - 2 * 3_600_000L) / 1000.0);
        ingest.send(twoHoursAgo);
        ingest.send(error(type, "now"));
        Issue issue = issueAfter(error(type, "now again"));

        List<CountBucket> hours = issues.hourlyCounts(issue.id());

        assertThat(hours).hasSize(24);
        assertThat(hours.getLast().count()).isEqualTo(2);
        assertThat(hours.get(21).count()).isEqualTo(1);
        assertThat(hours.stream().mapToLong(CountBucket::count).sum()).isEqualTo(3);
        assertThat(issues.dailyCounts(issue.id()).stream().mapToLong(CountBucket::count).sum()).isEqualTo(3);
        assertThat(issue.firstSeen()).isBefore(issue.lastSeen().minusSeconds(3600));
    }

    @Test
    void tagValuesAreCountedPerIssue() throws Exception {
        for (String function : List.of("orders", "orders", "payments")) {
            ObjectNode event = error(type, "in " + function);
            event.putObject("tags").put("function", function);
            event.put("environment", "production");
            ingest.send(event);
        }
        Issue issue = issueAfter(error(type, "untagged"));

        assertThat(issues.tagValues(issue.id(), "function", 10))
                .extracting(TagValueCount::value, TagValueCount::count)
                .containsExactly(tuple("orders", 2L), tuple("payments", 1L));
        assertThat(issues.tags(issue.id(), 5)).filteredOn(t -> t.key().equals("level")).singleElement()
                .satisfies(level -> assertThat(level.totalValues()).isEqualTo(4));
        assertThat(issues.list(IssueQuery.all(ingest.projectId()).withEnvironment("production")).issues())
                .extracting(Issue::id).containsExactly(issue.id());
        assertThat(issues.list(IssueQuery.all(ingest.projectId()).withEnvironment("staging")).issues()).isEmpty();
    }

    @Test
    void eventsWithTheSameCustomFingerprintAreOneIssueWhateverTheirException() throws Exception {
        ObjectNode first = error(type + "A", "one way");
        first.putArray("fingerprint").add("checkout").add(type);
        ObjectNode second = error(type + "B", "another way");
        second.putArray("fingerprint").add("checkout").add(type);

        Issue issue = issueAfter(first);
        Issue after = issueAfter(second);

        assertThat(after.id()).isEqualTo(issue.id());
        assertThat(after.timesSeen()).isEqualTo(2);
    }

    private Issue issueAfter(ObjectNode event) throws InterruptedException {
        String eventId = ingest.send(event);
        ingest.awaitProcessed();
        return issues.findByEvent(ingest.projectId(), eventId).orElseThrow();
    }
}
