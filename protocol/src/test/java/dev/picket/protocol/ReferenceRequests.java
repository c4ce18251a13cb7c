package dev.picket.protocol;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The requests recorded from official SDKs in {@code ../shared/reference/envelopes}, one per file. */
public final class ReferenceRequests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ReferenceRequests() {
    }

    /**
     * One recorded request.
     *
     * @param name    {@code sdk/file}, e.g. {@code python-sdk-1.9.10/001.json}
     * @param headers header names are case-insensitive
     * @param body    the body exactly as sent
     * @param decoded the body with its Content-Encoding undone
     */
    public record Request(String name, String method, String path, Map<String, String> headers, byte[] body, byte[] decoded) {

        public String header(String name) {
            return headers.get(name);
        }

        public String rawQuery() {
            int q = path.indexOf('?');
            return q < 0 ? null : path.substring(q + 1);
        }

        public boolean isEnvelope() {
            return path.contains("/envelope/");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Every recorded request; skips the calling test when the reference data is absent. */
    public static List<Request> all() {
        Path root = Path.of(System.getProperty("picket.repo.root", "."), "..", "shared", "reference", "envelopes");
        assumeTrue(Files.isDirectory(root), "reference requests not found at " + root + ": skipped");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(f -> load(root, f)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Request> envelopes() {
        return all().stream().filter(Request::isEnvelope).toList();
    }

    public static Request named(String name) {
        return all().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no reference request " + name));
    }

    private static Request load(Path root, Path file) {
        JsonNode json = MAPPER.readTree(file.toFile());
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        json.get("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
        return new Request(root.relativize(file).toString(), json.get("method").asString(), json.get("path").asString(),
                headers, Base64.getDecoder().decode(json.get("body_base64").asString()),
                json.get("decoded").asString().getBytes(StandardCharsets.UTF_8));
    }
}
