package dev.picket.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends deliveries, each on a virtual thread of its own so a slow or hanging target holds up no
 * other; a failed attempt is tried again after a doubling wait, up to
 * {@link AlertsProperties#deliveryAttempts()}, and every attempt is recorded in the history. Each
 * attempt is made under the delivery's claim ({@link DeliveryClaims}), so that of several instances
 * on one database only one sends it; what a stopped or dead instance left is taken over on start and
 * by a sweep every {@link #SWEEP_INTERVAL}.
 */
@Component
class AlertDispatcher implements DisposableBean {

    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

    private final AlertHistory history;
    private final DeliveryClaims claims;
    private final AlertsProperties properties;
    private final HttpDeliverySender http;
    private final EmailDeliverySender email;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("picket-alert-retries").daemon().factory());

    AlertDispatcher(AlertHistory history, DeliveryClaims claims, AlertsProperties properties, SmtpProperties smtp,
                    ObjectProvider<JavaMailSender> mail, WebhookTargetGuard targets) {
        this.history = history;
        this.claims = claims;
        this.properties = properties;
        this.http = new HttpDeliverySender(properties.deliveryTimeout(), targets);
        this.email = new EmailDeliverySender(mail.getIfAvailable(), smtp.from());
    }

    /** Sends a delivery this instance recorded with its claim ({@link DeliveryClaims#from}). */
    void dispatch(Delivery delivery) {
        senders.execute(() -> attempt(delivery, 1));
    }

    @EventListener(ApplicationReadyEvent.class)
    void startSweeping() {
        retries.scheduleWithFixedDelay(this::resumeUnclaimedSafely, 0, SWEEP_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Sends again, with one more attempt than each had, what no instance holds: what a stop left pending. */
    void resumeUnclaimed() {
        for (AlertHistory.Unfinished unfinished : history.unclaimed(Clock.systemUTC().millis())) {
            senders.execute(() -> attempt(unfinished.delivery(), unfinished.attempts() + 1));
        }
    }

    private void resumeUnclaimedSafely() {
        try {
            resumeUnclaimed();
        } catch (RuntimeException e) {
            log.warn("looking for alert deliveries to resume failed", e);
        }
    }

    private void attempt(Delivery delivery, int attempt) {
        if (!claims.claim(delivery.id(), Clock.systemUTC().millis())) {
            return;
        }
        try {
            switch (delivery.action()) {
                case AlertAction.Email ignored -> email.send(delivery);
                case AlertAction.Webhook ignored -> http.send(delivery);
                case AlertAction.Slack ignored -> http.send(delivery);
            }
            long now = Clock.systemUTC().millis();
            history.attempted(delivery.id(), attempt, "sent", null, now, claims.from(now));
        } catch (DeliveryFailedException | RuntimeException e) {
            failed(delivery, attempt, e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(delivery, attempt, "interrupted by shutdown");
        }
    }

    private void failed(Delivery delivery, int attempt, String error) {
        long now = Clock.systemUTC().millis();
        if (attempt >= properties.deliveryAttempts() || senders.isShutdown()) {
            log.warn("alert delivery {} to {} failed for good after {} attempts: {}", delivery.id(),
                    delivery.action().target(), attempt, error);
            history.attempted(delivery.id(), attempt, "failed", error, now, claims.from(now));
            return;
        }
        long delay = properties.retryDelay(attempt).toMillis();
        // Held through the wait, so that no other instance sends it meanwhile.
        history.attempted(delivery.id(), attempt, "pending", error, now, claims.from(now + delay));
        retries.schedule(() -> dispatchRetry(delivery, attempt + 1), delay, TimeUnit.MILLISECONDS);
    }

    private void dispatchRetry(Delivery delivery, int attempt) {
        if (!senders.isShutdown()) {
            senders.execute(() -> attempt(delivery, attempt));
        }
    }

    @Override
    public void destroy() {
        retries.shutdownNow();
        senders.shutdownNow();
    }
}
