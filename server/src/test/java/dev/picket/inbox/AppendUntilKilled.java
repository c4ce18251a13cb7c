package dev.picket.inbox;

import dev.picket.PicketApplication;
import dev.picket.protocol.envelope.EventIds;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Run in a child JVM by {@link InboxDurabilityTest}: starts Picket without its web server on the
 * given data directory, then appends from many threads as fast as it can, printing
 * {@code ack <event id>} for each entry only after {@link Inbox#append} returned. It never stops on
 * its own; the test kills it.
 *
 * <p>Arguments: the data directory, the number of appending threads.
 */
public final class AppendUntilKilled {

    static final String READY = "ready";
    static final String ACK = "ack ";
    static final long PROJECT = 42;

    private AppendUntilKilled() {
    }

    public static void main(String[] args) {
        String dataDir = args[0];
        int threads = Integer.parseInt(args[1]);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PicketApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run("--picket.data-dir=" + dataDir, "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        Inbox inbox = context.getBean(Inbox.class);
        BlockingQueue<String> acknowledged = new LinkedBlockingQueue<>();
        for (int i = 0; i < threads; i++) {
            Thread.ofPlatform().name("appender-" + i).start(() -> appendForever(inbox, acknowledged));
        }
        printForever(acknowledged);
    }

    /**
     * One printer, so that appenders go straight back to appending and the kill finds the writer
     * busy; an id reaches the queue only after its append returned.
     */
    private static void printForever(BlockingQueue<String> acknowledged) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        out.println(READY);
        out.flush();
        List<String> ids = new ArrayList<>();
        while (true) {
            try {
                ids.add(acknowledged.take());
            } catch (InterruptedException e) {
                return;
            }
            acknowledged.drainTo(ids);
            ids.forEach(id -> out.println(ACK + id));
            out.flush();
            ids.clear();
        }
    }

    private static void appendForever(Inbox inbox, BlockingQueue<String> acknowledged) {
        while (true) {
            String eventId = EventIds.random();
            byte[] envelope = ("{\"event_id\":\"" + eventId + "\"}\n{\"type\":\"event\"}\n"
                    + "{\"event_id\":\"" + eventId + "\",\"level\":\"error\",\"message\":\"durability\"}\n")
                    .getBytes(StandardCharsets.UTF_8);
            try {
                inbox.append(new InboxEntry(PROJECT, eventId, System.currentTimeMillis(), envelope));
            } catch (InboxUnavailableException e) {
                continue;
            } catch (InterruptedException e) {
                return;
            }
            acknowledged.add(eventId);
        }
    }
}
