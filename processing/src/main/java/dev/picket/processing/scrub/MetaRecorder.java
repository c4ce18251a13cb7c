package dev.picket.processing.scrub;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Collects what was scrubbed during one walk and writes it into the event's {@code _meta} tree the
 * way Sentry does, so the UI can say "[Filtered] by @password:filter, was 14 characters".
 */
final class MetaRecorder {

    private static final String META = "_meta";
    private static final String VALUE_META = "";

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Integer> remarksByRule = new TreeMap<>();

    private record Entry(List<String> path, List<Remark> remarks, int originalLength) {
    }

    /**
     * @param originalLength the scrubbed string's length in characters, or -1 for a removed value
     */
    void record(List<String> path, List<Remark> remarks, int originalLength) {
        entries.add(new Entry(List.copyOf(path), remarks, originalLength));
        for (Remark remark : remarks) {
            remarksByRule.merge(remark.rule(), 1, Integer::sum);
        }
    }

    ScrubReport report() {
        return entries.isEmpty() ? ScrubReport.NOTHING : new ScrubReport(entries.size(), remarksByRule);
    }

    /** Adds the remarks to {@code _meta}, keeping what the SDK already put there (such as a trimmed length). */
    void writeTo(ObjectNode event) {
        if (entries.isEmpty()) {
            return;
        }
        ObjectNode meta = childObject(event, META);
        for (Entry entry : entries) {
            ObjectNode node = meta;
            for (String segment : entry.path) {
                node = childObject(node, segment);
            }
            ObjectNode valueMeta = childObject(node, VALUE_META);
            JsonNode existing = valueMeta.get("rem");
            ArrayNode remarks = existing instanceof ArrayNode array ? array : valueMeta.putArray("rem");
            for (Remark remark : entry.remarks) {
                ArrayNode item = remarks.addArray().add(remark.rule());
                if (remark.removed()) {
                    item.add(Remark.REMOVED);
                } else {
                    item.add(Remark.SUBSTITUTED).add(remark.start()).add(remark.end());
                }
            }
            if (entry.originalLength >= 0 && !valueMeta.has("len")) {
                valueMeta.put("len", entry.originalLength);
            }
        }
    }

    private static ObjectNode childObject(ObjectNode parent, String name) {
        JsonNode child = parent.get(name);
        if (child instanceof ObjectNode object) {
            return object;
        }
        return parent.putObject(name);
    }
}
