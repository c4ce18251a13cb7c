package dev.picket.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.accounts.ApiTokens;
import dev.picket.accounts.Scopes;
import dev.picket.accounts.User;
import dev.picket.accounts.Users;
import dev.picket.api.HttpApi;
import dev.picket.pipeline.InboxProcessor;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The alert rules REST API: create, read, replace, delete, with clear errors and the alerts scopes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertRulesApiTest {

    private static final Map<String, Object> BUSY_CHECKOUT = Map.of(
            "name", "Busy checkout",
            "condition", Map.of("type", "event_frequency", "value", 100, "interval", 5),
            "filters", Map.of("level", "error", "environment", "production", "tags", Map.of("region", "eu")),
            "actions", List.of(Map.of("type", "email", "to", List.of("ops@example.com")),
                    Map.of("type", "webhook", "url", "https://hooks.example.com/picket")));

    @LocalServerPort
    int port;
    @Autowired
    InboxProcessor processor;
    @Autowired
    AlertEvaluator evaluator;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;

    AlertTraffic traffic;

    @BeforeEach
    void project() {
        traffic = new AlertTraffic(port, processor, evaluator);
    }

    @Test
    void aCreatedRuleIsShownWithItsIdSecretAndDefaultThrottle() {
        JsonNode created = traffic.createRule(BUSY_CHECKOUT);

        assertThat(created.get("id").asString()).isNotBlank();
        assertThat(created.get("secret").asString()).hasSize(64);
        assertThat(created.get("throttleMinutes").asInt()).isEqualTo(30);
        assertThat(created.get("condition").get("value").asInt()).isEqualTo(100);
        assertThat(created.get("filters").get("tags").get("region").asString()).isEqualTo("eu");
        assertThat(created.get("actions").get(1).get("url").asString()).isEqualTo("https://hooks.example.com/picket");
        assertThat(traffic.picket.api("GET", traffic.rulesPath() + created.get("id").asString() + "/", null))
                .isEqualTo(created);
        assertThat(traffic.picket.api("GET", traffic.rulesPath(), null)).containsExactly(created);
    }

    @Test
    void aReplacedRuleKeepsItsIdAndSecret() {
        JsonNode created = traffic.createRule(BUSY_CHECKOUT);
        String path = traffic.rulesPath() + created.get("id").asString() + "/";

        JsonNode replaced = traffic.picket.api("PUT", path, Map.of("name", "Any new issue",
                "condition", Map.of("type", "first_seen"), "throttleMinutes", 5,
                "actions", List.of(Map.of("type", "slack", "url", "https://hooks.slack.example/T1/B2"))));

        assertThat(replaced.get("id")).isEqualTo(created.get("id"));
        assertThat(replaced.get("secret")).isEqualTo(created.get("secret"));
        assertThat(replaced.get("condition").get("type").asString()).isEqualTo("first_seen");
        assertThat(replaced.get("throttleMinutes").asInt()).isEqualTo(5);
        assertThat(replaced.get("filters").get("level").isNull()).isTrue();
    }

    @Test
    void aDeletedRuleIsGone() {
        String path = traffic.rulesPath() + traffic.createRule(BUSY_CHECKOUT).get("id").asString() + "/";

        assertThat(traffic.picket.apiResponse("DELETE", path, null).statusCode()).isEqualTo(204);
        assertThat(traffic.picket.apiResponse("GET", path, null).statusCode()).isEqualTo(404);
        assertThat(traffic.picket.apiResponse("DELETE", path, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aWrongRuleIsRefusedWithTheFieldNamed() {
        assertThat(refusal(Map.of("name", "x", "condition", Map.of("type", "sometimes"),
                "actions", List.of(Map.of("type", "slack", "url", "https://hooks.example.com")))))
                .isEqualTo("'condition.type' must be first_seen, regression, event_frequency, unique_users or spike");
        assertThat(refusal(Map.of("name", "x", "condition", Map.of("type", "unique_users", "value", 10),
                "actions", List.of(Map.of("type", "slack", "url", "https://hooks.example.com")))))
                .isEqualTo("'condition.interval' is required");
        assertThat(refusal(Map.of("name", "x", "condition", Map.of("type", "first_seen"), "actions", List.of())))
                .isEqualTo("'actions' must be a non-empty array");
        assertThat(refusal(Map.of("name", "x", "condition", Map.of("type", "first_seen"),
                "actions", List.of(Map.of("type", "webhook", "url", "ftp://files.example.com/")))))
                .isEqualTo("'actions.url' must be an absolute http(s) URL, not 'ftp://files.example.com/'");
        assertThat(refusal(Map.of("name", "x", "condition", Map.of("type", "first_seen"),
                "filters", Map.of("level", "loud"),
                "actions", List.of(Map.of("type", "email", "to", List.of("ops@example.com"))))))
                .isEqualTo("'filters.level' must be one of debug, info, warning, error, fatal");
        assertThat(refusal(Map.of("name", "x", "condition", Map.of("type", "first_seen"),
                "actions", List.of(Map.of("type", "email", "to", List.of("not an address"))))))
                .isEqualTo("'actions.to' must hold e-mail addresses, not \"not an address\"");
        assertThat(refusal(Map.of("name", "x", "condition", Map.of("type", "first_seen"), "throttleMinutes", -1,
                "actions", List.of(Map.of("type", "email", "to", List.of("ops@example.com"))))))
                .isEqualTo("'throttleMinutes' must be an integer from 0 to 1440");
    }

    @Test
    void aWebhookToTheHostsOwnOrAPrivateNetworkIsRefusedWithTheAddressNamed() {
        assertThat(refusal(Map.of("name", "x", "condition", Map.of("type", "first_seen"),
                "actions", List.of(Map.of("type", "webhook", "url", "http://localhost:5432/")))))
                .startsWith("'actions.url' is refused: host localhost resolves to ")
                .endsWith(", a loopback, link-local, private, multicast or unspecified address; "
                        + "set PICKET_ALERTS_ALLOW_PRIVATE_WEBHOOKS=true to allow such targets");
        assertThat(refusal(Map.of("name", "x", "condition", Map.of("type", "first_seen"),
                "actions", List.of(Map.of("type", "slack", "url", "http://169.254.169.254/latest/meta-data/")))))
                .startsWith("'actions.url' is refused: host 169.254.169.254 resolves to 169.254.169.254");
        assertThat(refusal(Map.of("name", "x", "condition", Map.of("type", "first_seen"),
                "actions", List.of(Map.of("type", "webhook", "url", "https://[fd00::1]/hook")))))
                .startsWith("'actions.url' is refused: host [fd00::1] resolves to fd00:0:0:0:0:0:0:1");
    }

    @Test
    void aSpikeRuleTakesFiltersLikeTheOtherRules() {
        JsonNode created = traffic.createRule(Map.of("name", "Production spike",
                "condition", Map.of("type", "spike", "interval", 10),
                "filters", Map.of("level", "error", "environment", "production", "release", "shop@2",
                        "function", "charge", "tags", Map.of("region", "eu")),
                "actions", List.of(Map.of("type", "email", "to", List.of("ops@example.com")))));

        assertThat(created.get("filters").get("environment").asString()).isEqualTo("production");
        assertThat(created.get("filters").get("tags").get("region").asString()).isEqualTo("eu");
    }

    @Test
    void readingNeedsAlertsReadAndChangingNeedsAlertsWrite() {
        User member = users.create("alerts-" + UUID.randomUUID() + "@example.com", "a password", false);
        HttpApi reader = HttpApi.withToken(port, tokens.create(member, "read", Set.of(Scopes.ALERTS_READ)));
        HttpApi eventsOnly = HttpApi.withToken(port, tokens.create(member, "events", Set.of(Scopes.EVENT_READ)));

        assertThat(eventsOnly.get(traffic.rulesPath()).statusCode()).isEqualTo(403);
        assertThat(reader.post(traffic.rulesPath(), "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void theRulesOfAnotherOrganizationsProjectAreNotFound() {
        User outsider = users.create("outsider-" + UUID.randomUUID() + "@example.com", "a password", false);
        HttpApi other = HttpApi.withToken(port, tokens.create(outsider, "outsider", Scopes.ALL));

        HttpResponse<String> response = other.get(traffic.rulesPath());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(HttpApi.json(response).get("detail").asString()).isEqualTo("The requested resource does not exist");
    }

    private String refusal(Map<String, Object> rule) {
        HttpResponse<String> response = traffic.picket.apiResponse("POST", traffic.rulesPath(), rule);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return HttpApi.json(response).get("detail").asString();
    }
}
