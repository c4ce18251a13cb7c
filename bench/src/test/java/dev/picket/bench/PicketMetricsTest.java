package dev.picket.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PicketMetricsTest {

    private static final String EXPOSITION = """
            # HELP picket_pipeline_rows_processed_total Inbox rows processed, failed ones included
            # TYPE picket_pipeline_rows_processed_total counter
            picket_pipeline_rows_processed_total 1234.0
            picket_pipeline_rows_processed_total_extra 9.0
            picket_ingest_accepted_total{endpoint="envelope"} 1200.0
            picket_ingest_accepted_total{endpoint="store"} 34.0
            """;

    @Test
    void sumsEverySeriesOfACounterAndNoOtherMetric() {
        assertThat(PicketMetrics.sum(EXPOSITION, PicketMetrics.ROWS_PROCESSED)).isEqualTo(1234.0);
        assertThat(PicketMetrics.sum(EXPOSITION, "picket_ingest_accepted_total")).isEqualTo(1234.0);
    }

    @Test
    void aCounterNotYetRegisteredReadsZero() {
        assertThat(PicketMetrics.sum(EXPOSITION, "picket_pipeline_rows_failed_total")).isZero();
    }
}
