package dev.picket.processing.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hashes remembered within one event's grouping are the components' own hashes. */
class ComponentHashesTest {

    @Test
    void aComponentsHashIsItsOwn() {
        GroupingComponent frame = frame("handle", "orders.py");

        assertThat(new ComponentHashes().of(frame)).isEqualTo(frame.hash());
    }

    @Test
    void componentsWithTheSameContributingValuesHashAlike() {
        ComponentHashes hashes = new ComponentHashes();
        GroupingComponent app = new GroupingComponent("app", List.of(frame("handle", "orders.py")));
        GroupingComponent system = new GroupingComponent("system", List.of(frame("handle", "orders.py")));

        assertThat(hashes.of(app)).isEqualTo(hashes.of(system)).isEqualTo(system.hash());
    }

    @Test
    void aComponentChangedSinceItWasHashedGetsItsNewHash() {
        ComponentHashes hashes = new ComponentHashes();
        GroupingComponent kept = frame("handle", "orders.py");
        GroupingComponent dropped = frame("dispatch", "loop.py");
        GroupingComponent stacktrace = new GroupingComponent("stacktrace", List.of(kept, dropped));
        String before = hashes.of(stacktrace);

        dropped.exclude("ignored by a rule");

        assertThat(hashes.of(stacktrace)).isEqualTo(stacktrace.hash()).isNotEqualTo(before);
    }

    @Test
    void aComponentThatDoesNotContributeHasNoHash() {
        GroupingComponent frame = frame("handle", "orders.py");
        frame.exclude(null);

        assertThat(new ComponentHashes().of(frame)).isNull();
    }

    private static GroupingComponent frame(String function, String filename) {
        return new GroupingComponent("frame", List.of(GroupingComponent.of("function", function), GroupingComponent.of("filename", filename)));
    }
}
