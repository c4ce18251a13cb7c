package dev.picket.inbox;

import dev.picket.PicketProperties;
import dev.picket.store.DatabaseProperties;
import dev.picket.store.StoreConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One inbox commit as the inbox's writer thread makes it: {@link InboxBatchWriter#write} of a batch
 * of compressed envelopes into a SQLite file with Picket's schema, durable when it returns. A batch
 * of one is what a lone request pays for its commit; a larger batch, what group commit shares out.
 *
 * <p>The database goes under {@code java.io.tmpdir}. Where that is a tmpfs, syncs cost nothing: put
 * it on the disk in question with {@code -jvmArgsAppend -Djava.io.tmpdir=/some/dir}.
 *
 * <p>Run from the server's test class path: {@code org.openjdk.jmh.Main InboxInsertBenchmarks}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class InboxInsertBenchmarks {

    private static final long PROJECT_ID = 1;
    private static final HexFormat HEX = HexFormat.of();
    private static final String[] WORDS = {"load", "order", "customer", "price", "cart", "apply", "discount",
            "tax", "handler", "dispatch", "view", "middleware", "response", "request", "validate", "session", "cache",
            "fetch"};

    @Param({"1", "64"})
    public int batchSize;

    private Path dataDir;
    private DataSource dataSource;
    private InboxBatchWriter writer;
    private byte[] payload;
    // Random event ids, as SDKs send them: they land all over the unique index, not at its end.
    private final SplittableRandom eventIds = new SplittableRandom();

    @Setup
    public void setUp() throws Exception {
        dataDir = Files.createTempDirectory("picket-inbox-bench");
        // Picket's own DataSource and SQLite settings (WAL, synchronous=FULL, ...), made without Spring.
        dataSource = new StoreConfiguration().dataSource(new PicketProperties(dataDir, ""),
                new DatabaseProperties("", "", ""));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/sqlite").load().migrate();
        writer = new InboxBatchWriter(dataSource);
        payload = CompressedPayloads.compress(sampleEnvelope());
    }

    @TearDown
    public void tearDown() throws Exception {
        writer.close();
        ((AutoCloseable) dataSource).close();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dataDir)) {
            for (Path file : files) {
                Files.delete(file);
            }
        }
        Files.delete(dataDir);
    }

    /** Making the batch here (about 0.1 µs an entry) is noise next to the commit, which waits for the disk. */
    @Benchmark
    public void writeBatch() throws SQLException {
        long receivedAt = System.currentTimeMillis();
        List<PendingAppend> batch = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            String eventId = HEX.toHexDigits(eventIds.nextLong()) + HEX.toHexDigits(eventIds.nextLong());
            batch.add(new PendingAppend(PROJECT_ID, eventId, receivedAt, payload));
        }
        if (writer.write(batch) != 0) {
            throw new IllegalStateException("entries were dropped as duplicates: the batch was not written in full");
        }
    }

    /**
     * An error event in its envelope, shaped like those the Python SDK sends: about 6.5 KB, which
     * compresses to about 2 KB as the recorded SDK envelopes of that size do. Words and values vary
     * for that reason; an event that repeats itself would compress far better than a real one.
     */
    private static byte[] sampleEnvelope() {
        SplittableRandom random = new SplittableRandom(1);
        String eventId = HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
        StringBuilder event = new StringBuilder(8192)
                .append("{\"event_id\":\"").append(eventId).append("\",\"timestamp\":1795000123.456,")
                .append("\"platform\":\"python\",\"level\":\"error\",\"release\":\"orders@2.3.0\",")
                .append("\"environment\":\"production\",\"server_name\":\"orders-7f9c4d-x2k8p\",")
                .append("\"exception\":{\"values\":[{\"type\":\"KeyError\",\"value\":\"'customer_id'\",")
                .append("\"module\":\"builtins\",\"mechanism\":{\"type\":\"generic\",\"handled\":false},")
                .append("\"stacktrace\":{\"frames\":[");
        for (int f = 0; f < 10; f++) {
            String module = f < 7 ? "django.core." + word(random) + "." + word(random) : "app.orders." + word(random);
            String path = module.replace('.', '/') + ".py";
            event.append(f > 0 ? "," : "")
                    .append("{\"function\":\"").append(word(random)).append('_').append(word(random))
                    .append("\",\"module\":\"").append(module).append("\",\"filename\":\"").append(path)
                    .append("\",\"abs_path\":\"/srv/app/").append(path)
                    .append("\",\"lineno\":").append(10 + random.nextInt(900))
                    .append(",\"pre_context\":[").append(sourceLine(random)).append(',').append(sourceLine(random))
                    .append("],\"context_line\":").append(sourceLine(random))
                    .append(",\"post_context\":[").append(sourceLine(random)).append("],\"vars\":{\"")
                    .append(word(random)).append("_id\":\"").append(HEX.toHexDigits(random.nextLong()))
                    .append("\",\"").append(word(random)).append("\":").append(random.nextInt(100_000))
                    .append("},\"in_app\":").append(f >= 7).append('}');
        }
        event.append("]}}]},\"user\":{\"id\":\"u").append(random.nextInt(100_000)).append("\",\"ip_address\":\"10.0.")
                .append(random.nextInt(256)).append('.').append(random.nextInt(256)).append("\"},")
                .append("\"tags\":{\"region\":\"eu-west-1\",\"http.method\":\"POST\"},\"breadcrumbs\":{\"values\":[");
        for (int b = 0; b < 6; b++) {
            event.append(b > 0 ? "," : "").append("{\"timestamp\":").append(1795000100 + b)
                    .append(",\"type\":\"http\",\"category\":\"httplib\",\"data\":{\"method\":\"GET\",")
                    .append("\"url\":\"https://inventory.internal/items/").append(random.nextInt(1_000_000))
                    .append("\",\"status_code\":200,\"reason\":\"OK\"}}");
        }
        event.append("]},\"contexts\":{\"trace\":{\"trace_id\":\"").append(HEX.toHexDigits(random.nextLong()))
                .append(HEX.toHexDigits(random.nextLong()))
                .append("\",\"span_id\":\"").append(HEX.toHexDigits(random.nextLong()))
                .append("\",\"op\":\"http.server\"},\"runtime\":{\"name\":\"CPython\",\"version\":\"3.12.7\"}},")
                .append("\"request\":{\"method\":\"POST\",\"url\":\"https://shop.example.com/api/orders/checkout\",")
                .append("\"headers\":{\"User-Agent\":\"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36\",")
                .append("\"Content-Type\":\"application/json\"}},")
                .append("\"sdk\":{\"name\":\"sentry.python.django\",\"version\":\"2.19.0\"}}");
        byte[] item = event.toString().getBytes(StandardCharsets.UTF_8);
        String headers = "{\"event_id\":\"" + eventId + "\",\"sent_at\":\"2026-11-18T08:15:23.456Z\"}\n"
                + "{\"type\":\"event\",\"length\":" + item.length + "}\n";
        return (headers + event + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String sourceLine(SplittableRandom random) {
        return "\"    " + word(random) + " = " + word(random) + "_" + word(random) + "(" + word(random) + ", "
                + random.nextInt(1000) + ")\"";
    }

    private static String word(SplittableRandom random) {
        return WORDS[random.nextInt(WORDS.length)];
    }
}
