package dev.picket.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The requests recorded from the official SDKs in {@code ../shared/reference/envelopes}. Tests that
 * use them are skipped, with a message, where that folder is absent (as on a user's machine).
 */
public final class ReferenceRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReferenceRequests() {
    }

    /** One recorded request: where it went, its headers, and its body as sent and decoded. */
    public record Recorded(String name, String path, Map<String, String> headers, byte[] wireBody, byte[] decoded) {

        public boolean isEnvelope() {
            return path.contains("/envelope/");
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }

        public String query() {
            int q = path.indexOf('?');
            return q < 0 ? null : path.substring(q + 1);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static Path root() {
        return Path.of(System.getProperty("picket.repo.root", "."), "..", "shared", "reference").normalize();
    }

    /** Skips the calling test when the reference folder is absent. */
    public static List<Recorded> all() {
        Path dir = root().resolve("envelopes");
        assumeTrue(Files.isDirectory(dir), "reference requests not found at " + dir
                + " (../shared/reference is absent here): skipped");
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().map(ReferenceRequests::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Recorded load(String relative) {
        Path file = root().resolve("envelopes").resolve(relative);
        assumeTrue(Files.isRegularFile(file), "reference request " + file + " not found: skipped");
        return load(file);
    }

    private static Recorded load(Path file) {
        JsonNode node = JSON.readTree(file.toFile());
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        node.get("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
        String name = file.getParent().getFileName() + "/" + file.getFileName();
        return new Recorded(name, node.get("path").asString(), headers,
                Base64.getDecoder().decode(node.get("body_base64").asString()),
                node.get("decoded").asString().getBytes(StandardCharsets.UTF_8));
    }
}
