package dev.picket.ingest;

import static dev.picket.ingest.IngestRejectionsTest.auth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.protocol.envelope.EventIds;
import dev.picket.testing.Envelopes;
import dev.picket.testing.PicketClient;
import dev.picket.testing.PicketClient.Project;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Request bodies in flight hold no more heap than {@code picket.ingest.body-memory}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "picket.ingest.body-memory=1MB")
class IngestBodyMemoryTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anEnvelopeLargerThanTheBodyMemoryIsRefusedAndNothingOfItIsKept() {
        PicketClient picket = new PicketClient(port);
        Project project = picket.createProject("body-memory-large");
        String eventId = EventIds.random();

        HttpResponse<String> response = picket.post("/api/" + project.id() + "/envelope/", auth(project),
                withAttachment(eventId, 2 * 1024 * 1024));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(PicketClient.json(response.body()).get("detail").asString())
                .contains("picket.ingest.body-memory");
        assertThat(inboxRows(project)).isZero();
    }

    @Test
    void eachAnsweredRequestGivesItsMemoryBack() {
        PicketClient picket = new PicketClient(port);
        Project project = picket.createProject("body-memory-returned");

        // Together four times the body memory: any request keeping its share would starve the later ones.
        for (int i = 0; i < 16; i++) {
            HttpResponse<String> response = picket.post("/api/" + project.id() + "/envelope/", auth(project),
                    withAttachment(EventIds.random(), 256 * 1024));
            assertThat(response.statusCode()).as("request %d: %s", i, response.body()).isEqualTo(200);
        }
        assertThat(inboxRows(project)).isEqualTo(16);
    }

    private long inboxRows(Project project) {
        return jdbc.sql("select count(*) from inbox where project_id = ?").param(project.id())
                .query(Long.class).single();
    }

    private static byte[] withAttachment(String eventId, int attachmentBytes) {
        byte[] attachment = new byte[attachmentBytes];
        Arrays.fill(attachment, (byte) 'a');
        ByteArrayOutputStream envelope = new ByteArrayOutputStream();
        envelope.writeBytes(Envelopes.event(eventId, Envelopes.errorJson(eventId, "with a large attachment")));
        envelope.writeBytes(("{\"type\":\"attachment\",\"length\":" + attachmentBytes
                + ",\"filename\":\"big.txt\"}\n").getBytes(StandardCharsets.UTF_8));
        envelope.writeBytes(attachment);
        envelope.write('\n');
        return envelope.toByteArray();
    }
}
