package dev.picket.issues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.accounts.ApiTokens;
import dev.picket.accounts.Scopes;
import dev.picket.accounts.User;
import dev.picket.accounts.Users;
import dev.picket.api.HttpApi;
import dev.picket.pipeline.InboxProcessor;
import dev.picket.testing.PicketClient;
import dev.picket.testing.ReferenceRequests;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The issues REST API in Sentry's shapes, over the issues the Python SDK's recorded requests make:
 * one ZeroDivisionError issue (5 events, 5 users), one "Payment … declined" message issue (2
 * events), and the chained KeyError and the PermissionError.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IssuesApiTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>; rel=\"next\"; results=\"(true|false)\"");

    @LocalServerPort
    int port;
    @Autowired
    InboxProcessor processor;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;

    ProjectIngest ingest;
    HttpApi api;
    String issuesPath;

    @BeforeAll
    void pythonRecordingsProcessed() throws Exception {
        ingest = new ProjectIngest(port, processor, "api-" + UUID.randomUUID());
        for (ReferenceRequests.Recorded recorded : ReferenceRequests.all()) {
            if (recorded.name().startsWith("python")) {
                assertThat(ingest.replay(recorded)).isEqualTo(200);
            }
        }
        ingest.awaitProcessed();
        api = HttpApi.withToken(port, PicketClient.ADMIN_TOKEN);
        issuesPath = "/api/0/projects/default/" + ingest.project.slug() + "/issues/";
    }

    @Test
    void listsUnresolvedIssuesInSentrysShape() {
        JsonNode zeroDivision = find(list(""), "ZeroDivisionError: division by zero");
        assertThat(zeroDivision.get("count").asString()).isEqualTo("5");
        assertThat(zeroDivision.get("userCount").asLong()).isEqualTo(5);
        assertThat(zeroDivision.get("status").asString()).isEqualTo("unresolved");
        assertThat(zeroDivision.get("shortId").asString()).startsWith(ingest.project.slug().toUpperCase() + "-");
        assertThat(zeroDivision.get("metadata").get("type").asString()).isEqualTo("ZeroDivisionError");
        assertThat(zeroDivision.get("project").get("slug").asString()).isEqualTo(ingest.project.slug());
        assertThat(zeroDivision.get("firstSeen").asString()).isNotBlank();
        assertThat(zeroDivision.get("stats").get("24h")).hasSize(24);
    }

    @Test
    void searchesByLevelTagAndFreeText() {
        assertThat(titles(list("?query=level:info"))).singleElement().asString().startsWith("Payment ");
        assertThat(titles(list("?query=division"))).containsExactly("ZeroDivisionError: division by zero");
        assertThat(titles(list("?query=!level:info"))).noneMatch(title -> title.startsWith("Payment "));
        assertThat(list("?query=is:resolved")).isEmpty();
    }

    @Test
    void aMalformedSearchIsABadRequest() {
        HttpResponse<String> response = api.get(issuesPath + "?query=is:sleeping");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(HttpApi.json(response).get("detail").asString()).contains("is not a status");
    }

    @Test
    void pagesFollowTheLinkHeaderToTheEnd() {
        List<String> ids = new ArrayList<>();
        String path = issuesPath + "?sort=freq&limit=1";
        boolean more = true;
        while (more) {
            HttpResponse<String> response = api.get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            HttpApi.json(response).forEach(issue -> ids.add(issue.get("id").asString()));
            Matcher next = NEXT.matcher(response.headers().firstValue("Link").orElseThrow());
            assertThat(next.find()).isTrue();
            more = next.group(2).equals("true");
            path = next.group(1).substring(next.group(1).indexOf("/api/0/"));
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize(list("?limit=100").size());
    }

    @Test
    void resolvingAnIssueMovesItToTheResolvedList() {
        String id = find(list("?query=LookupError"), null).get("id").asString();
        HttpResponse<String> response = api.put("/api/0/issues/" + id + "/", "{\"status\":\"resolved\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HttpApi.json(response).get("status").asString()).isEqualTo("resolved");
        assertThat(list("?query=is:resolved")).extracting(i -> i.get("id").asString()).containsExactly(id);
    }

    @Test
    void ignoringUntilMoreEventsShowsTheConditionInStatusDetails() {
        String id = find(list("?query=PermissionError"), null).get("id").asString();
        HttpResponse<String> response = api.put("/api/0/issues/" + id + "/",
                "{\"status\":\"ignored\",\"statusDetails\":{\"ignoreCount\":10}}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode issue = HttpApi.json(response);
        assertThat(issue.get("status").asString()).isEqualTo("ignored");
        assertThat(issue.get("statusDetails").get("ignoreCount").asLong()).isEqualTo(10);
    }

    @Test
    void anUnknownStatusIsABadRequest() {
        String id = find(list(""), "ZeroDivisionError: division by zero").get("id").asString();
        HttpResponse<String> response = api.put("/api/0/issues/" + id + "/", "{\"status\":\"snoozed\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(HttpApi.json(response).get("detail").asString()).contains("unknown status");
    }

    @Test
    void eventsOfAnIssueAndItsLatestEventWithEntries() {
        String id = find(list(""), "ZeroDivisionError: division by zero").get("id").asString();
        JsonNode events = HttpApi.json(api.get("/api/0/issues/" + id + "/events/"));
        assertThat(events).hasSize(5);
        JsonNode latest = HttpApi.json(api.get("/api/0/issues/" + id + "/events/latest/"));
        assertThat(latest.get("groupID").asString()).isEqualTo(id);
        assertThat(latest.get("entries").get(0).get("type").asString()).isEqualTo("exception");
        assertThat(latest.get("entries").get(0).get("data").get("values").get(0).get("type").asString())
                .isEqualTo("ZeroDivisionError");
        JsonNode byId = HttpApi.json(api.get("/api/0/projects/default/" + ingest.project.slug() + "/events/"
                + latest.get("eventID").asString() + "/"));
        assertThat(byId.get("eventID").asString()).isEqualTo(latest.get("eventID").asString());
    }

    @Test
    void tagValuesOfAnIssueCountItsEvents() {
        String id = find(list(""), "ZeroDivisionError: division by zero").get("id").asString();
        JsonNode user = HttpApi.json(api.get("/api/0/issues/" + id + "/tags/user/"));
        assertThat(user.get("totalValues").asLong()).isEqualTo(5);
        assertThat(user.get("topValues")).hasSize(5);
        assertThat(api.get("/api/0/issues/" + id + "/tags/no-such-tag/").statusCode()).isEqualTo(404);
    }

    @Test
    void aMemberOfNoOrganizationSeesNoIssue() {
        User outsider = users.create("outsider-" + UUID.randomUUID() + "@example.com", "a password", false);
        HttpApi other = HttpApi.withToken(port, tokens.create(outsider, "outsider", Scopes.ALL));
        String id = find(list(""), "ZeroDivisionError: division by zero").get("id").asString();
        assertThat(other.get("/api/0/issues/" + id + "/").statusCode()).isEqualTo(404);
        assertThat(other.get("/api/0/issues/" + id + "/events/latest/").statusCode()).isEqualTo(404);
        assertThat(other.put("/api/0/issues/" + id + "/", "{\"status\":\"resolved\"}").statusCode()).isEqualTo(404);
        assertThat(other.get(issuesPath).statusCode()).isEqualTo(404);
    }

    @Test
    void aTokenWithoutEventScopesIsForbidden() {
        User reader = users.create("reader-" + UUID.randomUUID() + "@example.com", "a password", false);
        HttpApi projectsOnly = HttpApi.withToken(port, tokens.create(reader, "projects", Set.of(Scopes.PROJECT_READ)));
        assertThat(projectsOnly.get("/api/0/issues/1/").statusCode()).isEqualTo(403);
    }

    private List<JsonNode> list(String query) {
        HttpResponse<String> response = api.get(issuesPath + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> issues = new ArrayList<>();
        HttpApi.json(response).forEach(issues::add);
        return issues;
    }

    private static List<String> titles(List<JsonNode> issues) {
        return issues.stream().map(i -> i.get("title").asString()).toList();
    }

    /** The one issue of {@code issues} with {@code title}, or the only one when title is null. */
    private static JsonNode find(List<JsonNode> issues, String title) {
        List<JsonNode> matching = issues.stream()
                .filter(i -> title == null || i.get("title").asString().equals(title)).toList();
        assertThat(matching).as(titles(issues).toString()).hasSize(1);
        return matching.getFirst();
    }
}
