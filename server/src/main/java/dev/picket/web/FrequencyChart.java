package dev.picket.web;

import dev.picket.issues.CountBucket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An issue's events per hour as bars of an SVG drawn on the server (no script may run on pages).
 * Coordinates are in the SVG's own units: {@link #WIDTH} by {@link #HEIGHT}.
 */
record FrequencyChart(List<Bar> bars, long total, long peak) {

    static final int WIDTH = 240;
    static final int HEIGHT = 48;
    private static final int GAP = 2;

    record Bar(double x, double y, double width, double height, Instant start, long count) {
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    static FrequencyChart of(List<CountBucket> buckets) {
        long peak = buckets.stream().mapToLong(CountBucket::count).max().orElse(0);
        double slot = (double) WIDTH / Math.max(1, buckets.size());
        List<Bar> bars = new ArrayList<>(buckets.size());
        for (int i = 0; i < buckets.size(); i++) {
            CountBucket bucket = buckets.get(i);
            // Hours with events get at least a sliver, so one event among hundreds stays visible.
            double height = peak == 0 || bucket.count() == 0 ? 0
                    : Math.max(2, (double) HEIGHT * bucket.count() / peak);
            bars.add(new Bar(i * slot, HEIGHT - height, slot - GAP, height, bucket.start(), bucket.count()));
        }
        return new FrequencyChart(bars, buckets.stream().mapToLong(CountBucket::count).sum(), peak);
    }
}
