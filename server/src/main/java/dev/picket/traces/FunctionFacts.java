package dev.picket.traces;

import dev.picket.inbox.CompressedPayloads;
import dev.picket.processing.normalize.EventFacts;
import dev.picket.processing.normalize.EventNormalizer;
import dev.picket.processing.normalize.NormalizeContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The serverless function an event or transaction ran in, read by the same rules as its
 * {@code function} and {@code cold_start} tags, and whether it is the warning an SDK sends shortly
 * before a function's deadline: our serverless library tags it {@code timeout_warning=true}, the
 * Python SDK's Lambda and Cloud Functions integrations raise a {@code ServerlessTimeoutWarning},
 * the JavaScript SDK's Lambda wrapper sends the message "Possible function timeout: NAME".
 *
 * @param function  the function's name, or null outside a function
 * @param coldStart whether the invocation was a cold start, or null when the SDK did not say
 */
public record FunctionFacts(String function, Boolean coldStart, boolean timeoutWarning) {

    /** The tag the serverless module sets on the warning it sends shortly before a function times out. */
    static final String TIMEOUT_WARNING_TAG = "timeout_warning";
    private static final String PYTHON_TIMEOUT_EXCEPTION = "ServerlessTimeoutWarning";
    private static final String JAVASCRIPT_TIMEOUT_MESSAGE = "Possible function timeout:";

    private static final EventNormalizer NORMALIZER = new EventNormalizer();
    private static final NormalizeContext CONTEXT = new NormalizeContext("transaction", 0, null);

    /** Reads an event or transaction as the SDK sent it or as it was stored; leaves it unchanged. */
    public static FunctionFacts of(JsonNode event) {
        // Only tags and contexts decide these tags: normalizing a copy of them alone is cheap even
        // for a transaction of thousands of spans.
        ObjectNode subset = JsonNodeFactory.instance.objectNode();
        copy(event, subset, "tags");
        copy(event, subset, "contexts");
        EventFacts facts = NORMALIZER.normalize(subset, CONTEXT).facts();
        String coldStart = facts.tag("cold_start");
        return new FunctionFacts(facts.tag("function"), coldStart == null ? null : Boolean.valueOf(coldStart),
                "true".equals(facts.tag(TIMEOUT_WARNING_TAG))
                        || event != null && (raisedTimeoutWarning(event) || saysPossibleTimeout(event)));
    }

    /** Reads an event as stored: its zstd-compressed JSON payload. */
    static FunctionFacts ofStored(JsonMapper json, byte[] compressedPayload) {
        return of(json.readTree(CompressedPayloads.decompress(compressedPayload)));
    }

    private static boolean raisedTimeoutWarning(JsonNode event) {
        JsonNode exception = event.path("exception");
        for (JsonNode value : exception.isArray() ? exception : exception.path("values")) {
            if (PYTHON_TIMEOUT_EXCEPTION.equals(value.path("type").asString(null))) {
                return true;
            }
        }
        return false;
    }

    /** The message as SDKs send it (a string, or {@code message}/{@code logentry} with formatted text). */
    private static boolean saysPossibleTimeout(JsonNode event) {
        for (JsonNode text : new JsonNode[] {event.path("message"), event.path("message").path("formatted"),
                event.path("logentry").path("formatted"), event.path("logentry").path("message")}) {
            if (text.isString() && text.asString().startsWith(JAVASCRIPT_TIMEOUT_MESSAGE)) {
                return true;
            }
        }
        return false;
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        JsonNode value = from == null ? null : from.get(field);
        if (value != null && !value.isNull()) {
            to.set(field, value.deepCopy());
        }
    }
}
