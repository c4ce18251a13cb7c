package dev.picket.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RelativeTimeTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final RelativeTime time = new RelativeTime(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void agesReadInTheLargestWholeUnit() {
        assertThat(time.ago(NOW.minusSeconds(30))).isEqualTo("just now");
        assertThat(time.ago(NOW.minus(Duration.ofMinutes(1)))).isEqualTo("1 minute ago");
        assertThat(time.ago(NOW.minus(Duration.ofMinutes(59)))).isEqualTo("59 minutes ago");
        assertThat(time.ago(NOW.minus(Duration.ofHours(5)))).isEqualTo("5 hours ago");
        assertThat(time.ago(NOW.minus(Duration.ofDays(3)))).isEqualTo("3 days ago");
        assertThat(time.ago(NOW.minus(Duration.ofDays(90)))).isEqualTo("3 months ago");
        assertThat(time.ago(NOW.minus(Duration.ofDays(800)))).isEqualTo("2 years ago");
    }

    @Test
    void clockSkewFromTheFutureIsSaidSo() {
        assertThat(time.ago(NOW.plusSeconds(120))).isEqualTo("in the future");
    }

    @Test
    void exactTimeIsUtc() {
        assertThat(time.exact(NOW)).isEqualTo("2026-11-25 12:00:00 UTC");
    }
}
