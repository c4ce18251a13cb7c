package dev.picket.processing.scrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Python SDK's request 010 carries a password, a card number, an API key, an Authorization
 * header and a session cookie in {@code extra}, {@code contexts} and the frame's source lines.
 */
class ReferenceEventScrubbingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path REQUEST = Path.of(System.getProperty("picket.repo.root", "."))
            .resolve("../shared/reference/envelopes/python-sdk-1.9.10/010.json");

    private final Scrubber scrubber = new Scrubber();
    private ObjectNode event;

    @BeforeEach
    void readEvent() throws IOException {
        assumeTrue(Files.isRegularFile(REQUEST), "reference request " + REQUEST + " is absent; skipping");
        JsonNode request = JSON.readTree(Files.readString(REQUEST));
        event = (ObjectNode) JSON.readTree(request.get("decoded").stringValue());
    }

    @Test
    void noSecretOfTheReferenceRequestSurvivesDefaultScrubbing() {
        scrubber.scrub(event, ScrubbingConfig.defaults());

        assertThat(JSON.writeValueAsString(event)).doesNotContain(
                "hunter2-secret", "4111 1111 1111 1111", "sk_live_harness_key", "hdr-secret-token", "cookie-secret");
    }

    @Test
    void eachRemovalIsRecordedInMetaWithItsRule() {
        scrubber.scrub(event, ScrubbingConfig.defaults());

        JsonNode meta = event.get("_meta");
        assertThat(remarks(meta.at("/extra/password"))).isEqualTo("[[\"@password:filter\",\"s\",0,10]]");
        assertThat(remarks(meta.at("/extra/api_key"))).isEqualTo("[[\"@password:filter\",\"s\",0,10]]");
        assertThat(remarks(meta.at("/extra/card"))).isEqualTo("[[\"@creditcard:filter\",\"s\",0,10]]");
        assertThat(remarks(meta.at("/contexts/request_headers/Authorization")))
                .isEqualTo("[[\"@password:filter\",\"s\",0,10]]");
        assertThat(remarks(meta.at("/contexts/request_headers/Cookie")))
                .isEqualTo("[[\"@anything:filter\",\"s\",0,10]]");
        assertThat(meta.at("/extra/password/").get("len").intValue()).isEqualTo("hunter2-secret".length());
    }

    @Test
    void sourceLinesNamingASecretAreFilteredAndACardInThemIsCutOut() {
        scrubber.scrub(event, ScrubbingConfig.defaults());

        JsonNode frame = event.at("/exception/values/0/stacktrace/frames/0");
        assertThat(frame.at("/pre_context/0").stringValue()).isEqualTo("[Filtered]");
        assertThat(frame.at("/pre_context/1").stringValue()).isEqualTo("    scope.set_extra(\"card\", \"[Filtered]\")");
        assertThat(frame.at("/pre_context/4").stringValue()).isEqualTo("    try:");
        assertThat(remarks(event.at("/_meta/exception/values/0/stacktrace/frames/0/pre_context/1")))
                .isEqualTo("[[\"@creditcard:filter\",\"s\",29,39]]");
    }

    @Test
    void lengthTheSdkRecordedForTrimmedVariablesIsKept() {
        scrubber.scrub(event, ScrubbingConfig.defaults());

        JsonNode varsMeta = event.at("/_meta/exception/values/0/stacktrace/frames/0/vars/");
        assertThat(varsMeta.get("len").intValue()).isEqualTo(17);
        assertThat(event.at("/_meta/exception/values/0/stacktrace/frames/0/vars/__doc__/").get("rem")).isNotNull();
    }

    @Test
    void reportCountsTheScrubbedValues() {
        ScrubReport report = scrubber.scrub(event, ScrubbingConfig.defaults());

        assertThat(report.remarksByRule()).containsEntry("@creditcard:filter", 2).containsEntry("@anything:filter", 1);
        assertThat(report.scrubbedValues()).isEqualTo(report.remarksByRule().values().stream()
                .mapToInt(Integer::intValue).sum());
    }

    @Test
    void disabledScrubbingLeavesTheEventByteIdentical() {
        String before = JSON.writeValueAsString(event);

        ScrubReport report = scrubber.scrub(event, ScrubbingConfig.disabled());

        assertThat(JSON.writeValueAsString(event)).isEqualTo(before);
        assertThat(report.scrubbedAnything()).isFalse();
    }

    private static String remarks(JsonNode fieldMeta) {
        return fieldMeta.get("").get("rem").toString();
    }
}
