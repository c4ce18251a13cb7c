package dev.picket.serverless;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds {@code sentry-trace} and {@code baggage} in an input snapshot: in HTTP headers (API Gateway, function
 * URLs), in message attributes (SQS, SNS, Pub/Sub) or at the top level of a direct invocation's payload.
 */
public final class TraceHeaderLookup {

    private static final String SENTRY_TRACE = "sentry-trace";
    private static final String BAGGAGE = "baggage";

    private TraceHeaderLookup() {
    }

    public static TraceHeaders in(Object snapshot) {
        if (!(snapshot instanceof Map<?, ?> input)) {
            return TraceHeaders.NONE;
        }
        for (Object carrier : carriers(input)) {
            if (carrier instanceof Map<?, ?> fields) {
                String sentryTrace = text(get(fields, SENTRY_TRACE));
                if (sentryTrace != null) {
                    String baggage = text(get(fields, BAGGAGE));
                    return new TraceHeaders(sentryTrace, baggage == null ? List.of() : List.of(baggage));
                }
            }
        }
        return TraceHeaders.NONE;
    }

    /** Where the headers may be, most specific first. */
    private static List<Object> carriers(Map<?, ?> input) {
        Object firstRecord = input.get("Records") instanceof List<?> records && !records.isEmpty()
                ? records.get(0) : null;
        Map<?, ?> record = firstRecord instanceof Map<?, ?> map ? map : Map.of();
        Object message = input.get("message") instanceof Map<?, ?> pubSub ? pubSub.get("attributes") : null;
        Object sns = record.get("Sns") instanceof Map<?, ?> notification ? notification.get("MessageAttributes") : null;
        return java.util.Arrays.asList(
                input.get("headers"),
                input.get("multiValueHeaders"),
                record.get("messageAttributes"),
                sns,
                message,
                input.get("attributes"),
                input);
    }

    private static Object get(Map<?, ?> fields, String name) {
        for (Map.Entry<?, ?> entry : fields.entrySet()) {
            if (String.valueOf(entry.getKey()).toLowerCase(Locale.ROOT).equals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** A header value, or an attribute's value: SQS keeps it in {@code stringValue}, SNS in {@code Value}. */
    private static String text(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof List<?> values && !values.isEmpty()) {
            return text(values.get(0));
        }
        if (value instanceof Map<?, ?> attribute) {
            Object inner = attribute.containsKey("stringValue") ? attribute.get("stringValue") : attribute.get("Value");
            return inner instanceof String text ? text : null;
        }
        return null;
    }
}
