package dev.picket.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How far processing is behind ingestion, for health checks, pages and tests. */
@Component
public class InboxStats {

    private final JdbcClient jdbc;

    public InboxStats(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        Gauge.builder("picket.inbox.unprocessed", this, InboxStats::unprocessed)
                .description("Inbox rows durable but not yet processed")
                .register(registry);
    }

    /** Rows durable but not yet processed. */
    public long unprocessed() {
        return jdbc.sql("SELECT count(*) FROM inbox WHERE processed_at IS NULL").query(Long.class).single();
    }

    /** Rows the processor could not read; they were set aside with the reason in their {@code error}. */
    public long failed() {
        return jdbc.sql("SELECT count(*) FROM inbox WHERE error IS NOT NULL").query(Long.class).single();
    }
}
