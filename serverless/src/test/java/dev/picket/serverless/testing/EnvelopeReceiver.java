package dev.picket.serverless.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server with just enough of Sentry's envelope endpoint ({@code POST /api/{project}/envelope/}) to
 * record what an SDK sends. Items are parsed with Jackson, not with the SDK under test.
 */
public final class EnvelopeReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<ReceivedItem> items = new CopyOnWriteArrayList<>();

    public EnvelopeReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/", this::receive);
        server.start();
    }

    public String dsn() {
        return "http://0123456789abcdef0123456789abcdef@127.0.0.1:" + server.getAddress().getPort() + "/42";
    }

    public List<ReceivedItem> items(String type) {
        return items.stream().filter(item -> item.type().equals(type)).toList();
    }

    public List<ReceivedItem> events() {
        return items("event");
    }

    public List<ReceivedItem> transactions() {
        return items("transaction");
    }

    /** For what arrives from another thread than the one that returned. */
    public List<ReceivedItem> await(String type, Predicate<List<ReceivedItem>> done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(items(type)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return items(type);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().endsWith("/envelope/")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            long receivedNanos = System.nanoTime();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = gzip.readAllBytes();
                }
            }
            items.addAll(parse(body, receivedNanos));
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    /** Envelope framing: a header line, then per item a header line and a payload of its {@code length} or one line. */
    private static List<ReceivedItem> parse(byte[] body, long receivedNanos) {
        List<ReceivedItem> parsed = new ArrayList<>();
        int position = lineEnd(body, 0) + 1;
        while (position < body.length) {
            int headerEnd = lineEnd(body, position);
            if (headerEnd == position) {
                position++;
                continue;
            }
            JsonNode header = JSON.readTree(Arrays.copyOfRange(body, position, headerEnd));
            int payloadStart = headerEnd + 1;
            int payloadEnd = header.has("length")
                    ? payloadStart + header.get("length").asInt()
                    : lineEnd(body, payloadStart);
            byte[] payload = Arrays.copyOfRange(body, payloadStart, Math.min(payloadEnd, body.length));
            String type = header.path("type").asString();
            JsonNode json = type.equals("event") || type.equals("transaction") ? JSON.readTree(payload) : null;
            parsed.add(new ReceivedItem(type, json, receivedNanos));
            position = payloadEnd + 1;
        }
        return parsed;
    }

    private static int lineEnd(byte[] body, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == '\n') {
                return i;
            }
        }
        return body.length;
    }

    /** One item: its type, its JSON payload (events and transactions) and when it arrived ({@link System#nanoTime}). */
    public record ReceivedItem(String type, JsonNode payload, long receivedNanos) {
    }
}
