package dev.picket.ingest;

import static dev.picket.ingest.IngestRejectionsTest.auth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.protocol.envelope.EventIds;
import dev.picket.testing.Envelopes;
import dev.picket.testing.PicketClient;
import dev.picket.testing.PicketClient.Project;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The per-project safety limit holds even for keys without a limit of their own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "picket.ingest.project-rate-limit=3", "picket.ingest.project-rate-limit-window-seconds=3600"})
class ProjectSafetyRateLimitTest {

    @LocalServerPort
    int port;

    @Test
    void envelopesOverTheProjectLimitGet429WithProjectScope() {
        PicketClient picket = new PicketClient(port);
        Project project = picket.createProject("safety");
        HttpResponse<String> last = null;
        int accepted = 0;
        for (int i = 0; i < 4; i++) {
            String id = EventIds.random();
            last = picket.post("/api/" + project.id() + "/envelope/", auth(project),
                    Envelopes.event(id, Envelopes.errorJson(id, "x")));
            accepted += last.statusCode() == 200 ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(3);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("X-Sentry-Rate-Limits").orElseThrow()).endsWith("::project:project_quota");
        assertThat(PicketClient.json(last.body()).get("detail").asString()).contains("rate limit of the project");
    }
}
