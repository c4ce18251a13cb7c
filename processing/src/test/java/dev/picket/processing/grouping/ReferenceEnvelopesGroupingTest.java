package dev.picket.processing.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.picket.protocol.LimitExceededException;
import dev.picket.protocol.envelope.Envelope;
import dev.picket.protocol.envelope.EnvelopeParseException;
import dev.picket.protocol.envelope.EnvelopeItem;
import dev.picket.protocol.envelope.EnvelopeReader;
import dev.picket.protocol.envelope.ItemType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The events recorded from real SDKs (see shared/reference/README.md) group as Sentry groups them. */
class ReferenceEnvelopesGroupingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path ENVELOPES = Path.of(System.getProperty("picket.repo.root", "."), "..", "shared", "reference", "envelopes");

    private final Grouper grouper = new Grouper();

    @Test
    void fivePythonZeroDivisionErrorsFromOneLineAreOneIssue() {
        assertThat(hashes("python-sdk-1.9.10", 1, 5)).hasSize(1);
    }

    @Test
    void twoPythonMessagesThatDifferOnlyInNumbersAreOneIssue() {
        assertThat(hashes("python-sdk-1.9.10", 6, 7)).hasSize(1);
    }

    @Test
    void fourNodeTypeErrorsFromOneLineAreOneIssue() {
        assertThat(hashes("node-sdk-11.12.0", 4, 7)).hasSize(1);
    }

    @Test
    void twoNodeMessagesThatDifferOnlyInNumbersAreOneIssue() {
        assertThat(List.of(primaryHash("node-sdk-11.12.0", 8), primaryHash("node-sdk-11.12.0", 10))).containsOnly(primaryHash("node-sdk-11.12.0", 8));
    }

    @Test
    void threeJavaNullPointerExceptionsFromOneLineAreOneIssue() {
        assertThat(hashes("java-sdk-8.20.0", 1, 3)).hasSize(1);
    }

    @Test
    void twoJavaMessagesThatDifferOnlyInNumbersAreOneIssue() {
        assertThat(hashes("java-sdk-8.20.0", 4, 5)).hasSize(1);
    }

    @Test
    void chainedExceptionsGroupByTheWholeChain() {
        GroupingResult python = grouper.group(event("python-sdk-1.9.10", 8));
        GroupingResult java = grouper.group(event("java-sdk-8.20.0", 6));

        assertThat(python.component()).isEqualTo("chained-exception");
        assertThat(java.component()).isEqualTo("chained-exception");
    }

    @Test
    void distinctProblemsStayDistinctIssues() {
        List<String> primaries = List.of(
                primaryHash("python-sdk-1.9.10", 1), primaryHash("python-sdk-1.9.10", 6), primaryHash("python-sdk-1.9.10", 8),
                primaryHash("python-sdk-1.9.10", 10), primaryHash("node-sdk-11.12.0", 4), primaryHash("node-sdk-11.12.0", 8),
                primaryHash("node-sdk-11.12.0", 9), primaryHash("java-sdk-8.20.0", 1), primaryHash("java-sdk-8.20.0", 4),
                primaryHash("java-sdk-8.20.0", 6));

        assertThat(primaries).doesNotHaveDuplicates();
    }

    private List<String> hashes(String sdk, int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(i -> primaryHash(sdk, i)).distinct().toList();
    }

    private String primaryHash(String sdk, int number) {
        return grouper.group(event(sdk, number)).primaryHash();
    }

    /** The event of a recorded request: the body of a store request, or the event item of an envelope. */
    private static ObjectNode event(String sdk, int number) {
        assumeTrue(Files.isDirectory(ENVELOPES), "reference envelopes not found at " + ENVELOPES + "; skipping");
        Path file = ENVELOPES.resolve(sdk).resolve("%03d.json".formatted(number));
        try {
            JsonNode request = JSON.readTree(Files.readString(file));
            byte[] body = request.get("decoded").stringValue().getBytes(StandardCharsets.UTF_8);
            if (request.get("path").stringValue().contains("/store/")) {
                return (ObjectNode) JSON.readTree(body);
            }
            Envelope envelope = new EnvelopeReader(new JsonFactory(), 100).read(body);
            for (EnvelopeItem item : envelope.items()) {
                if (item.itemType() == ItemType.EVENT) {
                    return (ObjectNode) JSON.readTree(item.payload());
                }
            }
            throw new AssertionError(file + " holds no event item");
        } catch (IOException | EnvelopeParseException | LimitExceededException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
