package dev.picket.processing.normalize;

import static dev.picket.processing.normalize.Normalizing.event;
import static dev.picket.processing.normalize.Normalizing.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

/** Relay's size limits and its handling of values of the wrong type: trimmed or dropped, never rejected. */
class LimitsAndInvalidValuesTest {

    @ParameterizedTest(name = "{0} over {1} characters")
    @CsvSource({"culprit, 200", "release, 200", "environment, 64", "logger, 64", "dist, 64"})
    void overLongFieldIsCutToItsLimitWithMeta(String field, int limit) {
        ObjectNode e = event("{\"" + field + "\": \"" + "a".repeat(limit + 50) + "\"}").event();

        assertThat(e.get(field).stringValue()).hasSize(limit).endsWith("...");
        assertThat(e.at("/_meta/" + field + "//len").intValue()).isEqualTo(limit + 50);
    }

    @Test
    void overLongTransactionNameIsCutTo200Characters() {
        EventFacts facts = transaction("{\"transaction\": \"" + "t".repeat(300) + "\"}").facts();

        assertThat(facts.transaction()).hasSize(200);
        assertThat(facts.title()).hasSize(200);
    }

    @Test
    void serverNameGetsTwentyCharactersOfAllowanceOverItsLimit() {
        assertThat(event("{\"server_name\": \"" + "s".repeat(270) + "\"}").facts().serverName()).hasSize(270);
        assertThat(event("{\"server_name\": \"" + "s".repeat(280) + "\"}").facts().serverName()).hasSize(256);
    }

    @Test
    void tagValueOver200CharactersIsDroppedWithAnError() {
        NormalizedEvent n = event("{\"tags\": {\"long\": \"" + "v".repeat(201) + "\", \"short\": \"ok\"}}");

        assertThat(n.facts().tag("long")).isNull();
        assertThat(n.facts().tag("short")).isEqualTo("ok");
        assertThat(n.event().at("/errors/0/type").stringValue()).isEqualTo("value_too_long");
        assertThat(n.event().at("/errors/0/name").stringValue()).isEqualTo("tags.long");
    }

    @Test
    void tagKeyOver200CharactersIsDropped() {
        EventFacts facts = event("{\"tags\": {\"" + "k".repeat(201) + "\": \"v\"}}").facts();

        assertThat(facts.tags()).noneMatch(tag -> tag.value().equals("v"));
    }

    @Test
    void onlyTheNewest100BreadcrumbsAreKept() {
        StringBuilder crumbs = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            crumbs.append(i == 0 ? "" : ",").append("{\"message\": \"crumb ").append(i).append("\"}");
        }
        ObjectNode e = event("{\"breadcrumbs\": [" + crumbs + "]}").event();

