package dev.picket.processing.normalize;

import static dev.picket.processing.normalize.Normalizing.event;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Old interface names and the several shapes SDKs send the same data in. */
class LegacyAndShapesTest {

    @Test
    void legacyExceptionInterfaceBecomesException() {
        ObjectNode e = event("""
                {"sentry.interfaces.Exception": {"values": [{"type": "ValueError", "value": "bad"}]}}""").event();

        assertThat(e.has("sentry.interfaces.Exception")).isFalse();
        assertThat(e.at("/exception/values/0/type").stringValue()).isEqualTo("ValueError");
        assertThat(e.get("type").stringValue()).isEqualTo("error");
    }

    @Test
    void legacyMessageInterfaceBecomesLogEntry() {
        NormalizedEvent n = event("""
                {"sentry.interfaces.Message": {"message": "hello %s", "params": ["world"]}}""");

        assertThat(n.event().at("/logentry/formatted").stringValue()).isEqualTo("hello world");
        assertThat(n.facts().message()).isEqualTo("hello world");
    }

    @Test
    void legacyHttpUserStacktraceAndBreadcrumbInterfacesAreRenamed() {
        ObjectNode e = event("""
                {"sentry.interfaces.Http": {"url": "https://shop.example/cart", "method": "get"},
                 "sentry.interfaces.User": {"id": "42"},
                 "sentry.interfaces.Breadcrumbs": [{"message": "clicked"}],
                 "sentry.interfaces.Template": {"filename": "page.html", "lineno": 3},
                 "sentry.interfaces.Csp": {"blocked_uri": "https://evil.example"}}""").event();

        assertThat(e.at("/request/url").stringValue()).isEqualTo("https://shop.example/cart");
        assertThat(e.at("/request/method").stringValue()).isEqualTo("GET");
        assertThat(e.at("/user/id").stringValue()).isEqualTo("42");
        assertThat(e.at("/breadcrumbs/values/0/message").stringValue()).isEqualTo("clicked");
        assertThat(e.at("/template/filename").stringValue()).isEqualTo("page.html");
        assertThat(e.get("type").stringValue()).isEqualTo("csp");
    }

    @Test
    void currentNameWinsOverLegacyAlias() {
        ObjectNode e = event("""
                {"user": {"id": "current"}, "sentry.interfaces.User": {"id": "legacy"}}""").event();

        assertThat(e.at("/user/id").stringValue()).isEqualTo("current");
        assertThat(e.has("sentry.interfaces.User")).isFalse();
    }

    @Test
    void exceptionListBecomesValuesObject() {
        ObjectNode e = event("""
                {"exception": [{"type": "KeyError", "value": "'x'"}]}""").event();

        assertThat(e.at("/exception/values/0/type").stringValue()).isEqualTo("KeyError");
    }

    @Test
    void singleExceptionObjectBecomesOneValue() {
        ObjectNode e = event("""
                {"exception": {"type": "KeyError", "value": "'x'"}}""").event();

        assertThat(e.at("/exception/values").size()).isEqualTo(1);
        assertThat(e.at("/exception/values/0/type").stringValue()).isEqualTo("KeyError");
    }

    @Test
    void breadcrumbListBecomesValuesObject() {
        ObjectNode e = event("""
                {"breadcrumbs": [{"message": "a"}, {"message": "b"}]}""").event();

        assertThat(e.at("/breadcrumbs/values/1/message").stringValue()).isEqualTo("b");
    }

    @Test
    void topLevelStacktraceMovesIntoTheOnlyException() {
        ObjectNode e = event("""
                {"exception": {"values": [{"type": "E", "value": "v"}]},
                 "stacktrace": {"frames": [{"function": "run", "module": "app"}]}}""").event();

        assertThat(e.has("stacktrace")).isFalse();
        assertThat(e.at("/exception/values/0/stacktrace/frames/0/function").stringValue()).isEqualTo("run");
    }

    @Test
    void topLevelStacktraceStaysWhenThereAreSeveralExceptions() {
        ObjectNode e = event("""
                {"exception": [{"type": "A"}, {"type": "B"}], "stacktrace": {"frames": [{"function": "run"}]}}""").event();

        assertThat(e.at("/stacktrace/frames/0/function").stringValue()).isEqualTo("run");
        assertThat(e.at("/exception/values/1").has("stacktrace")).isFalse();
    }

    @Test
    void messageStringBecomesFormattedLogEntry() {
        NormalizedEvent n = event("""
                {"message": "disk full"}""");

        assertThat(n.event().has("message")).isFalse();
        assertThat(n.event().at("/logentry/formatted").stringValue()).isEqualTo("disk full");
        assertThat(n.facts().title()).isEqualTo("disk full");
    }

    @Test
    void tagsGivenAsPairsAreReadLikeAnObject() {
        EventFacts facts = event("""
                {"tags": [["region", "eu"], ["tier", 2]]}""").facts();

        assertThat(facts.tags()).contains(new Tag("region", "eu"), new Tag("tier", "2"));
    }

    @Test
    void tagsAreWrittenBackAsPairs() {
        ObjectNode e = event("""
                {"tags": {"region": "eu"}}""").event();

        assertThat(e.get("tags").toString()).startsWith("[[\"region\",\"eu\"]");
    }
}
