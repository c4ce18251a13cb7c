package dev.picket.serverless;

import java.time.Instant;
import java.util.Map;

/** What a platform tells about the running function, attached to every event of an invocation. */
public interface FunctionContext {

    /** The event context's key, e.g. {@code aws_lambda} or {@code gcp}. */
    String key();

    /** The context's values when an event is sent {@code executionMillis} into the invocation. */
    Map<String, Object> values(long executionMillis);

    /** Extra data for the event, such as a link to the invocation's logs, between {@code started} and {@code now}. */
    Map<String, Object> extras(Instant started, Instant now);
}