        assertThat(e.at("/breadcrumbs/values").size()).isEqualTo(100);
        assertThat(e.at("/breadcrumbs/values/0/message").stringValue()).isEqualTo("crumb 50");
        assertThat(e.at("/breadcrumbs/values/99/message").stringValue()).isEqualTo("crumb 149");
        assertThat(e.at("/_meta/breadcrumbs/values//len").intValue()).isEqualTo(150);
    }

    @Test
    void releaseOfTheWrongTypeIsDroppedAndRecordedInErrorsAndMeta() {
        NormalizedEvent n = event("{\"release\": {\"version\": 1}}");

        assertThat(n.facts().release()).isNull();
        assertThat(n.event().has("release")).isFalse();
        assertThat(n.event().at("/errors/0").toString())
                .isEqualTo("{\"type\":\"invalid_data\",\"name\":\"release\",\"value\":{\"version\":1}}");
        assertThat(n.event().at("/_meta/release//err").toString())
                .isEqualTo("[[\"invalid_data\",{\"reason\":\"expected a string\"}]]");
        assertThat(n.event().at("/_meta/release//val").toString()).isEqualTo("{\"version\":1}");
    }

    @Test
    void numericReleaseIsAcceptedAsText() {
        assertThat(event("{\"release\": 42}").facts().release()).isEqualTo("42");
    }

    @Test
    void releaseWhitespaceIsTrimmedAndEmptyReleaseDropped() {
        assertThat(event("{\"release\": \"  1.0 \"}").facts().release()).isEqualTo("1.0");
        assertThat(event("{\"release\": \"   \"}").event().has("release")).isFalse();
    }

    @Test
    void userGivenAsAStringIsDroppedWithAnError() {
        NormalizedEvent n = event("{\"user\": \"bob\"}");

        assertThat(n.facts().user()).isNull();
        assertThat(n.event().at("/errors/0/name").stringValue()).isEqualTo("user");
    }

    @Test
    void exceptionItemThatIsNotAnObjectIsDroppedWithAnErrorNamingItsPath() {
        NormalizedEvent n = event("{\"exception\": {\"values\": [42, {\"type\": \"E\"}]}}");

        assertThat(n.event().at("/exception/values").size()).isEqualTo(1);
        assertThat(n.event().at("/errors/0/name").stringValue()).isEqualTo("exception.values.0");
    }

    @Test
    void exceptionWithNeitherTypeNorValueIsDropped() {
        NormalizedEvent n = event("{\"exception\": [{\"module\": \"m\"}], \"message\": \"m\"}");

        assertThat(n.event().has("exception")).isFalse();
        assertThat(n.facts().type()).isEqualTo("default");
        assertThat(n.event().at("/errors/0/type").stringValue()).isEqualTo("missing_attribute");
    }

    @Test
    void oldPythonTypeAndValueInOneStringAreSplit() {
        EventFacts facts = event("{\"exception\": [{\"value\": \"ValueError: bad input\"}]}").facts();

        assertThat(facts.title()).isEqualTo("ValueError: bad input");
        assertThat(facts.metadata().type()).isEqualTo("ValueError");
        assertThat(facts.metadata().value()).isEqualTo("bad input");
    }

    @Test
    void frameThatIsNotAnObjectIsDroppedWithAnError() {
        NormalizedEvent n = event("""
                {"exception": [{"type": "E", "stacktrace": {"frames": [{"function": "f"}, "g"]}}]}""");

        assertThat(n.event().at("/exception/values/0/stacktrace/frames").size()).isEqualTo(1);
        assertThat(n.event().at("/errors/0/name").stringValue()).isEqualTo("exception.values.0.stacktrace.frames.1");
    }

    @Test
    void stacktraceWithoutFramesIsRemoved() {
        NormalizedEvent n = event("""
                {"exception": [{"type": "E", "stacktrace": {"frames": "f"}}]}""");

        assertThat(n.event().at("/exception/values/0").has("stacktrace")).isFalse();
        assertThat(n.event().at("/errors/0/type").stringValue()).isEqualTo("missing_attribute");
    }

    @Test
    void onlyTheInnermost250FramesAreKept() {
        ObjectNode e = event("{\"exception\": [{\"type\": \"RecursionError\", \"stacktrace\": {\"frames\": " + frames(300, false) + "}}]}").event();

        assertThat(e.at("/exception/values/0/stacktrace/frames").size()).isEqualTo(250);
        assertThat(e.at("/exception/values/0/stacktrace/frames/0/function").stringValue()).isEqualTo("f50");
        assertThat(e.at("/exception/values/0/stacktrace/frames/249/function").stringValue()).isEqualTo("f299");
        assertThat(e.at("/_meta/exception/values/0/stacktrace/frames//len").intValue()).isEqualTo(300);
    }

    @Test
    void beyond50FramesTheMiddleFramesLoseContextAndVariables() {
        ObjectNode e = event("{\"exception\": [{\"type\": \"E\", \"stacktrace\": {\"frames\": " + frames(60, true) + "}}]}").event();

        var frames = e.at("/exception/values/0/stacktrace/frames");
        assertThat(frames.get(0).has("vars")).isTrue();
        assertThat(frames.get(30).has("vars")).isFalse();
        assertThat(frames.get(30).has("pre_context")).isFalse();
        assertThat(frames.get(59).has("vars")).isTrue();
        long slimmed = frames.valueStream().filter(frame -> !frame.has("vars")).count();
        assertThat(slimmed).isEqualTo(10);
    }

    private static String frames(int count, boolean withContext) {
        StringBuilder frames = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            frames.append(i == 0 ? "" : ",").append("{\"function\": \"f").append(i).append('"');
            if (withContext) {
                frames.append(", \"vars\": {\"i\": ").append(i).append("}, \"pre_context\": [\"x\"]");
            }
            frames.append('}');
        }
        return frames.append(']').toString();
    }

    @Test
    void extraNestedDeeperThanSevenLevelsIsKeptAsJsonText() {
        ObjectNode e = event("{\"extra\": {\"a\": {\"b\": {\"c\": {\"d\": {\"e\": {\"f\": {\"g\": 1}}}}}}}}").event();

        assertThat(e.at("/extra/a/b/c/d/e/f").stringValue()).isEqualTo("{\"g\":1}");
    }

    @Test
    void extraOverItsByteBudgetLosesItsLastEntries() {
        String big = "x".repeat(100_000);
        ObjectNode e = event("{\"extra\": {\"one\": \"" + big + "\", \"two\": \"" + big + "\", \"three\": \"" + big
                + "\", \"four\": \"" + big + "\"}}").event();

        assertThat(e.at("/extra/one").stringValue()).isEqualTo(big);
        assertThat(e.at("/extra/two").stringValue()).isEqualTo(big);
        assertThat(e.at("/extra/three").stringValue()).endsWith("...").hasSizeLessThan(100_000);
        assertThat(e.at("/extra").has("four")).isFalse();
        assertThat(e.at("/_meta/extra//len").intValue()).isEqualTo(4);
    }

    @Test
    void invalidTraceIdIsDroppedWithAnError() {
        NormalizedEvent n = event("{\"contexts\": {\"trace\": {\"trace_id\": \"xyz\"}}}");

        assertThat(n.facts().traceId()).isNull();
        assertThat(n.event().at("/errors/0/name").stringValue()).isEqualTo("contexts.trace.trace_id");
    }

    @Test
    void contextThatIsNotAnObjectIsDropped() {
        NormalizedEvent n = event("{\"contexts\": {\"os\": \"linux\", \"runtime\": {\"name\": \"CPython\"}}}");

        assertThat(n.event().at("/contexts").has("os")).isFalse();
        assertThat(n.event().at("/contexts/runtime/type").stringValue()).isEqualTo("runtime");
        assertThat(n.event().at("/errors/0/name").stringValue()).isEqualTo("contexts.os");
    }

    @Test
    void existingErrorsOfTheSdkAreKept() {
        ObjectNode e = event("{\"errors\": [{\"type\": \"js_no_source\"}], \"level\": []}").event();

        assertThat(e.at("/errors").size()).isEqualTo(2);
        assertThat(e.at("/errors/0/type").stringValue()).isEqualTo("js_no_source");
    }
}
