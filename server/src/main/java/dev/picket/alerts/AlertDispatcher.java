package dev.picket.alerts;

import java.time.Clock;
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
 * {@link AlertsProperties#deliveryAttempts()}, and every attempt is recorded in the history.
 */
@Component
class AlertDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

    private final AlertHistory history;
    private final AlertsProperties properties;
    private final HttpDeliverySender http;
    private final EmailDeliverySender email;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("picket-alert-retries").daemon().factory());
    private final long startedAt = Clock.systemUTC().millis();

    AlertDispatcher(AlertHistory history, AlertsProperties properties, SmtpProperties smtp,
                    ObjectProvider<JavaMailSender> mail, WebhookTargetGuard targets) {
        this.history = history;
        this.properties = properties;
        this.http = new HttpDeliverySender(properties.deliveryTimeout(), targets);
        this.email = new EmailDeliverySender(mail.getIfAvailable(), smtp.from());
    }

    void dispatch(Delivery delivery) {
        senders.execute(() -> attempt(delivery, 1));
    }

    /**
     * Sends again what the last stop left pending, each with one more attempt than it had. Only
     * deliveries from before this start: those made since are already under way.
     */
    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        for (AlertHistory.Unfinished unfinished : history.unfinished(startedAt)) {
            senders.execute(() -> attempt(unfinished.delivery(), unfinished.attempts() + 1));
        }
    }

    private void attempt(Delivery delivery, int attempt) {
        try {
            switch (delivery.action()) {
                case AlertAction.Email ignored -> email.send(delivery);
                case AlertAction.Webhook ignored -> http.send(delivery);
                case AlertAction.Slack ignored -> http.send(delivery);
            }
            history.attempted(delivery.id(), attempt, "sent", null, Clock.systemUTC().millis());
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
            history.attempted(delivery.id(), attempt, "failed", error, now);
            return;
        }
        history.attempted(delivery.id(), attempt, "pending", error, now);
        retries.schedule(() -> dispatchRetry(delivery, attempt + 1),
                properties.retryDelay(attempt).toMillis(), TimeUnit.MILLISECONDS);
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
