package dev.picket.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.protocol.envelope.Envelope;
import dev.picket.protocol.envelope.EnvelopeItem;
import dev.picket.protocol.envelope.EnvelopeReader;
import dev.picket.protocol.json.EnvelopeWriter;
import dev.picket.protocol.json.JsonPayloads;
import dev.picket.protocol.compress.Encoders;
import dev.picket.testing.PicketClient;
import dev.picket.testing.PicketClient.Project;
import dev.picket.testing.ReferenceRequests;
import dev.picket.testing.ReferenceRequests.Recorded;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every request recorded from the official Python, Node and Java SDKs is accepted: as it was sent,
 * through both endpoints, and compressed every way Picket supports.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceRequestsIngestTest {

    /** The key and project the SDKs were recorded with. */
    private static final String RECORDED_KEY = "abcdef0123456789abcdef0123456789";
    private static final String RECORDED_PROJECT_PATH = "/api/1/";
    /** Every encoding Picket accepts (deflate both zlib-wrapped and raw), and null for none. */
    private static final List<Encoders> ENCODINGS_AND_NONE = java.util.stream.Stream.concat(
            java.util.stream.Stream.of((Encoders) null), java.util.Arrays.stream(Encoders.values())).toList();

    @LocalServerPort
    int port;

    PicketClient picket;
    Project project;

    @BeforeAll
    void createProject() {
        picket = new PicketClient(port);
        project = picket.createProject("reference");
    }

    @TestFactory
    Stream<DynamicTest> eachRecordedRequestIsAcceptedAsSent() {
        return ReferenceRequests.all().stream().map(recorded -> DynamicTest.dynamicTest(recorded.name(), () -> {
            // Byte for byte: only the key in the auth header or query is this test's.
            assertAccepted(picket.post(rewritePath(recorded.path()), replayHeaders(recorded), recorded.wireBody()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachRecordedRequestIsAcceptedThroughBothEndpointsInEveryEncoding() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Recorded recorded : ReferenceRequests.all()) {
            for (Request request : bothEndpoints(recorded)) {
                for (Encoders encoding : ENCODINGS_AND_NONE) {
                    tests.add(DynamicTest.dynamicTest(recorded.name() + " " + request.path() + " " + encoding, () -> {
                        Map<String, String> headers = replayHeaders(recorded);
                        headers.remove("Content-Encoding");
                        byte[] body = request.body();
                        if (encoding != null) {
                            headers.put("Content-Encoding", encoding.header);
                            body = encoding.encode(body);
                        }
                        assertAccepted(picket.post(request.path() + authQuery(recorded), headers, body));
                    }));
                }
            }
        }
        return tests.stream();
    }

    private record Request(String path, byte[] body) {
    }

    /** The request itself, and the same event through the other endpoint. */
    private List<Request> bothEndpoints(Recorded recorded) throws Exception {
        byte[] body = rekey(recorded.decoded());
        String envelopePath = "/api/" + project.id() + "/envelope/";
        String storePath = "/api/" + project.id() + "/store/";
        List<Request> requests = new ArrayList<>();
        if (recorded.isEnvelope()) {
            requests.add(new Request(envelopePath, body));
            JsonPayloads payloads = new JsonPayloads(128);
            Envelope envelope = new EnvelopeReader(payloads.factory(), 1000).read(body);
            for (EnvelopeItem item : envelope.items()) {
                if (item.type().equals("event") || item.type().equals("transaction")) {
                    requests.add(new Request(storePath, item.payload()));
                }
            }
        } else {
            requests.add(new Request(storePath, body));
            String eventId = new JsonPayloads(128).inspect(body, 0, body.length, "event").eventId();
            requests.add(new Request(envelopePath, EnvelopeWriter.single(eventId, "event", body, 0, body.length)));
        }
        return requests;
    }

    private void assertAccepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private Map<String, String> replayHeaders(Recorded recorded) {
        Map<String, String> headers = new HashMap<>();
        for (String name : List.of("Content-Type", "Content-Encoding", "User-Agent", "X-Sentry-Auth", "sentry-trace")) {
            String value = recorded.header(name);
            if (value != null) {
                headers.put(name, value.replace(RECORDED_KEY, project.publicKey()));
            }
        }
        return headers;
    }

    private String authQuery(Recorded recorded) {
        String query = recorded.query();
        return query == null ? "" : "?" + query.replace(RECORDED_KEY, project.publicKey());
    }

    private String rewritePath(String path) {
        return path.replace(RECORDED_PROJECT_PATH, "/api/" + project.id() + "/").replace(RECORDED_KEY, project.publicKey());
    }

    /** Puts this test's key where the recording had its own; keys have the same length, so lengths stay right. */
    private byte[] rekey(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).replace(RECORDED_KEY, project.publicKey())
                .getBytes(StandardCharsets.UTF_8);
    }
}
