package dev.picket.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Picket started as a child JVM on a free loopback port with a fresh data directory and a
 * known administrator token, timed from launch to its first healthy {@code /actuator/health}.
 * Closing it stops the JVM (gracefully, then by force) and deletes the data directory.
 */
public final class PicketServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern STARTED = Pattern.compile("Started \\S+ in [0-9.]+ seconds \\(process running for [0-9.]+\\)");

    private final Process process;
    private final Path dataDir;
    private final URI baseUrl;
    private final String adminToken;
    private final long launchedNanos;
    private double readySeconds;

    private PicketServer(Process process, Path dataDir, URI baseUrl, String adminToken, long launchedNanos) {
        this.process = process;
        this.dataDir = dataDir;
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
        this.launchedNanos = launchedNanos;
    }

    /** The JVM arguments that run the built server jar. */
    public static List<String> fromJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no server jar at " + jar + ": build it with ./mvnw -B -DskipTests package");
        }
        return List.of("-jar", jar.toString());
    }

    /** The JVM arguments that run Picket's main class from a class path (the smoke test's way). */
    public static List<String> fromClassPath(String classPath) {
        return List.of("-cp", classPath, "dev.picket.PicketApplication");
    }

    /**
     * @param launch    what follows the JVM flags: {@link #fromJar} or {@link #fromClassPath}
     * @param jvmFlags  e.g. {@code -Xmx256m}
     */
    public static PicketServer start(List<String> launch, List<String> jvmFlags) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("picket-bench-");
        int port = freeLoopbackPort();
        String token = HexFormat.of().formatHex(randomBytes());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(launch);
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        // DSNs name this address rather than "localhost", which might resolve to ::1 where nothing listens.
        command.add("--picket.base-url=http://127.0.0.1:" + port);
        command.add("--picket.data-dir=" + dataDir);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("picket.log").toFile());
        builder.environment().put("PICKET_ADMIN_EMAIL", "bench@picket.test");
        builder.environment().put("PICKET_ADMIN_PASSWORD", "bench-" + token);
        builder.environment().put("PICKET_ADMIN_TOKEN", token);
        URI baseUrl = URI.create("http://127.0.0.1:" + port + "/");
        long launched = System.nanoTime();
        Process process = builder.start();
        PicketServer server = new PicketServer(process, dataDir, baseUrl, token, launched);
        try {
            server.awaitHealthy();
        } catch (IOException | RuntimeException e) {
            String log = server.logTail();
            server.close();
            throw new IOException(e.getMessage() + "\n--- end of Picket's log ---\n" + log, e);
        }
        return server;
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(baseUrl.resolve("actuator/health")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() - launchedNanos < READY_TIMEOUT.toNanos()) {
            if (!process.isAlive()) {
                throw new IOException("Picket exited with status " + process.exitValue() + " before it was ready");
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    readySeconds = (System.nanoTime() - launchedNanos) / 1e9;
                    return;
                }
            } catch (IOException notListeningYet) {
                // Still starting: try again shortly.
            }
            Thread.sleep(10);
        }
        throw new IOException("Picket was not healthy " + READY_TIMEOUT.toSeconds() + " s after launch");
    }

    public long pid() {
        return process.pid();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public String adminToken() {
        return adminToken;
    }

    /** Seconds from launching the JVM to the first 200 from {@code /actuator/health}. */
    public double readySeconds() {
        return readySeconds;
    }

    /**
     * Spring Boot's own account of the start from Picket's log, e.g. {@code Started PicketApplication
     * in 5.1 seconds (process running for 6.0)}, which tells the JVM's share of the readiness time
     * from the application's; empty when the log has no such line.
     */
    public String startupLogLine() {
        try (Stream<String> lines = Files.lines(dataDir.resolve("picket.log"))) {
            return lines.map(STARTED::matcher).filter(Matcher::find).findFirst().map(Matcher::group).orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("picket.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
