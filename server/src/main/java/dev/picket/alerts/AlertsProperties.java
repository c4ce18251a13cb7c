package dev.picket.alerts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How alerts are delivered.
 *
 * @param deliveryAttempts how often a delivery is tried before it is recorded as failed
 * @param firstRetryDelay  the wait before the second attempt; each later wait doubles
 * @param maxRetryDelay    the longest wait between attempts
 * @param deliveryTimeout  how long one attempt may take (connecting and answering)
 * @param queueCapacity    processed batches waiting for evaluation; beyond it they are dropped (and logged),
 *                         since alerting must never hold up processing
 * @param allowPrivateWebhooks whether webhook and Slack targets may be on loopback, link-local or private
 *                         addresses ({@code PICKET_ALERTS_ALLOW_PRIVATE_WEBHOOKS}); off, since a rule's
 *                         editor could otherwise reach what only Picket's host should ({@link WebhookTargetGuard})
 * @param claimLease       how long an instance holds a delivery it is sending before another may take it
 */
@ConfigurationProperties("picket.alerts")
public record AlertsProperties(
        @DefaultValue("5") int deliveryAttempts,
        @DefaultValue("10s") Duration firstRetryDelay,
        @DefaultValue("10m") Duration maxRetryDelay,
        @DefaultValue("10s") Duration deliveryTimeout,
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("false") boolean allowPrivateWebhooks,
        @DefaultValue("2m") Duration claimLease) {

    public AlertsProperties {
        if (deliveryAttempts < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("picket.alerts.delivery-attempts and queue-capacity must be at least 1");
        }
        if (!firstRetryDelay.isPositive() || maxRetryDelay.compareTo(firstRetryDelay) < 0
                || !deliveryTimeout.isPositive() || claimLease.compareTo(deliveryTimeout) <= 0) {
            throw new IllegalArgumentException("picket.alerts delays and timeout must be positive, "
                    + "max-retry-delay at least first-retry-delay, and claim-lease longer than delivery-timeout");
        }
    }

    /** The wait after failed attempt {@code attempt} (1 for the first): doubling, capped. */
    Duration retryDelay(int attempt) {
        Duration delay = firstRetryDelay.multipliedBy(1L << Math.min(attempt - 1, 30));
        return delay.compareTo(maxRetryDelay) > 0 || delay.isNegative() ? maxRetryDelay : delay;
    }
}
