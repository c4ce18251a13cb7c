package dev.picket.traces;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Which events count as a function's timeout warning, as each SDK sends it. */
class FunctionFactsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void ourServerlessLibrarysTaggedWarningIsATimeout() {
        assertThat(facts("""
                {"tags": {"timeout_warning": "true", "function": "payments"}}""").timeoutWarning()).isTrue();
    }

    @Test
    void thePythonSdksServerlessTimeoutWarningIsATimeout() {
        assertThat(facts("""
                {"exception": {"values": [{"type": "ServerlessTimeoutWarning", "module": "sentry_sdk.utils",
                  "value": "WARNING : Function is expected to get timed out. Configured timeout duration = 3 seconds."}]},
                 "contexts": {"aws_lambda": {"function_name": "payments"}}}""").timeoutWarning()).isTrue();
    }

    @Test
    void theJavaScriptSdksPossibleTimeoutMessageIsATimeout() {
        assertThat(facts("""
                {"level": "warning", "message": "Possible function timeout: payments", "tags": {"timeout": "3s"}}""")
                .timeoutWarning()).isTrue();
        assertThat(facts("""
                {"logentry": {"formatted": "Possible function timeout: payments"}}""").timeoutWarning()).isTrue();
    }

    @Test
    void anOrdinaryErrorIsNoTimeout() {
        assertThat(facts("""
                {"exception": {"values": [{"type": "TimeoutError", "value": "upstream timed out"}]},
                 "message": "checkout failed: Possible function timeout: not at the start",
                 "tags": {"timeout_warning": "false"}}""").timeoutWarning()).isFalse();
    }

    @Test
    void theFunctionAndColdStartComeFromTheLambdaContextAndTags() {
        FunctionFacts facts = facts("""
                {"contexts": {"aws_lambda": {"function_name": "payments"}}, "tags": {"cold_start": "true"}}""");
        assertThat(facts.function()).isEqualTo("payments");
        assertThat(facts.coldStart()).isTrue();
    }

    private static FunctionFacts facts(String event) {
        JsonNode tree = JSON.readTree(event);
        return FunctionFacts.of(tree);
    }
}
