package dev.picket.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.testing.PicketClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Methods other than POST and the CORS preflight on the ingest endpoints, which SDKs never send. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestMethodsTest {

    @LocalServerPort
    int port;

    @Test
    void getOnAnIngestEndpointIsNotAllowedAndSaysWhatIs() {
        PicketClient picket = new PicketClient(port);
        HttpResponse<String> response = picket.send(HttpRequest.newBuilder(
                URI.create(picket.baseUrl() + "/api/1/envelope/")).GET());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST, OPTIONS");
        assertThat(PicketClient.json(response.body()).get("detail").asString()).contains("GET");
    }
}
