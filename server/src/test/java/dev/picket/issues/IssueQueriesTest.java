package dev.picket.issues;

import static dev.picket.issues.ProjectIngest.error;
import static dev.picket.issues.ProjectIngest.withUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picket.pipeline.InboxProcessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue lists filter and sort as Sentry's do and page by cursor; an issue's events page newest
 * first, and its recommended event is the one with the most context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IssueQueriesTest {

    @LocalServerPort
    int port;
    @Autowired
    InboxProcessor processor;
    @Autowired
    Issues issues;

    ProjectIngest ingest;
    /** Issue n has n + 1 events, from n + 1 users for even n and one user for odd n. */
    final List<Issue> created = new ArrayList<>();

    @BeforeAll
    void fiveIssues() throws Exception {
        ingest = new ProjectIngest(port, processor, "queries-" + UUID.randomUUID());
        for (int n = 0; n < 5; n++) {
            for (int e = 0; e <= n; e++) {
                ObjectNode event = withUser(error("Kind" + n + "Error", "issue " + n), n % 2 == 0 ? "user-" + e : "solo");
                event.put("level", n == 4 ? "fatal" : "error");
                ingest.send(event);
            }
            ingest.awaitProcessed();
        }
        created.addAll(issues.list(IssueQuery.all(ingest.projectId()).withSort(IssueSort.NEW)).issues().reversed());
        assertThat(created).extracting(Issue::timesSeen).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void sortsOrderByTheirColumnLargestFirst() {
        assertThat(ids(IssueQuery.all(ingest.projectId()).withSort(IssueSort.FREQ))).containsExactly(4, 3, 2, 1, 0);
        assertThat(ids(IssueQuery.all(ingest.projectId()).withSort(IssueSort.USER))).containsExactly(4, 2, 3, 1, 0);
        assertThat(ids(IssueQuery.all(ingest.projectId()).withSort(IssueSort.DATE))).containsExactly(4, 3, 2, 1, 0);
    }

    @Test
    void pagesFollowEachOtherWithoutGapOrRepeat() {
        IssueQuery query = IssueQuery.all(ingest.projectId()).withSort(IssueSort.USER).withLimit(2);
        List<Long> seen = new ArrayList<>();
        IssuePage page = issues.list(query);
        seen.addAll(page.issues().stream().map(Issue::id).toList());
        while (page.nextCursor() != null) {
            page = issues.list(query.withCursor(page.nextCursor()));
            seen.addAll(page.issues().stream().map(Issue::id).toList());
        }

        assertThat(seen).containsExactlyElementsOf(idsOf(4, 2, 3, 1, 0));
    }

    @Test
    void filtersNarrowTheList() {
        assertThat(ids(IssueQuery.all(ingest.projectId()).withLevel("fatal"))).containsExactly(4);
        assertThat(ids(IssueQuery.all(ingest.projectId()).withText("kind3"))).containsExactly(3);
        assertThat(ids(IssueQuery.all(ingest.projectId()).withStatuses(Set.of(IssueStatus.RESOLVED)))).isEmpty();
        assertThat(ids(IssueQuery.all(ingest.projectId()).withFirstSeen(created.get(3).firstSeen(), null)))
                .containsExactly(4, 3);
    }

    @Test
    void aCursorThatWasNeverGivenIsRefused() {
        assertThatThrownBy(() -> issues.list(IssueQuery.all(ingest.projectId()).withCursor("tomorrow")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid cursor 'tomorrow'");
    }

    @Test
    void anIssuesEventsPageNewestFirst() {
        Issue issue = created.get(4);
        EventPage first = issues.events(issue.id(), null, 3);
        EventPage second = issues.events(issue.id(), first.nextCursor(), 3);

        assertThat(first.events()).hasSize(3);
        assertThat(second.events()).hasSize(2);
        assertThat(second.nextCursor()).isNull();
        List<EventSummary> all = new ArrayList<>(first.events());
        all.addAll(second.events());
        assertThat(all).extracting(EventSummary::timestamp).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(issues.latestEvent(issue.id()).orElseThrow().summary().eventId())
                .isEqualTo(all.getFirst().eventId());
        assertThat(issues.oldestEvent(issue.id()).orElseThrow().summary().eventId())
                .isEqualTo(all.getLast().eventId());
    }

    @Test
    void theRecommendedEventHasAUserOverANewerOneWithout() throws Exception {
        ProjectIngest own = new ProjectIngest(port, processor, "recommended-" + UUID.randomUUID());
        String withUser = own.send(withUser(error("RecommendedError", "x"), "user-0"));
        own.awaitProcessed();
        String withoutUser = own.send(error("RecommendedError", "x"));
        own.awaitProcessed();
        Issue issue = issues.findByEvent(own.projectId(), withoutUser).orElseThrow();

        String recommended = issues.recommendedEvent(issue.id()).orElseThrow().summary().eventId();

        assertThat(issues.latestEvent(issue.id()).orElseThrow().summary().eventId()).isEqualTo(withoutUser);
        assertThat(recommended).isEqualTo(withUser);
        assertThat(issues.event(own.projectId(), recommended).orElseThrow().summary().userKey()).isEqualTo("id:user-0");
    }

    private List<Integer> ids(IssueQuery query) {
        return issues.list(query).issues().stream().map(i -> created.stream().map(Issue::id).toList().indexOf(i.id()))
                .toList();
    }

    private List<Long> idsOf(int... indexes) {
        List<Long> ids = new ArrayList<>();
        for (int index : indexes) {
            ids.add(created.get(index).id());
        }
        return ids;
    }
}
