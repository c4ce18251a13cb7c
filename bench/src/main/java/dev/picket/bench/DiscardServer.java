package dev.picket.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The limit to compare Picket with: an HTTP server on loopback that reads each request body to
 * its end and answers {@code 200 {}}, doing nothing else. Whatever rate it takes is what the
 * generator, the HTTP stack and this machine allow.
 */
public final class DiscardServer implements AutoCloseable {

    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private DiscardServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port. */
    public static DiscardServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        DiscardServer discard = new DiscardServer(server);
        server.createContext("/", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                body.transferTo(OutputStream.nullOutputStream());
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, EMPTY_OBJECT.length);
                exchange.getResponseBody().write(EMPTY_OBJECT);
            }
        });
        server.setExecutor(discard.executor);
        server.start();
        return discard;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
