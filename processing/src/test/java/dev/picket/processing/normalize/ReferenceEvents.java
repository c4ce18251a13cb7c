package dev.picket.processing.normalize;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.picket.protocol.LimitExceededException;
import dev.picket.protocol.envelope.Envelope;
import dev.picket.protocol.envelope.EnvelopeItem;
import dev.picket.protocol.envelope.EnvelopeParseException;
import dev.picket.protocol.envelope.EnvelopeReader;
import dev.picket.protocol.json.JsonPayloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The events, transactions and feedback recorded from real SDKs in the shared reference folder. */
final class ReferenceEvents {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path ROOT = Path.of(System.getProperty("picket.repo.root", "."))
            .resolve("../shared/reference/envelopes").normalize();

    /** One event payload: where it was recorded, its item type, its JSON and when the request was recorded. */
    record Recorded(String name, String itemType, ObjectNode event) {

        @Override
        public String toString() {
            return name;
        }
    }

    private ReferenceEvents() {
    }

    static void assumePresent() {
        assumeTrue(Files.isDirectory(ROOT), "reference requests not found at " + ROOT + "; skipping");
    }

    static List<Recorded> all() {
        if (!Files.isDirectory(ROOT)) {
            return List.of();
        }
        List<Recorded> events = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                events.addAll(read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (EnvelopeParseException | LimitExceededException e) {
            throw new IllegalStateException("reference envelope does not parse", e);
        }
        return events;
    }

    /** The event of one request, e.g. {@code "python-sdk-1.9.10/001.json"}, with its item type. */
    static Recorded one(String name) {
        assumePresent();
        return all().stream().filter(r -> r.name().startsWith(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event in " + name));
    }

    private static List<Recorded> read(Path file) throws IOException, EnvelopeParseException, LimitExceededException {
        String name = ROOT.relativize(file).toString();
        JsonNode request = JSON.readTree(Files.readString(file));
        String decoded = request.get("decoded").stringValue();
        if (request.get("path").stringValue().contains("/store/")) {
            return List.of(new Recorded(name, "event", (ObjectNode) JSON.readTree(decoded)));
        }
        Envelope envelope = new EnvelopeReader(new JsonPayloads(128).factory(), 100)
                .read(decoded.getBytes(StandardCharsets.UTF_8));
        List<Recorded> events = new ArrayList<>();
        for (EnvelopeItem item : envelope.items()) {
            if (item.itemType().isEvent()) {
                ObjectNode event = (ObjectNode) JSON.readTree(new String(item.payload(), StandardCharsets.UTF_8));
                events.add(new Recorded(name, item.type(), event));
            }
        }
        return events;
    }
}
