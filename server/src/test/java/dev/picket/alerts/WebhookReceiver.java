package dev.picket.alerts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server that takes alert webhooks: {@code /ok/…} answers 200, {@code /fail/N/…} 500
 * to its first N requests, {@code /hang/…} answers after 10 s. Every request is recorded by path.
 * Public for the browser tests of the alert pages.
 */
public final class WebhookReceiver implements AutoCloseable {

    static final long HANG_MILLIS = 10_000;

    /** One request as it arrived. */
    public record Received(String path, String signature, byte[] body, long atNanos) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final AtomicInteger hanging = new AtomicInteger();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Requests to {@code /hang/…} not answered yet. */
    int hanging() {
        return hanging.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Received(path, exchange.getRequestHeaders().getFirst("X-Picket-Signature"), body,
                System.nanoTime()));
        int count = seen.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        int status = 200;
        if (path.startsWith("/fail/")) {
            int failures = Integer.parseInt(path.split("/")[2]);
            status = count <= failures ? 500 : 200;
        } else if (path.startsWith("/hang/")) {
            hanging.incrementAndGet();
            try {
                Thread.sleep(HANG_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                hanging.decrementAndGet();
            }
        }
        byte[] answer = (status == 200 ? "ok" : "receiver is down").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
