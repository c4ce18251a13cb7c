package dev.picket.alerts;

import static dev.picket.alerts.AlertTraffic.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.picket.issues.Issues;
import dev.picket.issues.StatusChange;
import dev.picket.pipeline.InboxProcessor;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Alerts fire from events sent to the real ingest endpoint and reach real targets: an SMTP server
 * (GreenMail) and a local HTTP server for webhooks and Slack messages, which private targets being
 * allowed lets them reach.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "picket.alerts.delivery-attempts=4",
        "picket.alerts.first-retry-delay=200ms",
        "picket.alerts.max-retry-delay=2s",
        "picket.alerts.delivery-timeout=30s",
        "picket.alerts.allow-private-webhooks=true"})
class AlertDeliveryTest {

    private static final GreenMail SMTP = startedSmtp();
    private static final WebhookReceiver HOOKS = startedReceiver();

    @LocalServerPort
    int port;
    @Autowired
    InboxProcessor processor;
    @Autowired
    AlertEvaluator evaluator;
    @Autowired
    Issues issues;
    @Autowired
    AlertRules rules;
    @Autowired
    AlertHistory history;
    @Autowired
    AlertDispatcher dispatcher;

    AlertTraffic traffic;
    /** Each test's own error type and webhook path, so that tests sharing the context do not mix. */
    String type;
    String unique;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("picket.smtp.host", () -> "127.0.0.1");
        registry.add("picket.smtp.port", () -> SMTP.getSmtp().getPort());
        registry.add("picket.smtp.from", () -> "alerts@picket.test");
    }

    @AfterAll
    static void stopServers() {
        SMTP.stop();
        HOOKS.close();
    }

    @BeforeEach
    void project() {
        traffic = new AlertTraffic(port, processor, evaluator);
        unique = UUID.randomUUID().toString().replace("-", "");
        type = "PaymentDeclined" + unique;
    }

    @Test
    void aNewIssueIsMailedWithItsDetailsAndLink() throws Exception {
        String to = "oncall-" + unique + "@example.com";
        traffic.createRule(rule("New checkout issues", Map.of("type", "first_seen"),
                List.of(Map.of("type", "email", "to", List.of(to)))));
        ObjectNode event = error(type);
        event.put("environment", "production").put("release", "shop@2.4.1");
        event.put("culprit", "shop.Payments in charge");

        traffic.send(event);
        traffic.awaitJudged();

        MimeMessage mail = await(() -> mailsTo(to), 1).getFirst();
        long issueId = onlyIssueId();
        String body = GreenMailUtil.getBody(mail).replace("\r\n", "\n");
        assertThat(mail.getSubject()).isEqualTo("[Picket] " + onlyIssueShortId() + ": " + type
                + ": order 17 could not be charged");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("alerts@picket.test");
        assertThat(body).startsWith(onlyIssueShortId() + ": " + type);
        assertThat(body).contains("Alert: New checkout issues", "Why: A new issue was seen for the first time",
                "Culprit: shop.Payments in charge", "Project: " + traffic.project.slug(),
                "Environment: production", "Release: shop@2.4.1", "Events: 1", "Users: 0", "First seen: ",
                "http://localhost:" + port + "/organizations/default/issues/" + issueId + "/");
    }

    @Test
    void aWebhookCarriesTheIssueAndASignatureOfItsRawBody() throws Exception {
        String path = "/ok/" + unique;
        JsonNode rule = traffic.createRule(rule("Webhook", Map.of("type", "first_seen"),
                List.of(Map.of("type", "webhook", "url", HOOKS.url(path)))));

        traffic.send(error(type));
        traffic.awaitJudged();

        WebhookReceiver.Received hook = await(() -> HOOKS.received(path), 1).getFirst();
        assertThat(hook.signature()).isEqualTo("sha256=" + hmacSha256Hex(rule.get("secret").asString(), hook.body()));
        JsonNode body = AlertTraffic.json(hook.text());
        assertThat(body.get("rule").get("name").asString()).isEqualTo("Webhook");
        assertThat(body.get("issue").get("title").asString()).isEqualTo(type + ": order 17 could not be charged");
        assertThat(body.get("issue").get("shortId").asString()).isEqualTo(onlyIssueShortId());
        assertThat(body.get("issue").get("count").asLong()).isEqualTo(1);
        assertThat(body.get("issue").get("url").asString())
                .isEqualTo("http://localhost:" + port + "/organizations/default/issues/" + onlyIssueId() + "/");
        assertThat(body.get("project").asString()).isEqualTo(traffic.project.slug());
    }

    @Test
    void aSlackMessageHasFallbackTextAndBlocksAndNoSignature() throws Exception {
        String path = "/ok/slack-" + unique;
        traffic.createRule(rule("Slack", Map.of("type", "first_seen"),
                List.of(Map.of("type", "slack", "url", HOOKS.url(path)))));

        traffic.send(error(type));
        traffic.awaitJudged();

        WebhookReceiver.Received message = await(() -> HOOKS.received(path), 1).getFirst();
        JsonNode body = AlertTraffic.json(message.text());
        assertThat(message.signature()).isNull();
        assertThat(body.get("text").asString()).startsWith(onlyIssueShortId() + ": " + type);
        assertThat(body.get("blocks").get(0).get("type").asString()).isEqualTo("section");
        assertThat(body.get("blocks").get(0).get("text").get("type").asString()).isEqualTo("mrkdwn");
        assertThat(body.get("blocks").get(0).get("text").get("text").asString())
                .startsWith("*<http://localhost:" + port + "/organizations/default/issues/");
        assertThat(body.get("blocks").get(1).get("fields")).extracting(f -> f.get("text").asString())
                .contains("Events: 1", "Project: " + traffic.project.slug());
    }

    @Test
    void aStormOfTenThousandEventsOfOneIssueSendsAHandfulOfMessages() throws Exception {
        String path = "/ok/storm-" + unique;
        List<Map<String, String>> hook = List.of(Map.of("type", "webhook", "url", HOOKS.url(path)));
        traffic.createRule(rule("New", Map.of("type", "first_seen"), hook));
        traffic.createRule(rule("Busy", Map.of("type", "event_frequency", "value", 100, "interval", 5), hook));

        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                sent.add(senders.submit(() -> traffic.send(error(type))));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        }
        traffic.awaitJudged();

        await(() -> HOOKS.received(path), 2);
        Thread.sleep(1_000);
        assertThat(HOOKS.received(path)).hasSize(2);
        // The batch that crossed the threshold may have held more than the 101st event.
        assertThat(traffic.history()).extracting(h -> h.get("reason").asString())
                .hasSize(2)
                .contains("A new issue was seen for the first time")
                .anyMatch(reason -> reason.matches("\\d{3,} events in the last 5 minutes \\(more than 100\\)"));
    }

    @Test
    void moreDistinctUsersThanTheThresholdFireButRepeatedUsersDoNot() throws Exception {
        String path = "/ok/users-" + unique;
        traffic.createRule(rule("Many users", Map.of("type", "unique_users", "value", 2, "interval", 5),
                List.of(Map.of("type", "webhook", "url", HOOKS.url(path)))));
        for (String user : List.of("ana", "ben", "ana", "ben", "ana")) {
            traffic.send(withUser(error(type), user));
        }
        traffic.awaitJudged();
        Thread.sleep(300);
        assertThat(HOOKS.received(path)).isEmpty();

        traffic.send(withUser(error(type), "cleo"));
        traffic.awaitJudged();

        WebhookReceiver.Received hook = await(() -> HOOKS.received(path), 1).getFirst();
        assertThat(AlertTraffic.json(hook.text()).get("reason").asString())
                .isEqualTo("3 users in the last 5 minutes (more than 2)");
    }

    @Test
    void aRegressionFiresOnceThoughMoreEventsFollow() throws Exception {
        String path = "/ok/regression-" + unique;
        traffic.createRule(rule("Regressed", Map.of("type", "regression"),
                List.of(Map.of("type", "webhook", "url", HOOKS.url(path)))));
        traffic.send(error(type));
        traffic.awaitJudged();
        issues.setStatus(onlyIssueId(), StatusChange.resolved());

        for (int batch = 0; batch < 3; batch++) {
            traffic.send(error(type));
            traffic.awaitJudged();
        }

        await(() -> HOOKS.received(path), 1);
        Thread.sleep(500);
        assertThat(HOOKS.received(path)).hasSize(1);
        assertThat(AlertTraffic.json(HOOKS.received(path).getFirst().text()).get("reason").asString())
                .isEqualTo("A resolved issue happened again (regression)");
    }

    @Test
    void onlyEventsThatPassEveryFilterCount() throws Exception {
        String path = "/ok/filters-" + unique;
        traffic.createRule(Map.of("name", "Production charge errors", "condition", Map.of("type", "first_seen"),
                "filters", Map.of("level", "error", "environment", "production", "function", "charge",
                        "tags", Map.of("region", "eu")),
                "actions", List.of(Map.of("type", "webhook", "url", HOOKS.url(path)))));

        traffic.send(tagged(error(type + "Staging"), "staging", "error", "charge", "eu"));
        traffic.send(tagged(error(type + "Warning"), "production", "warning", "charge", "eu"));
        traffic.send(tagged(error(type + "Refund"), "production", "error", "refund", "eu"));
        traffic.send(tagged(error(type + "Us"), "production", "error", "charge", "us"));
        traffic.send(tagged(error(type + "Fatal"), "production", "fatal", "charge", "eu"));
        traffic.awaitJudged();

        await(() -> HOOKS.received(path), 1);
        Thread.sleep(500);
        assertThat(HOOKS.received(path)).extracting(r -> AlertTraffic.json(r.text()).get("issue").get("title")
                .asString()).containsExactly(type + "Fatal: order 17 could not be charged");
    }

    @Test
    void aFailingWebhookIsRetriedWithGrowingWaitsUntilItTakesTheAlert() throws Exception {
        String path = "/fail/2/" + unique;
        traffic.createRule(rule("Flaky", Map.of("type", "first_seen"),
                List.of(Map.of("type", "webhook", "url", HOOKS.url(path)))));

        traffic.send(error(type));
        traffic.awaitJudged();

        List<WebhookReceiver.Received> attempts = await(() -> HOOKS.received(path), 3);
        long firstWait = attempts.get(1).atNanos() - attempts.get(0).atNanos();
        long secondWait = attempts.get(2).atNanos() - attempts.get(1).atNanos();
        assertThat(Duration.ofNanos(firstWait)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(Duration.ofNanos(secondWait)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        JsonNode delivery = awaitDelivery(d -> "sent".equals(d.get("status").asString()));
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("lastError").asString()).isEqualTo("HTTP 500: receiver is down");
    }

    @Test
    void aWebhookThatNeverTakesTheAlertIsRecordedAsFailedWithItsError() throws Exception {
        String path = "/fail/100/" + unique;
        traffic.createRule(rule("Down", Map.of("type", "first_seen"),
                List.of(Map.of("type", "webhook", "url", HOOKS.url(path)))));

        traffic.send(error(type));
        traffic.awaitJudged();

        JsonNode delivery = awaitDelivery(d -> "failed".equals(d.get("status").asString()));
        assertThat(delivery.get("attempts").asInt()).isEqualTo(4);
        assertThat(delivery.get("lastError").asString()).isEqualTo("HTTP 500: receiver is down");
        assertThat(HOOKS.received(path)).hasSize(4);
    }

    @Test
    void aDeliveryThatAStopLeftPendingIsSentOnTheNextStart() throws Exception {
        String path = "/ok/resumed-" + unique;
        JsonNode created = traffic.createRule(rule("Resumed", Map.of("type", "first_seen"),
                List.of(Map.of("type", "webhook", "url", HOOKS.url(path)))));
        AlertRule rule = rules.find(traffic.project.id(), created.get("id").asLong()).orElseThrow();
        // As a stop leaves it: fired and recorded, one attempt made, the retry never run, the claim run out.
        long longAgo = 1;
        DeliveryClaims.Claim stopped = new DeliveryClaims.Claim("a stopped instance", longAgo + 1);
        long fired = history.fire(rule, 1, "first_seen", longAgo, "A new issue was seen for the first time")
                .orElseThrow();
        long delivery = history.addDelivery(fired, rule.actions().getFirst(), null, "{\"left\": \"pending\"}",
                longAgo, stopped);
        history.attempted(delivery, 1, "pending", "HTTP 503: restarting", longAgo, stopped);

        dispatcher.resumeUnclaimed();

        WebhookReceiver.Received hook = await(() -> HOOKS.received(path), 1).getFirst();
        assertThat(hook.text()).isEqualTo("{\"left\": \"pending\"}");
        assertThat(hook.signature()).isEqualTo("sha256=" + hmacSha256Hex(rule.secret(), hook.body()));
        JsonNode sent = awaitDelivery(d -> "sent".equals(d.get("status").asString()));
        assertThat(sent.get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void aHangingWebhookDoesNotDelayProcessing() throws Exception {
        String path = "/hang/" + unique;
        traffic.createRule(rule("Slow receiver", Map.of("type", "first_seen"),
                List.of(Map.of("type", "webhook", "url", HOOKS.url(path)))));
        for (int i = 0; i < 5; i++) {
            traffic.send(error(type + "First" + i));
        }
        traffic.awaitJudged();
        await(() -> HOOKS.received(path), 5);

        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            traffic.send(error(type + "More" + i));
        }
        traffic.awaitJudged();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(HOOKS.hanging()).as("the receiver still holds the first alerts").isPositive();
        assertThat(took).isLessThan(Duration.ofMillis(WebhookReceiver.HANG_MILLIS / 2));
    }

    @Test
    void aSpikeOverTheProjectsHourlyBaselineFiresAndTellsWhy() throws Exception {
        hourlyHistory(3, 48);
        String path = "/ok/spike-" + unique;
        traffic.createRule(rule("Spike", Map.of("type", "spike", "interval", 10),
                List.of(Map.of("type", "webhook", "url", HOOKS.url(path)))));

        for (int i = 0; i < 60; i++) {
            traffic.send(error(type));
        }
        traffic.awaitJudged();

        WebhookReceiver.Received hook = await(() -> HOOKS.received(path), 1).getFirst();
        assertThat(AlertTraffic.json(hook.text()).get("reason").asString())
                .matches("Spike: \\d+ events in the last 10 minutes, where the project's hourly baseline "
                        + "\\(\\d\\.\\d events/hour\\) expects 1\\.0; Poisson P\\(X >= \\d+\\) = .* < 1\\.0E-6");
    }

    @Test
    void trafficAtTheProjectsUsualRateIsNoSpike() throws Exception {
        hourlyHistory(30, 48);
        String path = "/ok/steady-" + unique;
        traffic.createRule(rule("Spike", Map.of("type", "spike", "interval", 10),
                List.of(Map.of("type", "webhook", "url", HOOKS.url(path)))));

        for (int i = 0; i < 6; i++) {
            traffic.send(error(type));
        }
        traffic.awaitJudged();

        Thread.sleep(500);
        assertThat(HOOKS.received(path)).isEmpty();
        assertThat(traffic.history()).isEmpty();
    }

    @Test
    void aSpikeRuleWithFiltersJudgesItsMatchingEventsAgainstTheirOwnBaseline() throws Exception {
        String path = "/ok/filtered-spike-" + unique;
        traffic.createRule(Map.of("name", "Production spike", "condition", Map.of("type", "spike", "interval", 10),
                "filters", Map.of("environment", "production"),
                "actions", List.of(Map.of("type", "webhook", "url", HOOKS.url(path)))));
        // Production has 1 event an hour, the project 37: 12 production events in 10 minutes are a
        // spike of production's (1 expected), and would not be of the project's (6.2 expected).
        hourlyHistory(36, 25, event -> event.put("environment", "staging"));
        hourlyHistory(1, 25, event -> event.put("environment", "production"));

        for (int i = 0; i < 12; i++) {
            traffic.send(error(type).put("environment", "production"));
        }
        traffic.awaitJudged();

        WebhookReceiver.Received hook = await(() -> HOOKS.received(path), 1).getFirst();
        assertThat(AlertTraffic.json(hook.text()).get("reason").asString())
                .matches("Spike: 1[0-2] events in the last 10 minutes, where the matching events' hourly baseline "
                        + "\\(1\\.0 events/hour\\) expects 1\\.0; .*");
    }

    @Test
    void aSpikeOfEventsTheFiltersLeaveOutIsNoSpike() throws Exception {
        String path = "/ok/filtered-out-" + unique;
        traffic.createRule(Map.of("name", "Production spike", "condition", Map.of("type", "spike", "interval", 10),
                "filters", Map.of("environment", "production"),
                "actions", List.of(Map.of("type", "webhook", "url", HOOKS.url(path)))));
        hourlyHistory(1, 25, event -> event.put("environment", "production"));

        for (int i = 0; i < 60; i++) {
            traffic.send(error(type).put("environment", "staging"));
        }
        traffic.awaitJudged();

        Thread.sleep(500);
        assertThat(HOOKS.received(path)).isEmpty();
        assertThat(traffic.history()).isEmpty();
    }

    @Test
    void eventsCountInTheWindowOfTheTimeTheyHappenedNotOfTheirArrival() throws Exception {
        String path = "/ok/late-" + unique;
        traffic.createRule(rule("Busy", Map.of("type", "event_frequency", "value", 5, "interval", 5),
                List.of(Map.of("type", "webhook", "url", HOOKS.url(path)))));
        double halfAnHourAgo = (System.currentTimeMillis() - 30 * 60_000L) / 1000.0;

        for (int i = 0; i < 10; i++) {
            traffic.send(error(type).put("timestamp", halfAnHourAgo));
        }
        traffic.awaitJudged();

        Thread.sleep(500);
        assertThat(traffic.history()).isEmpty();
    }

    /** Sends {@code perHour} events into each of the last {@code hours} hours, as a project's past. */
    private void hourlyHistory(int perHour, int hours) throws InterruptedException {
        hourlyHistory(perHour, hours, event -> event);
    }

    private void hourlyHistory(int perHour, int hours, UnaryOperator<ObjectNode> shape) throws InterruptedException {
        long now = System.currentTimeMillis();
        for (int hour = 1; hour <= hours; hour++) {
            for (int i = 0; i < perHour; i++) {
                long at = now - hour * 3_600_000L + i * 1_000L;
                traffic.send(shape.apply(error(type).put("timestamp", at / 1000.0)));
            }
        }
        traffic.awaitJudged();
    }

    private static Map<String, Object> rule(String name, Map<String, Object> condition, List<?> actions) {
        return Map.of("name", name, "condition", condition, "actions", actions);
    }

    private static ObjectNode withUser(ObjectNode event, String id) {
        event.putObject("user").put("id", id);
        return event;
    }

    private static ObjectNode tagged(ObjectNode event, String environment, String level, String function,
                                     String region) {
        event.put("environment", environment).put("level", level);
        event.putObject("tags").put("function", function).put("region", region);
        return event;
    }

    private long onlyIssueId() {
        return onlyIssue().get("id").asLong();
    }

    /** The short id as the API and the pages show it, {@code ALERTS-…-1}. */
    private String onlyIssueShortId() {
        return onlyIssue().get("shortId").asString();
    }

    private JsonNode onlyIssue() {
        JsonNode list = traffic.picket.api("GET", "/api/0/projects/default/" + traffic.project.slug()
                + "/issues/?query=", null);
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(r -> r.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private JsonNode awaitDelivery(Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode history = traffic.history();
            if (!history.isEmpty() && done.test(history.get(0).get("deliveries").get(0))) {
                return history.get(0).get("deliveries").get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the delivery did not end as expected: " + traffic.history());
    }

    /** Polls until {@code found} holds at least {@code count} items (30 s at most). */
    private static <T> List<T> await(Supplier<List<T>> found, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<T> items = found.get();
            if (items.size() >= count) {
                return items;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("expected " + count + " within 30 s, got " + found.get().size());
    }

    /** Computed here, apart from the server's code, as a receiver would. */
    private static String hmacSha256Hex(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static GreenMail startedSmtp() {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        return smtp;
    }

    private static WebhookReceiver startedReceiver() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
