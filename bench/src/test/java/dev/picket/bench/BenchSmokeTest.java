package dev.picket.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the bench working: a short run against the discard server, and a whole bench run against
 * a real Picket started in a child JVM from the server module's classes. Figures are printed,
 * never asserted: this machine's speed is not the test's business.
 */
class BenchSmokeTest {

    private static final int ENVELOPES = 200;

    @Test
    void theDiscardServerAcceptsEveryGeneratedEnvelope() throws Exception {
        RequestBodies bodies = RequestBodies.generate(new EventFactory(10, 50, 0.1, 3), ENVELOPES);
        try (DiscardServer discard = DiscardServer.start()) {
            LoadResult result = new LoadGenerator().run(IngestTarget.discard(discard.baseUrl()), bodies,
                    new LoadPlan(4, 0, Duration.ofSeconds(60)));

            assertThat(result.sent()).isEqualTo(ENVELOPES);
            assertThat(result.accepted()).as(result.firstFailure()).isEqualTo(ENVELOPES);
        }
    }

    @Test
    void aFixedRateRunSendsEveryEnvelopeAndStopsByItself() throws Exception {
        RequestBodies bodies = RequestBodies.generate(new EventFactory(10, 50, 0, 3), ENVELOPES);
        try (DiscardServer discard = DiscardServer.start()) {
            LoadResult result = new LoadGenerator().run(IngestTarget.discard(discard.baseUrl()), bodies,
                    new LoadPlan(4, 400, Duration.ofSeconds(60)));

            assertThat(result.accepted()).as(result.firstFailure()).isEqualTo(ENVELOPES);
        }
    }

    @Test
    void aRunStopsAtItsDurationEvenWithEnvelopesLeft() throws Exception {
        RequestBodies bodies = RequestBodies.generate(new EventFactory(10, 50, 0, 3), ENVELOPES);
        try (DiscardServer discard = DiscardServer.start()) {
            LoadResult result = new LoadGenerator().run(IngestTarget.discard(discard.baseUrl()), bodies,
                    new LoadPlan(1, 10, Duration.ofSeconds(1)));

            assertThat(result.sent()).isBetween(1, 20);
        }
    }

    @Test
    void aBenchRunAgainstPicketGetsEveryEnvelopeAcceptedAndProcessed() throws Exception {
        Path serverClasses = Path.of(System.getProperty("picket.repo.root"), "server", "target", "classes");
        assertThat(serverClasses.resolve("dev/picket/PicketApplication.class"))
                .as("the server module's classes (build with ./mvnw -pl bench -am test)")
                .satisfies(file -> assertThat(Files.isRegularFile(file)).isTrue());
        String classPath = serverClasses + File.pathSeparator + System.getProperty("java.class.path");
        BenchOptions options = new BenchOptions(null, List.of("-Xmx256m"), null, null, ENVELOPES, Duration.ofSeconds(60),
                4, 0, 10, 50, 0, true, Duration.ofSeconds(60), 1);

        BenchReport report = new Bench(options).runStartingPicket(PicketServer.fromClassPath(classPath));
        System.out.print(report.format());

        assertThat(report.picket().accepted()).as(report.picket().firstFailure()).isEqualTo(ENVELOPES);
        assertThat(report.discard().accepted()).isEqualTo(ENVELOPES);
        assertThat(report.drained()).isTrue();
        assertThat(report.processed()).isEqualTo(ENVELOPES);
        assertThat(report.serverAfterLoad().peakRssKb()).isPositive();
        assertThat(report.atHalfRate().accepted()).isEqualTo(report.atHalfRate().sent());
        assertThat(report.startupLogLine()).startsWith("Started PicketApplication in");
        assertThat(report.format()).contains("Picket / discard", "processed end to end", "ready after");
    }
}
