package dev.picket.traces;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds a trace's tree from its flat rows. Pure and iterative: a trace of many thousand spans is fine. */
final class TraceAssembler {

    private static final Comparator<TraceSpan> BY_START = Comparator.comparingLong(TraceSpan::startMillis)
            .thenComparing(TraceSpan::spanId);

    private TraceAssembler() {
    }

    /** A span row as stored, before it has children. */
    record SpanRow(String spanId, String parentSpanId, String kind, long projectId, String transactionEventId,
                   String name, String op, String status, String function, Boolean coldStart, long startMillis,
                   long endMillis, double durationMs) {
    }

    static Trace assemble(String traceId, List<SpanRow> rows, List<TraceError> errors) {
        Map<String, List<TraceError>> errorsBySpan = new HashMap<>();
        for (TraceError error : errors) {
            if (error.spanId() != null) {
                errorsBySpan.computeIfAbsent(error.spanId(), id -> new ArrayList<>()).add(error);
            }
        }
        // A transaction and its root span may both be stored under one span id; the transaction wins.
        Map<String, SpanRow> byId = new HashMap<>();
        for (SpanRow row : rows) {
            SpanRow known = byId.get(row.spanId());
            if (known == null || (row.kind().equals("transaction") && !known.kind().equals("transaction"))) {
                byId.put(row.spanId(), row);
            }
        }
        Map<String, List<String>> childIds = new HashMap<>();
        List<String> rootIds = new ArrayList<>();
        for (SpanRow row : byId.values()) {
            String parent = row.parentSpanId();
            if (parent != null && byId.containsKey(parent) && !parent.equals(row.spanId())) {
                childIds.computeIfAbsent(parent, id -> new ArrayList<>()).add(row.spanId());
            } else {
                rootIds.add(row.spanId());
            }
        }
        Map<String, TraceSpan> built = new HashMap<>();
        TraceSpan rootCause = null;
        Set<String> failedBelow = new HashSet<>();
        for (String id : postOrder(rootIds, childIds)) {
            SpanRow row = byId.get(id);
            List<TraceSpan> children = new ArrayList<>();
            for (String childId : childIds.getOrDefault(id, List.of())) {
                children.add(built.remove(childId));
            }
            children.sort(BY_START);
            List<TraceError> spanErrors = errorsBySpan.getOrDefault(id, List.of());
            boolean failed = !spanErrors.isEmpty() || SpanStatus.failed(row.status());
            TraceSpan span = new TraceSpan(row.spanId(), row.parentSpanId(), row.kind(), row.projectId(),
                    row.transactionEventId(), row.name(), row.op(), row.status(), row.function(),
                    Boolean.TRUE.equals(row.coldStart()), row.startMillis(),
                    row.endMillis(), row.durationMs(), failed, List.copyOf(spanErrors), List.copyOf(children));
            built.put(id, span);
            boolean explained = children.stream().anyMatch(c -> c.failed() || failedBelow.contains(c.spanId()));
            if (explained) {
                failedBelow.add(id);
            } else if (failed && isBetterCause(span, rootCause)) {
                rootCause = span;
            }
        }
        List<TraceSpan> roots = new ArrayList<>(rootIds.stream().map(built::get).toList());
        roots.sort(BY_START);
        long start = rows.stream().mapToLong(SpanRow::startMillis).min().orElse(0);
        long end = rows.stream().mapToLong(SpanRow::endMillis).max().orElse(0);
        return new Trace(traceId, start, end, byId.size(), List.copyOf(roots), List.copyOf(errors), rootCause,
                functions(roots, errors));
    }

    /** Every span id, children before their parents, so that each subtree is built before its root. */
    private static List<String> postOrder(List<String> rootIds, Map<String, List<String>> childIds) {
        List<String> order = new ArrayList<>();
        List<String> stack = new ArrayList<>(rootIds);
        while (!stack.isEmpty()) {
            String id = stack.removeLast();
            order.add(id);
            stack.addAll(childIds.getOrDefault(id, List.of()));
        }
        return order.reversed();
    }

    /**
     * The root cause is a failure that no failing descendant explains: where the trouble started,
     * rather than every caller that passed it on. Of several, one where an error event happened
     * wins over a failed status alone (an SDK may not parent a server's span under the client's
     * call), then the earliest.
     */
    private static boolean isBetterCause(TraceSpan span, TraceSpan current) {
        if (current == null) {
            return true;
        }
        boolean hasErrors = !span.errors().isEmpty();
        if (hasErrors != !current.errors().isEmpty()) {
            return hasErrors;
        }
        return span.startMillis() < current.startMillis();
    }

    /** Functions in the order the waterfall shows them first, then those only an error event names. */
    private static List<TraceFunction> functions(List<TraceSpan> roots, List<TraceError> errors) {
        Map<String, Boolean> coldStarts = new LinkedHashMap<>();
        List<TraceSpan> queue = new ArrayList<>(roots);
        for (int i = 0; i < queue.size(); i++) {
            TraceSpan span = queue.get(i);
            if (span.function() != null) {
                coldStarts.merge(span.function(), span.coldStart(), Boolean::logicalOr);
            }
            queue.addAll(span.children());
        }
        Set<String> timedOut = new HashSet<>();
        for (TraceError error : errors) {
            if (error.function() != null) {
                coldStarts.putIfAbsent(error.function(), false);
                if (error.timeoutWarning()) {
                    timedOut.add(error.function());
                }
            }
        }
        return coldStarts.entrySet().stream()
                .map(f -> new TraceFunction(f.getKey(), f.getValue(), timedOut.contains(f.getKey()))).toList();
    }
}
