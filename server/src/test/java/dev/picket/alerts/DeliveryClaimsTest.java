package dev.picket.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Several instances on one database send each delivery once: two claimers (as two instances have,
 * each with its own name) on the same database race for the same pending deliveries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "picket.alerts.allow-private-webhooks=true")
class DeliveryClaimsTest {

    private static final WebhookReceiver HOOKS = startedReceiver();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AlertRules rules;
    @Autowired
    AlertHistory history;
    @Autowired
    AlertsProperties properties;
    @Autowired
    SmtpProperties smtp;
    @Autowired
    ObjectProvider<JavaMailSender> mail;
    @Autowired
    WebhookTargetGuard targets;

    AlertTraffic traffic;
    String unique;

    @AfterAll
    static void stopReceiver() {
        HOOKS.close();
    }

    @BeforeEach
    void project() {
        traffic = new AlertTraffic(port, null, null);
        unique = UUID.randomUUID().toString();
    }

    @Test
    void aDeliveryClaimedByALiveInstanceIsNotTakenUntilItsClaimRunsOut() {
        DeliveryClaims first = claimer("first");
        DeliveryClaims second = claimer("second");
        long delivery = leftPending(1).getFirst();
        long now = System.currentTimeMillis();
        long lease = properties.claimLease().toMillis();

        assertThat(first.claim(delivery, now)).isTrue();
        assertThat(second.claim(delivery, now + lease - 1)).isFalse();
        assertThat(first.claim(delivery, now + lease - 1)).as("the holder renews its claim").isTrue();
        assertThat(second.claim(delivery, now + 2 * lease)).as("a claim that ran out is taken over").isTrue();
        assertThat(first.claim(delivery, now + 2 * lease)).isFalse();
    }

    @Test
    void ofManyClaimersRacingForEachDeliveryExactlyOneWins() throws Exception {
        List<Long> deliveries = leftPending(40);
        List<DeliveryClaims> claimers = List.of(claimer("a"), claimer("b"), claimer("c"), claimer("d"));
        Map<Long, AtomicInteger> wins = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);

        try (ExecutorService threads = Executors.newFixedThreadPool(claimers.size())) {
            List<Future<?>> racing = new ArrayList<>();
            for (DeliveryClaims claimer : claimers) {
                racing.add(threads.submit(() -> {
                    start.await();
                    long now = System.currentTimeMillis();
                    for (long delivery : deliveries) {
                        if (claimer.claim(delivery, now)) {
                            wins.computeIfAbsent(delivery, d -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : racing) {
                future.get();
            }
        }

        assertThat(wins).hasSize(deliveries.size());
        assertThat(wins.values()).allMatch(count -> count.get() == 1);
    }

    @Test
    void twoInstancesResumingWhatAStopLeftSendEachDeliveryOnce() throws Exception {
        List<Long> deliveries = leftPending(20);
        AlertDispatcher first = dispatcher("first");
        AlertDispatcher second = dispatcher("second");
        try {
            CountDownLatch start = new CountDownLatch(1);
            try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
                Future<?> one = threads.submit(() -> {
                    start.await();
                    first.resumeUnclaimed();
                    return null;
                });
                Future<?> other = threads.submit(() -> {
                    start.await();
                    second.resumeUnclaimed();
                    return null;
                });
                start.countDown();
                one.get();
                other.get();
            }

            awaitSent(deliveries);
            Thread.sleep(300);
            for (int i = 0; i < deliveries.size(); i++) {
                assertThat(HOOKS.received(path(i))).as("deliveries to " + path(i)).hasSize(1);
            }
        } finally {
            first.destroy();
            second.destroy();
        }
    }

    /**
     * Deliveries as a dead instance leaves them: fired, one attempt made, its claim run out; each to a
     * webhook path of its own.
     */
    private List<Long> leftPending(int count) {
        AlertRule rule = rules.create(traffic.project.id(), new AlertRuleDraft("Left over", AlertCondition.FIRST_SEEN,
                null, null, AlertFilters.none(), List.of(new AlertAction.Webhook(HOOKS.url(path(0)))), 0));
        DeliveryClaims.Claim dead = new DeliveryClaims.Claim("a dead instance", 2);
        long fired = history.fire(rule, 1, "first_seen", 1, "A new issue was seen for the first time").orElseThrow();
        List<Long> deliveries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long delivery = history.addDelivery(fired, new AlertAction.Webhook(HOOKS.url(path(i))), null, "{}", 1,
                    dead);
            history.attempted(delivery, 1, "pending", "HTTP 503: restarting", 1, dead);
            deliveries.add(delivery);
        }
        return deliveries;
    }

    private String path(int i) {
        return "/ok/claims-" + unique + "-" + i;
    }

    private DeliveryClaims claimer(String instance) {
        return new DeliveryClaims(jdbc, properties, instance + "-" + unique);
    }

    private AlertDispatcher dispatcher(String instance) {
        return new AlertDispatcher(history, claimer(instance), properties, smtp, mail, targets);
    }

    private void awaitSent(List<Long> deliveries) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            long sent = jdbc.sql("SELECT COUNT(*) FROM alert_deliveries WHERE status = 'sent' AND id >= ? AND id <= ?")
                    .params(deliveries.getFirst(), deliveries.getLast()).query(Long.class).single();
            if (sent == deliveries.size()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not every delivery was sent within 30 s");
    }

    private static WebhookReceiver startedReceiver() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
