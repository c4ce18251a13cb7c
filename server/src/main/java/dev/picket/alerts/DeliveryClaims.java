package dev.picket.alerts;

import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which instance sends a delivery, when several share one database: each attempt is made only by
 * the instance that holds the delivery's claim, taken in one conditional UPDATE, so two instances
 * never both send it. A claim lasts an attempt (or the wait for the next one) plus the lease; an
 * instance that stops or dies lets it run out, and another takes the delivery over.
 */
@Component
class DeliveryClaims {

    private final JdbcClient jdbc;
    private final String instance;
    private final long leaseMillis;

    @Autowired
    DeliveryClaims(JdbcClient jdbc, AlertsProperties properties) {
        this(jdbc, properties, UUID.randomUUID().toString());
    }

    /** @param instance names this instance in {@code claimed_by} */
    DeliveryClaims(JdbcClient jdbc, AlertsProperties properties, String instance) {
        this.jdbc = jdbc;
        this.instance = instance;
        this.leaseMillis = properties.claimLease().toMillis();
    }

    /** A claim this instance holds until {@code until} (epoch milliseconds). */
    record Claim(String instance, long until) {
    }

    /** This instance's claim on what it starts or resumes sending at {@code now}. */
    Claim from(long now) {
        return new Claim(instance, now + leaseMillis);
    }

    /**
     * Takes (or renews) the claim on a pending delivery for an attempt at {@code now}.
     *
     * @return false when another instance holds it, or it is no longer pending: then this one must not send it
     */
    boolean claim(long deliveryId, long now) {
        return jdbc.sql("""
                        UPDATE alert_deliveries SET claimed_by = ?, claimed_until = ?
                        WHERE id = ? AND status = 'pending'
                          AND (claimed_by = ? OR claimed_until IS NULL OR claimed_until < ?)""")
                .params(instance, now + leaseMillis, deliveryId, instance, now)
                .update() == 1;
    }
}
