package dev.picket.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.issues.CountBucket;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrequencyChartTest {

    private static final Instant HOUR = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void busiestHourFillsTheHeightAndOthersScaleToIt() {
        FrequencyChart chart = FrequencyChart.of(List.of(new CountBucket(HOUR, 0),
                new CountBucket(HOUR.plusSeconds(3600), 50), new CountBucket(HOUR.plusSeconds(7200), 100)));

        assertThat(chart.bars()).extracting(FrequencyChart.Bar::height)
                .containsExactly(0.0, FrequencyChart.HEIGHT / 2.0, (double) FrequencyChart.HEIGHT);
        assertThat(chart.total()).isEqualTo(150);
        assertThat(chart.peak()).isEqualTo(100);
    }

    @Test
    void aSingleEventAmongManyStaysVisible() {
        FrequencyChart chart = FrequencyChart.of(List.of(new CountBucket(HOUR, 1),
                new CountBucket(HOUR.plusSeconds(3600), 10_000)));

        assertThat(chart.bars().getFirst().height()).isGreaterThanOrEqualTo(2);
    }
}
