package dev.picket.serverless.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real Picket server jar in a child JVM, driven through its REST API with an administrator token. */
public final class PicketProcess implements AutoCloseable {

    private static final String ADMIN_TOKEN = "serverless-test-admin-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    private PicketProcess(Process process, int port) {
        this.process = process;
        this.baseUrl = "http://localhost:" + port;
    }

    public static PicketProcess start(Path jar, Path dataDir) throws IOException, InterruptedException {
        int port = freePort();
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port,
                "--picket.data-dir=" + dataDir.resolve("data"),
                "--picket.admin.email=admin@picket.test",
                "--picket.admin.password=admin-password",
                "--picket.admin.token=" + ADMIN_TOKEN)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("picket.log").toFile())
                .start();
        PicketProcess picket = new PicketProcess(process, port);
        picket.awaitHealthy(Duration.ofSeconds(90));
        return picket;
    }

    /** Creates a project and returns its DSN. */
    public String createProjectDsn(String name) throws IOException, InterruptedException {
        JsonNode project = JSON.readTree(send(admin("/api/0/teams/default/default/projects/")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))));
        JsonNode keys = JSON.readTree(send(admin("/api/0/projects/default/" + project.get("slug").asString() + "/keys/")
                .GET()));
        return keys.get(0).get("dsn").get("public").asString();
    }

    /** The sum of {@code picket_ingest_accepted_total} over its endpoints. */
    public double acceptedEnvelopes() throws IOException, InterruptedException {
        String metrics = send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus")).GET());
        return metrics.lines()
                .filter(line -> line.startsWith("picket_ingest_accepted_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Picket exited with " + process.exitValue() + " before it was healthy");
            }
            try {
                send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).GET());
                return;
            } catch (IOException | IllegalStateException notYet) {
                Thread.sleep(200);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("Picket was not healthy within " + timeout);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
