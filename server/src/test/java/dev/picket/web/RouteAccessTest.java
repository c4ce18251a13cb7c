package dev.picket.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.accounts.ApiTokens;
import dev.picket.accounts.Invitations;
import dev.picket.accounts.Memberships;
import dev.picket.accounts.Organization;
import dev.picket.accounts.OrganizationRole;
import dev.picket.accounts.Organizations;
import dev.picket.accounts.Scopes;
import dev.picket.accounts.User;
import dev.picket.accounts.Users;
import dev.picket.issues.IssueComments;
import dev.picket.pipeline.InboxProcessor;
import dev.picket.testing.Envelopes;
import dev.picket.testing.PicketClient;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and REST API route the application has, found at run time, asked for the resources of
 * the default organization (a project, its issue, event, key, comment, alert rule, trace) by an
 * anonymous visitor and by a member of another organization. A route added later is covered
 * without touching this test, unless it names a path variable not known here: then the test fails
 * and names it, so that whoever added it says which resource it stands for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAccessTest {

    /** Routes anyone may use: SDK ingestion authenticates DSN keys itself; signing in and first-run setup. */
    private static final List<Pattern> PUBLIC_ROUTES = List.of(
            Pattern.compile("/api/\\{projectId}/.*"),
            Pattern.compile("/login"),
            Pattern.compile("/setup"),
            // The token in an invitation link is its credential: whoever holds the link may join.
            Pattern.compile("/invitations/\\{token}.*"),
            Pattern.compile("/error"));
    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?(\\w+)(?::[^}]*)?}");
    private static final String OUTSIDER_PASSWORD = "outsider-password";
    /** Values for every form field the pages take, so that a refusal is never just a missing parameter. */
    private static final Map<String, String> FORM = Map.ofEntries(Map.entry("action", "resolve"),
            Map.entry("until", "forever"), Map.entry("text", "hello"), Map.entry("assignee", ""),
            Map.entry("name", "Taken over"), Map.entry("team", "default"), Map.entry("active", "false"),
            Map.entry("count", "1"), Map.entry("window", "60"), Map.entry("label", "stolen"),
            Map.entry("query", ""), Map.entry("sort", "date"), Map.entry("since", "0"),
            Map.entry("defaultEnvironment", ""), Map.entry("platform", "java"), Map.entry("role", "member"),
            Map.entry("email", "taken-over@picket.test"));

    /** Query parameters some pages and API routes require, on every GET for the same reason. */
    private static final String QUERY = "?since=0&transaction=guarded&function=guarded&name=guarded&statsPeriod=24h";

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    InboxProcessor processor;
    @Autowired
    Users users;
    @Autowired
    Organizations organizations;
    @Autowired
    ApiTokens tokens;
    @Autowired
    IssueComments comments;
    @Autowired
    Memberships memberships;
    @Autowired
    Invitations invitations;

    PicketClient picket;
    PicketClient.Project project;
    /** Path variable name → a value naming a resource of the default organization. */
    Map<String, String> resources;
    String outsiderEmail;
    String outsiderToken;

    record Route(String method, String pattern) {

        boolean api() {
            return pattern.startsWith("/api/0/");
        }

        boolean hasVariables() {
            return VARIABLE.matcher(pattern).find();
        }
    }

    @BeforeAll
    void resourcesOfTheDefaultOrganizationAndAMemberOfAnother() throws Exception {
        picket = new PicketClient(port);
        project = picket.createProject("Guarded " + UUID.randomUUID().toString().substring(0, 8));
        String eventId = UUID.randomUUID().toString().replace("-", "");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String event = "{\"event_id\":\"" + eventId + "\",\"platform\":\"java\",\"level\":\"error\","
                + "\"contexts\":{\"trace\":{\"trace_id\":\"" + traceId + "\",\"span_id\":\"" + traceId.substring(16)
                + "\"}},\"exception\":{\"values\":[{\"type\":\"IllegalStateException\",\"value\":\"guarded\"}]}}";
        assertThat(picket.post("/api/" + project.id() + "/envelope/",
                Map.of("X-Sentry-Auth", "Sentry sentry_version=7, sentry_key=" + project.publicKey()),
                Envelopes.event(eventId, event)).statusCode()).isEqualTo(200);
        assertThat(processor.awaitIdle(Duration.ofSeconds(60))).isTrue();
        String issueId = picket.api("GET", "/api/0/projects/default/" + project.slug() + "/issues/?query=", null)
                .get(0).get("id").asString();
        User admin = users.findByEmail(SignIn.ADMIN_EMAIL).orElseThrow();
        long commentId = comments.add(Long.parseLong(issueId), admin.id(), "only for the default organization").id();
        String ruleId = picket.api("POST", "/api/0/projects/default/" + project.slug() + "/alert-rules/",
                Map.of("name", "guarded", "condition", Map.of("type", "first_seen"),
                        "actions", List.of(Map.of("type", "email", "to", List.of("ops@example.com")))))
                .get("id").asString();
        long invitationId = invitations.issue(memberships.find(admin, "default").orElseThrow(),
                "invited-" + UUID.randomUUID() + "@picket.test", OrganizationRole.MEMBER).invitation().id();
        tokens.create(admin, "guarded", Scopes.ALL);
        long tokenId = tokens.listFor(admin).get(0).id();
        resources = Map.ofEntries(Map.entry("organizationSlug", "default"), Map.entry("projectSlug", project.slug()),
                Map.entry("issueId", issueId), Map.entry("eventId", eventId), Map.entry("keyId", project.publicKey()),
                Map.entry("teamSlug", "default"), Map.entry("traceId", traceId), Map.entry("ruleId", ruleId),
                Map.entry("commentId", Long.toString(commentId)), Map.entry("key", "level"),
                Map.entry("userId", Long.toString(admin.id())), Map.entry("invitationId", Long.toString(invitationId)),
                Map.entry("tokenId", Long.toString(tokenId)));

        Organization other = organizations.create("other-" + UUID.randomUUID().toString().substring(0, 8), "Other");
        outsiderEmail = "outsider-" + UUID.randomUUID() + "@picket.test";
        User outsider = users.create(outsiderEmail, OUTSIDER_PASSWORD, false);
        organizations.addMember(other, outsider, OrganizationRole.OWNER);
        outsiderToken = tokens.create(outsider, "everything", Scopes.ALL);
    }

    @Test
    void everyRoutesPathVariablesNameAKnownResource() {
        Set<String> unknown = new TreeSet<>();
        for (Route route : guardedRoutes()) {
            Matcher variable = VARIABLE.matcher(route.pattern());
            while (variable.find()) {
                if (!resources.containsKey(variable.group(1)) && !variable.group(1).equals("which")) {
                    unknown.add(variable.group(1) + " (in " + route.method() + " " + route.pattern() + ")");
                }
            }
        }
        assertThat(unknown).as("path variables this test cannot fill: add them to 'resources'").isEmpty();
    }

    @Test
    void anonymousVisitorsAreSentToSignInFromPagesAndRefusedByTheApi() throws Exception {
        Session anonymous = new Session();
        String csrf = anonymous.csrfFrom("/login");
        List<String> wrong = new ArrayList<>();
        for (Route route : guardedRoutes()) {
            HttpResponse<String> response = route.api() ? anonymous.api(route, path(route), null)
                    : anonymous.page(route, path(route), csrf);
            boolean ok = route.api() ? response.statusCode() == 401
                    : response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login");
            if (!ok) {
                wrong.add(describe(route, response));
            }
        }
        assertThat(wrong).as("routes that did not send an anonymous visitor away").isEmpty();
    }

    @Test
    void aMemberOfAnotherOrganizationFindsNothingOfIt() throws Exception {
        Session outsider = new Session();
        outsider.signIn(outsiderEmail, OUTSIDER_PASSWORD);
        String csrf = outsider.csrfFrom("/");
        List<String> wrong = new ArrayList<>();
        for (Route route : guardedRoutes()) {
            HttpResponse<String> response = route.api() ? outsider.api(route, path(route), outsiderToken)
                    : outsider.page(route, path(route), csrf);
            boolean ok = route.hasVariables()
                    ? response.statusCode() == 404 || response.statusCode() == 403
                    : ownPage(response) && !response.body().contains(project.slug());
            if (!ok) {
                wrong.add(describe(route, response));
            }
        }
        assertThat(wrong).as("routes that showed or changed another organization's data").isEmpty();
        assertThat(picket.api("GET", "/api/0/issues/" + resources.get("issueId") + "/", null).get("status")
                .asString()).isEqualTo("unresolved");
    }

    /**
     * A route without a resource in its path acts on the user's own things (their organizations,
     * password, tokens): it answers, or sends them to a page of theirs, never into the default organization.
     */
    private static boolean ownPage(HttpResponse<String> response) {
        return response.statusCode() / 100 == 2 || response.statusCode() / 100 == 3
                && !response.headers().firstValue("Location").orElse("").contains("/default/");
    }

    private List<Route> guardedRoutes() {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (PUBLIC_ROUTES.stream().anyMatch(open -> open.matcher(pattern).matches())) {
                    continue;
                }
                if (methods.isEmpty()) {
                    routes.add(new Route("GET", pattern));
                }
                methods.forEach(method -> routes.add(new Route(method.name(), pattern)));
            }
        });
        assertThat(routes).as("routes found").hasSizeGreaterThan(20);
        return routes;
    }

    private String path(Route route) {
        Matcher variable = VARIABLE.matcher(route.pattern());
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String value = variable.group(1).equals("which") ? "latest" : resources.get(variable.group(1));
            variable.appendReplacement(path, Matcher.quoteReplacement(value == null ? "unknown" : value));
        }
        variable.appendTail(path);
        return path.toString();
    }

    private static String describe(Route route, HttpResponse<String> response) {
        String body = response.body();
        return route.method() + " " + route.pattern() + " → " + response.statusCode() + " "
                + response.headers().firstValue("Location").orElse("")
                + (body.length() > 120 ? body.substring(0, 120) : body).replace('\n', ' ');
    }

    /** A browser's cookie jar without the browser: redirects are reported, not followed. */
    private final class Session {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        void signIn(String email, String password) throws IOException, InterruptedException {
            String csrf = csrfFrom("/login");
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("email", email, "password", password,
                            "_csrf", csrf)))));
            assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        String csrfFrom(String path) throws IOException, InterruptedException {
            String html = send(HttpRequest.newBuilder(uri(path)).GET()).body();
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
            assertThat(token.find()).as("a CSRF token on " + path).isTrue();
            return token.group(1);
        }

        HttpResponse<String> page(Route route, String path, String csrf) throws IOException, InterruptedException {
            if (route.method().equals("GET")) {
                return send(HttpRequest.newBuilder(uri(path + QUERY)).GET());
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
            Map<String, String> fields = new LinkedHashMap<>(FORM);
            fields.put("_csrf", csrf);
            fields.put("issue", resources.get("issueId"));
            return send(request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(route.method(), HttpRequest.BodyPublishers.ofString(form(fields))));
        }

        HttpResponse<String> api(Route route, String path, String token) throws IOException, InterruptedException {
            String query = route.method().equals("GET") ? QUERY : "";
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path + query))
                    .header("Content-Type", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            boolean body = route.method().equals("POST") || route.method().equals("PUT");
            return send(request.method(route.method(), body ? HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")
                    : HttpRequest.BodyPublishers.noBody()));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
