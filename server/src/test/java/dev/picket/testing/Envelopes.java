package dev.picket.testing;

import java.nio.charset.StandardCharsets;

/** Hand-built envelopes for the cases no SDK sends: each test states the bytes it means. */
public final class Envelopes {

    private Envelopes() {
    }

    /** An envelope with one event item carrying {@code eventJson}, with a correct length header. */
    public static byte[] event(String eventId, String eventJson) {
        return event(eventId, eventJson.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] event(String eventId, byte[] eventJson) {
        byte[] head = ("{\"event_id\":\"" + eventId + "\"}\n{\"type\":\"event\",\"length\":" + eventJson.length + "}\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + eventJson.length + 1];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(eventJson, 0, out, head.length, eventJson.length);
        out[out.length - 1] = '\n';
        return out;
    }

    /** A minimal error event as an SDK would send it. */
    public static String errorJson(String eventId, String message) {
        return "{\"event_id\":\"" + eventId + "\",\"platform\":\"java\",\"level\":\"error\","
                + "\"exception\":{\"values\":[{\"type\":\"IllegalStateException\",\"value\":\"" + message + "\"}]}}";
    }
}
