package dev.picket.traces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.api.HttpApi;
import dev.picket.pipeline.InboxProcessor;
import dev.picket.testing.PicketClient;
import dev.picket.testing.PicketClient.Project;
import dev.picket.testing.ReferenceRequests;
import dev.picket.testing.ReferenceRequests.Recorded;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The Node SDK's recorded run: function checkout calls payments, which captures a PaymentError;
 * its spans arrive as v2 span items, sent before the error events. The trace assembles from them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NodeReferenceTraceTest {

    private static final String RECORDED_KEY = "abcdef0123456789abcdef0123456789";
    private static final String TRACE_ID = "d8afc5807603489aa3b512b7b6183f6b";

    @LocalServerPort
    int port;
    @Autowired
    InboxProcessor processor;

    @Test
    void theRecordedTraceShowsThePaymentErrorOnThePaymentsSpanAsItsRootCause() throws Exception {
        PicketClient picket = new PicketClient(port);
        Project project = picket.createProject("node-trace");
        for (Recorded recorded : ReferenceRequests.all()) {
            if (recorded.name().startsWith("node")) {
                Map<String, String> headers = new HashMap<>();
                headers.put("Content-Type", "application/x-sentry-envelope");
                String path = "/api/" + project.id() + "/envelope/?" + recorded.query().replace(RECORDED_KEY,
                        project.publicKey());
                assertThat(picket.post(path, headers, recorded.wireBody()).statusCode()).isEqualTo(200);
            }
        }
        assertThat(processor.awaitIdle(Duration.ofSeconds(30))).isTrue();

        HttpResponse<String> response = HttpApi.withToken(port, PicketClient.ADMIN_TOKEN)
                .get("/api/0/organizations/default/traces/" + TRACE_ID + "/");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode trace = HttpApi.json(response);
        JsonNode checkout = trace.get("roots").get(0);
        assertThat(checkout.get("name").asString()).isEqualTo("checkout");
        assertThat(checkout.get("children")).extracting(c -> c.get("name").asString())
                .contains("payments", "POST 127.0.0.1");
        assertThat(trace.get("rootCause").get("name").asString()).isEqualTo("payments");
        assertThat(trace.get("rootCause").get("errors")).extracting(e -> e.get("title").asString())
                .anySatisfy(title -> assertThat(title).contains("PaymentError"));
    }
}
