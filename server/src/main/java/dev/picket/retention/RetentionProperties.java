package dev.picket.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long stored data is kept and how it is deleted.
 *
 * @param days           days a project's events and telemetry are kept unless the project says
 *                       otherwise ({@code PICKET_RETENTION_DAYS})
 * @param processedInbox how long a processed inbox row (its key, which drops replays at the door) is kept
 * @param every          how often expired data is deleted, by one instance of those sharing the database
 * @param batchSize      the most rows one delete statement removes: each is a short transaction of its own
 * @param pause          the rest between two delete statements, which leaves the database to ingestion
 */
@ConfigurationProperties("picket.retention")
public record RetentionProperties(
        @DefaultValue("90") int days,
        @DefaultValue("24h") Duration processedInbox,
        @DefaultValue("1h") Duration every,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("100ms") Duration pause) {

    public RetentionProperties {
        if (days < 1) {
            throw new IllegalArgumentException("picket.retention.days must be at least 1, was " + days);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("picket.retention.batch-size must be at least 1, was " + batchSize);
        }
        if (processedInbox.isNegative() || !every.isPositive() || pause.isNegative()) {
            throw new IllegalArgumentException("picket.retention.processed-inbox and pause must not be negative"
                    + " and picket.retention.every must be positive");
        }
    }
}
