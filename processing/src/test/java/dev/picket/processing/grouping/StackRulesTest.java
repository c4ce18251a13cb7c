package dev.picket.processing.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stack trace rules remember what a frame's own fields match; what a rule reads elsewhere (the
 * frame's category and in-app flag, its neighbours) is still read on every event.
 */
class StackRulesTest {

    private static final List<String> FRAMES = List.of(
            "{'function': 'run', 'module': 'java.lang.Thread', 'platform': 'java'}",
            "{'function': 'invoke', 'module': 'java.lang.reflect.Method', 'platform': 'java'}",
            "{'function': 'handleMessage', 'module': 'android.os.Handler', 'platform': 'java'}",
            "{'function': 'processTicksAndRejections', 'filename': 'node:internal/process/task_queues', 'platform': 'node'}",
            "{'function': 'get', 'abs_path': '/srv/app/node_modules/express/index.js', 'platform': 'javascript'}",
            "{'function': 'view', 'abs_path': '/usr/lib/python3/site-packages/django/views.py', 'platform': 'python'}",
            "{'function': '_purecall', 'package': '/usr/lib/libc.so', 'platform': 'native'}",
            "{'function': 'std::vector<int>::push_back(int)', 'package': '/usr/lib/libstdc++.so', 'platform': 'native'}",
            "{'function': 'objc_msgSend', 'package': '/usr/lib/libobjc.A.dylib', 'platform': 'cocoa'}",
            "{'function': 'charge', 'module': 'com.example.Billing', 'platform': 'java', 'in_app': true}");

    @Test
    void rememberedOwnFieldMatchesAreThoseComputedAfresh() {
        StackRules rules = StackRules.DEFAULTS;
        OwnFieldMatches remembered = new OwnFieldMatches(rules::matchingOwnFields);
        for (int round = 0; round < 2; round++) {
            for (String json : FRAMES) {
                Frame frame = frame(json);
                assertThat(remembered.of(frame)).as(json).isEqualTo(rules.matchingOwnFields(frame(json)));
            }
        }
    }

    @Test
    void defaultRulesMatchSomeOfTheFramesByTheirOwnFields() {
        BitSet matched = new BitSet();
        for (String json : FRAMES) {
            matched.or(StackRules.DEFAULTS.matchingOwnFields(frame(json)));
        }
        assertThat(matched.cardinality()).isGreaterThan(10);
    }

    @Test
    void aRememberedFrameIsStillMatchedAgainstItsCaller() {
        StackRules rules = StackRules.withProjectRules("[ function:alpha ] | function:beta -group");
        String beta = "{'function': 'beta', 'module': 'm', 'platform': 'python', 'in_app': true}";

        List<GroupingComponent> afterAlpha = contributions(rules, "{'function': 'alpha', 'platform': 'python'}", beta);
        List<GroupingComponent> afterGamma = contributions(rules, "{'function': 'gamma', 'platform': 'python'}", beta);

        assertThat(afterAlpha.get(1).contributes()).isFalse();
        assertThat(afterGamma.get(1).contributes()).isTrue();
    }

    @Test
    void aRememberedFrameIsStillMatchedAgainstItsCallee() {
        StackRules rules = StackRules.withProjectRules("function:alpha | [ function:beta ] -group");
        String alpha = "{'function': 'alpha', 'module': 'm', 'platform': 'python', 'in_app': true}";

        List<GroupingComponent> beforeBeta = contributions(rules, alpha, "{'function': 'beta', 'platform': 'python'}");
        List<GroupingComponent> beforeGamma = contributions(rules, alpha, "{'function': 'gamma', 'platform': 'python'}");

        assertThat(beforeBeta.getFirst().contributes()).isFalse();
        assertThat(beforeGamma.getFirst().contributes()).isTrue();
    }

    @Test
    void aRememberedFrameIsStillMatchedByItsCategory() {
        StackRules rules = StackRules.withProjectRules("function:alpha category:mine -group");

        List<GroupingComponent> inCategory = contributions(rules,
                "{'function': 'alpha', 'module': 'm', 'platform': 'python', 'data': {'category': 'mine'}}");
        List<GroupingComponent> outOfCategory = contributions(rules, "{'function': 'alpha', 'module': 'm', 'platform': 'python'}");

        assertThat(inCategory.getFirst().contributes()).isFalse();
        assertThat(outOfCategory.getFirst().contributes()).isTrue();
    }

    @Test
    void aRememberedFrameIsStillMatchedByItsInAppFlag() {
        StackRules rules = StackRules.withProjectRules("function:alpha app:yes -group");

        List<GroupingComponent> inApp = contributions(rules, "{'function': 'alpha', 'module': 'm', 'platform': 'python', 'in_app': true}");
        List<GroupingComponent> notInApp = contributions(rules, "{'function': 'alpha', 'module': 'm', 'platform': 'python'}");

        assertThat(inApp.getFirst().contributes()).isFalse();
        assertThat(notInApp.getFirst().contributes()).isTrue();
    }

    @Test
    void aCategoryGivenByAnEarlierRuleIsSeenByALaterOne() {
        StackRules rules = StackRules.withProjectRules("function:alpha category=mine\ncategory:mine -group");

        List<GroupingComponent> components = contributions(rules, "{'function': 'alpha', 'module': 'm', 'platform': 'python'}");

        assertThat(components.getFirst().contributes()).isFalse();
    }

    /** The frame nodes of a stack trace of these frames, oldest call first, after the rules. */
    private static List<GroupingComponent> contributions(StackRules rules, String... frameJson) {
        List<Frame> frames = new ArrayList<>();
        for (String json : frameJson) {
            frames.add(frame(json));
        }
        rules.markFrames(frames);
        List<GroupingComponent> components = new ArrayList<>();
        for (Frame frame : frames) {
            components.add(FrameComponents.frame(frame));
        }
        rules.markContributions(frames, components);
        return components;
    }

    private static Frame frame(String json) {
        return Frame.of(Events.event(json), "python");
    }
}
