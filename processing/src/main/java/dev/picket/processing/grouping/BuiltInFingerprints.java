package dev.picket.processing.grouping;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Sentry's built-in server-side fingerprint rules for JavaScript (configuration
 * {@code javascript@2024-02-02}): every chunk-load failure is one issue, and React hydration
 * errors are one issue per transaction. Like all server-side rules they win over the SDK's fingerprint.
 */
final class BuiltInFingerprints {

    private static final List<String> HYDRATION_MESSAGES = List.of(
            "Hydration failed because the initial UI does not match what was rendered on the server.",
            "The server could not finish this Suspense boundary, likely due to an error during server rendering."
                    + " Switched to client rendering.",
            "There was an error while hydrating this Suspense boundary. Switched to client rendering.",
            "There was an error while hydrating. Because the error happened outside of a Suspense boundary,"
                    + " the entire root will switch to client rendering.",
            "Text content does not match server-rendered HTML.");

    private BuiltInFingerprints() {
    }

    static Optional<List<String>> match(JsonNode event) {
        if (!Platforms.family(Json.text(event, "platform")).equals(Platforms.JAVASCRIPT)) {
            return Optional.empty();
        }
        List<JsonNode> exceptions = Json.interfaceValues(event, "exception");
        for (JsonNode exception : exceptions) {
            ExceptionGrouping.TypeAndValue typeAndValue = ExceptionGrouping.TypeAndValue.of(exception);
            if ("ChunkLoadError".equals(typeAndValue.type())
                    || (typeAndValue.value() != null && typeAndValue.value().strip().toLowerCase(Locale.ROOT).startsWith("chunkloaderror"))) {
                return Optional.of(List.of("chunkloaderror"));
            }
        }
        String transaction = Json.tag(event, "transaction");
        if (transaction != null && isHydrationError(event, exceptions)) {
            return Optional.of(List.of("hydrationerror", transaction));
        }
        return Optional.empty();
    }

    private static boolean isHydrationError(JsonNode event, List<JsonNode> exceptions) {
        String message = EventMessages.canonicalMessage(event);
        if (message != null && isHydrationMessage(message)) {
            return true;
        }
        for (JsonNode exception : exceptions) {
            String value = ExceptionGrouping.TypeAndValue.of(exception).value();
            if (value != null && isHydrationMessage(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHydrationMessage(String text) {
        String stripped = text.strip();
        return HYDRATION_MESSAGES.stream().anyMatch(stripped::equalsIgnoreCase);
    }
}
