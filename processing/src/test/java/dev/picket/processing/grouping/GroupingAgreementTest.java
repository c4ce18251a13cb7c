package dev.picket.processing.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Measures agreement with Sentry's own grouping tests: see README.md in this package for the
 * layout of the case directory and how to point the test at one.
 */
class GroupingAgreementTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SENTRY_SNAPSHOTS = "test_variants/test_event_hash_variant/newstyle@2023_01_11";
    private static final Pattern VARIANT_LINE = Pattern.compile("^([\\w-]+):\\s*$");
    private static final Pattern HASH_LINE = Pattern.compile("^\\s+hash:\\s*(?:\"([0-9a-f]{32})\"|null)\\s*$");

    /** Sentry's cases give a project's own stack trace rules as {@code _grouping.enhancements}. */
    private static Grouper grouperFor(ObjectNode event) {
        JsonNode projectRules = event.path("_grouping").path("enhancements");
        return projectRules.isString() ? new Grouper(projectRules.stringValue()) : new Grouper();
    }

    @Test
    void groupsLikeSentrysOwnGroupingCases() throws IOException {
        Path cases = casesDirectory();
        assumeTrue(cases != null && Files.isDirectory(cases.resolve("grouping_inputs")),
                "no Sentry grouping cases: set -Dpicket.grouping.cases=DIR or provide ../shared/reference/grouping; skipping");

        List<Path> inputs;
        try (Stream<Path> files = Files.list(cases.resolve("grouping_inputs"))) {
            inputs = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        int compared = 0;
        List<String> mismatches = new ArrayList<>();
        for (Path input : inputs) {
            String name = input.getFileName().toString().replaceFirst("\\.json$", "");
            Path snapshot = snapshotOf(cases, name);
            if (snapshot == null) {
                continue;
            }
            compared++;
            Map<String, String> expected = expectedHashes(snapshot);
            ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(input));
            GroupingResult actual = grouperFor(event).group(event);
            if (!agrees(expected, actual)) {
                mismatches.add(describe(name, expected, actual));
            }
        }
        int agreeing = compared - mismatches.size();
        System.out.println("grouping agreement: " + agreeing + "/" + compared);
        mismatches.forEach(System.out::println);

        double minimum = Double.parseDouble(System.getProperty("picket.grouping.min-agreement", "0.75"));
        assertThat(compared).as("cases with a snapshot").isPositive();
        assertThat((double) agreeing / compared).as("share of Sentry's cases grouped alike").isGreaterThanOrEqualTo(minimum);
    }

    private static Path casesDirectory() {
        String configured = System.getProperty("picket.grouping.cases");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("picket.repo.root", "."), "..", "shared", "reference", "grouping");
    }

    private static Path snapshotOf(Path cases, String inputName) {
        String snapshotName = inputName.replace('-', '_') + ".pysnap";
        for (Path candidate : List.of(cases.resolve("snapshots").resolve(snapshotName),
                cases.resolve("snapshots").resolve(SENTRY_SNAPSHOTS).resolve(snapshotName))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Variant name to hash (null when the variant does not contribute), in snapshot order. */
    private static Map<String, String> expectedHashes(Path snapshot) {
        Map<String, String> hashes = new LinkedHashMap<>();
        String variant = null;
        try {
            for (String line : Files.readAllLines(snapshot)) {
                Matcher variantLine = VARIANT_LINE.matcher(line);
                Matcher hashLine = HASH_LINE.matcher(line);
                if (variantLine.matches() && !line.startsWith("created") && !line.startsWith("creator") && !line.startsWith("source")) {
                    variant = variantLine.group(1);
                } else if (hashLine.matches() && variant != null) {
                    hashes.put(variant, hashLine.group(1));
                    variant = null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hashes;
    }

    /** Same contributing hashes, and the same primary one: the app variant's when it contributes. */
    private static boolean agrees(Map<String, String> expected, GroupingResult actual) {
        Set<String> expectedHashes = new LinkedHashSet<>();
        expected.values().stream().filter(h -> h != null).forEach(expectedHashes::add);
        String expectedPrimary = expected.get("app") != null ? expected.get("app") : expectedHashes.stream().findFirst().orElse(null);
        return expectedHashes.equals(new LinkedHashSet<>(actual.hashes())) && actual.primaryHash().equals(expectedPrimary);
    }

    private static String describe(String name, Map<String, String> expected, GroupingResult actual) {
        StringBuilder out = new StringBuilder("MISMATCH ").append(name).append('\n');
        out.append("  expected: ").append(expected).append('\n');
        out.append("  actual:   ").append(actual.hashes()).append(" (").append(actual.variant()).append(")\n");
        for (GroupingResult.Variant variant : actual.variants()) {
            variant.describe().lines().forEach(line -> out.append("    ").append(line).append('\n'));
        }
        return out.toString();
    }
}
