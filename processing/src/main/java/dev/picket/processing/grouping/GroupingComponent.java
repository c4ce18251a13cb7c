package dev.picket.processing.grouping;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One node of the grouping tree (an exception, a frame, a function name…). Like Sentry's
 * grouping components, a node's {@code contributes} flag is computed from its values when the
 * values are set and is not recomputed when a child changes later: the hashes depend on it.
 */
public final class GroupingComponent {

    private final String id;
    private List<Object> values;
    private boolean contributes;
    private String hint;
    private final boolean inApp;

    GroupingComponent(String id, List<?> values) {
        this(id, values, false);
    }

    GroupingComponent(String id, List<?> values, boolean inApp) {
        this.id = id;
        this.inApp = inApp;
        setValues(values);
    }

    static GroupingComponent of(String id, String value) {
        return new GroupingComponent(id, value == null ? List.of() : List.of(value));
    }

    static GroupingComponent empty(String id) {
        return new GroupingComponent(id, List.of());
    }

    public String id() {
        return id;
    }

    public boolean contributes() {
        return contributes;
    }

    public String hint() {
        return hint;
    }

    boolean inApp() {
        return inApp;
    }

    /** The direct values: strings for leaves, {@link GroupingComponent}s for inner nodes. */
    public List<Object> values() {
        return List.copyOf(values);
    }

    List<GroupingComponent> children() {
        List<GroupingComponent> children = new ArrayList<>();
        for (Object value : values) {
            if (value instanceof GroupingComponent child) {
                children.add(child);
            }
        }
        return children;
    }

    void setValues(List<?> newValues) {
        values = new ArrayList<>(newValues);
        contributes = false;
        for (Object value : values) {
            if (!(value instanceof GroupingComponent child) || child.contributes) {
                contributes = true;
                break;
            }
        }
    }

    void replaceValues(List<?> newValues, String newHint) {
        setValues(newValues);
        if (newHint != null) {
            hint = newHint;
        }
    }

    void exclude(String newHint) {
        contributes = false;
        if (newHint != null) {
            hint = newHint;
        }
    }

    void include(String newHint) {
        contributes = true;
        if (newHint != null) {
            hint = newHint;
        }
    }

    /** The leaf values that feed the hash, in tree order; nothing when this node does not contribute. */
    public List<String> contributingValues() {
        List<String> out = new ArrayList<>();
        collect(out::add);
        return out;
    }

    private void collect(Consumer<String> sink) {
        if (!contributes) {
            return;
        }
        for (Object value : values) {
            if (value instanceof GroupingComponent child) {
                child.collect(sink);
            } else {
                sink.accept(String.valueOf(value));
            }
        }
    }

    /** The 32-hex md5 of the contributing values, or null when this node does not contribute. */
    public String hash() {
        return contributes ? Md5.ofValues(contributingValues()) : null;
    }

    /** True when a contributing {@code stacktrace} node is reachable through contributing nodes only. */
    boolean hasContributingStacktrace() {
        for (GroupingComponent child : children()) {
            if (!child.contributes) {
                continue;
            }
            if (child.id.equals("stacktrace") || child.hasContributingStacktrace()) {
                return true;
            }
        }
        return false;
    }

    /** An indented tree in the style of Sentry's grouping snapshots: {@code *} marks contributing nodes. */
    public String render() {
        StringBuilder out = new StringBuilder();
        render(out, 0);
        return out.toString();
    }

    private void render(StringBuilder out, int depth) {
        out.append("  ".repeat(depth)).append(id).append(contributes ? "*" : "");
        if (hint != null) {
            out.append(" (").append(hint).append(')');
        }
        out.append('\n');
        for (Object value : values) {
            if (value instanceof GroupingComponent child) {
                child.render(out, depth + 1);
            } else {
                out.append("  ".repeat(depth + 1)).append('"').append(value).append("\"\n");
            }
        }
    }

    @Override
    public String toString() {
        return render();
    }
}
