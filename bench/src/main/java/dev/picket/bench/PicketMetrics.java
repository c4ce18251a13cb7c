package dev.picket.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads Picket's counters from {@code /actuator/prometheus}. */
public final class PicketMetrics {

    /** Inbox rows the processor finished: one per accepted envelope. */
    public static final String ROWS_PROCESSED = "picket_pipeline_rows_processed_total";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI prometheus;

    public PicketMetrics(URI baseUrl) {
        this.prometheus = LoopbackOnly.check(baseUrl).resolve("actuator/prometheus");
    }

    /** The sum of every series of {@code name}, or 0 when Picket has not registered it yet. */
    public double read(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(prometheus + " answered " + response.statusCode());
        }
        return sum(response.body(), name);
    }

    static double sum(String exposition, String name) {
        double total = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name) && (line.length() > name.length())
                    && (line.charAt(name.length()) == '{' || line.charAt(name.length()) == ' ')) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
