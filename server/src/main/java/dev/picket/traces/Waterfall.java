package dev.picket.traces;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A trace flattened for the page: one row per span, parents before their children, each bar placed
 * as a share of the trace's time. The page allows no inline styles, so bars are SVG rectangles with
 * percentages, and nesting is one of a few indent classes.
 *
 * @param rows every span of the trace, in the order of a depth-first walk by start time
 */
public record Waterfall(List<Row> rows) {

    /** Deeper spans are indented like this depth; their nesting still shows in their order. */
    static final int DEEPEST_INDENT = 16;
    /** Keeps an instantaneous span visible as a sliver. */
    private static final double THINNEST_BAR = 0.15;

    /**
     * @param anchor   an id to link to, only on rows that need one (the root cause and rows with errors)
     * @param classes  the row's CSS classes: indent, failure, root cause, transaction
     * @param project  the project's slug when the trace spans several projects, else null
     * @param offset   the bar's start, a percentage of the trace's duration
     * @param width    the bar's length, a percentage of the trace's duration
     * @param duration the span's duration as the page prints it (formatted here: ten thousand rows add up)
     */
    public record Row(String anchor, String classes, String op, String name, String function, boolean coldStart,
                      String project, boolean rootCause, List<TraceError> errors, String offset, String width,
                      String duration) {

        /** Whether the row has more to show than its name: the page prints the extra parts only then. */
        public boolean decorated() {
            return function != null || project != null || rootCause || !errors.isEmpty();
        }
    }

    /** Where a span's row links to, on the trace page. */
    static String anchor(TraceSpan span) {
        return "span-" + span.spanId();
    }

    /** @param projectSlugs slugs of the projects to name on rows; empty when the trace is in one project */
    static Waterfall of(Trace trace, Map<Long, String> projectSlugs) {
        double total = Math.max(trace.endMillis() - trace.startMillis(), 1);
        List<Row> rows = new ArrayList<>(trace.spanCount());
        record Visit(TraceSpan span, int depth) {
        }
        List<Visit> stack = new ArrayList<>();
        for (TraceSpan root : trace.roots().reversed()) {
            stack.add(new Visit(root, 0));
        }
        while (!stack.isEmpty()) {
            Visit visit = stack.removeLast();
            TraceSpan span = visit.span();
            boolean rootCause = trace.rootCause() != null && trace.rootCause().spanId().equals(span.spanId());
            double offset = Math.clamp((span.startMillis() - trace.startMillis()) / total * 100, 0, 100 - THINNEST_BAR);
            double width = Math.clamp(span.durationMs() / total * 100, THINNEST_BAR, 100 - offset);
            rows.add(new Row(rootCause || !span.errors().isEmpty() ? anchor(span) : null,
                    classes(span, visit.depth(), rootCause), span.op(), span.name(), span.function(),
                    span.coldStart(), projectSlugs.get(span.projectId()), rootCause, span.errors(),
                    percent(offset), percent(width), PerformanceText.durationText(span.durationMs())));
            for (TraceSpan child : span.children().reversed()) {
                stack.add(new Visit(child, visit.depth() + 1));
            }
        }
        return new Waterfall(rows);
    }

    private static String classes(TraceSpan span, int depth, boolean rootCause) {
        StringBuilder classes = new StringBuilder("d").append(Math.min(depth, DEEPEST_INDENT));
        if (span.kind().equals("transaction")) {
            classes.append(" txn");
        }
        if (span.failed()) {
            classes.append(" failed");
        }
        if (rootCause) {
            classes.append(" cause");
        }
        return classes.toString();
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.3f%%", value);
    }
}
