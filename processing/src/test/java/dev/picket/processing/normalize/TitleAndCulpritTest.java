package dev.picket.processing.normalize;

import static dev.picket.processing.normalize.Normalizing.event;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Titles, culprits and metadata as Sentry computes them for each event type. */
class TitleAndCulpritTest {

    @Test
    void errorWithoutValueIsTitledByItsType() {
        assertThat(event("{\"exception\": [{\"type\": \"SystemExit\"}]}").facts().title()).isEqualTo("SystemExit");
    }

    @Test
    void errorTitleUsesTheFirstLineOfTheValue() {
        assertThat(event("{\"exception\": [{\"type\": \"E\", \"value\": \"first\\nsecond\"}]}").facts().title())
                .isEqualTo("E: first");
    }

    @Test
    void errorTitleCutsTheValueAt100Characters() {
        String title = event("{\"exception\": [{\"type\": \"E\", \"value\": \"" + "v".repeat(150) + "\"}]}").facts().title();

        assertThat(title).isEqualTo("E: " + "v".repeat(97) + "...");
    }

    @Test
    void metadataValueKeepsUpTo1024Characters() {
        EventFacts facts = event("{\"exception\": [{\"type\": \"E\", \"value\": \"" + "v".repeat(2000) + "\"}]}").facts();

        assertThat(facts.metadata().value()).hasSize(1024).endsWith("...");
    }

    @Test
    void exceptionWithoutTypeIsAnError() {
        assertThat(event("{\"exception\": [{\"value\": \"boom happened\"}]}").facts().title())
                .isEqualTo("Error: boom happened");
    }

    @Test
    void mainExceptionIdChoosesTheTitledException() {
        EventFacts facts = event("""
                {"main_exception_id": 1,
                 "exception": [{"type": "Inner", "value": "a", "mechanism": {"type": "chained", "exception_id": 1}},
                               {"type": "Group", "value": "b", "mechanism": {"type": "chained", "exception_id": 0}}]}""").facts();

        assertThat(facts.title()).isEqualTo("Inner: a");
    }

    @Test
    void syntheticExceptionIsTitledByItsCrashFunction() {
        EventFacts facts = event("""
                {"exception": [{"value": "Order failed", "mechanism": {"type": "generic", "synthetic": true},
                  "stacktrace": {"frames": [{"function": "main", "in_app": true}, {"function": "<unknown>", "in_app": true}]}}]}""").facts();

        assertThat(facts.title()).isEqualTo("main");
        assertThat(facts.culprit()).isEmpty();
    }

    @Test
    void defaultEventWithoutMessageIsUnlabeled() {
        assertThat(event("{}").facts().title()).isEqualTo("<unlabeled event>");
    }

    @Test
    void defaultEventIsTitledByTheFirstLineOfItsMessage() {
        EventFacts facts = event("{\"message\": \"  disk full\\non /var  \"}").facts();

        assertThat(facts.title()).isEqualTo("disk full");
        assertThat(facts.metadata().title()).isEqualTo("disk full");
    }

    @Test
    void culpritSentByTheSdkWins() {
        assertThat(event("{\"culprit\": \"views.checkout\", \"transaction\": \"/checkout\"}").facts().culprit())
                .isEqualTo("views.checkout");
    }

    @Test
    void culpritIsTheInnermostInAppFrameAsModuleInFunction() {
        EventFacts facts = event("""
                {"platform": "python", "exception": [{"type": "E", "stacktrace": {"frames": [
                  {"module": "app.views", "function": "checkout", "in_app": true},
                  {"module": "django.core", "function": "dispatch", "in_app": false}]}}]}""").facts();

        assertThat(facts.culprit()).isEqualTo("app.views in checkout");
        assertThat(facts.metadata().function()).isEqualTo("checkout");
    }

    @Test
    void culpritFallsBackToTheInnermostFrameWhenNoneIsInApp() {
        EventFacts facts = event("""
                {"platform": "java", "exception": [{"type": "E", "stacktrace": {"frames": [
                  {"module": "a.B", "function": "outer"}, {"filename": "C.java", "function": "inner"}]}}]}""").facts();

        assertThat(facts.culprit()).isEqualTo("C.java in inner");
    }

    @Test
    void nativeCulpritIsTheFunctionAlone() {
        EventFacts facts = event("""
                {"platform": "cocoa", "exception": [{"type": "EXC_BAD_ACCESS", "stacktrace": {"frames": [
                  {"function": "-[ViewController crash]", "package": "/app/App", "in_app": true}]}}]}""").facts();

        assertThat(facts.culprit()).isEqualTo("-[ViewController crash]");
    }

    @Test
    void culpritFallsBackToTheRequestUrl() {
        EventFacts facts = event("{\"exception\": [{\"type\": \"E\"}], \"request\": {\"url\": \"https://shop.example/pay?x=1\"}}").facts();

        assertThat(facts.culprit()).isEqualTo("https://shop.example/pay");
    }

    @Test
    void topLevelStacktraceGivesTheCulpritOfAMessage() {
        EventFacts facts = event("""
                {"platform": "node", "message": "m", "stacktrace": {"frames": [{"module": "app", "function": "run", "in_app": true}]}}""").facts();

        assertThat(facts.culprit()).isEqualTo("run(app)");
    }

    @Test
    void crashFrameFilenameFallsBackToTheAbsolutePath() {
        EventFacts facts = event("""
                {"exception": [{"type": "E", "stacktrace": {"frames": [{"abs_path": "/srv/app.py", "function": "f"}]}}]}""").facts();

        assertThat(facts.metadata().filename()).isEqualTo("/srv/app.py");
    }

    @Test
    void titleCulpritAndMetadataAreWrittenIntoTheEvent() {
        NormalizedEvent n = event("{\"exception\": [{\"type\": \"E\", \"value\": \"v\"}], \"transaction\": \"/t\"}");

        assertThat(n.event().get("title").stringValue()).isEqualTo("E: v");
        assertThat(n.event().get("culprit").stringValue()).isEqualTo("/t");
        assertThat(n.event().get("metadata").toString()).isEqualTo("{\"type\":\"E\",\"value\":\"v\"}");
    }
}
