package dev.picket.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which paths the ingest filter answers itself, leaving every other one to the rest of the application. */
class IngestRouteTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/api/42/envelope/, 42, ENVELOPE",
            "/api/42/envelope, 42, ENVELOPE",
            "/api/7/store/, 7, STORE",
            "/api/7/security, 7, SECURITY",
            // A malformed project id is still ingestion's to refuse, with its own 400.
            "/api/abc/envelope/, abc, ENVELOPE",
    })
    void ingestPathsNameTheirProjectAndEndpoint(String path, String projectId, IngestRoute.Endpoint endpoint) {
        assertThat(IngestRoute.match(path)).isEqualTo(new IngestRoute(projectId, endpoint));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/0/projects/", "/api/0/organizations/default/projects/", "/api//envelope/",
            "/api/42/envelope/extra", "/api/42/envelopes/", "/api/42/", "/api/42", "/envelope/", "/login",
            "/api/0/projects/default/web/keys/"})
    void otherPathsAreLeftToTheApplication(String path) {
        assertThat(IngestRoute.match(path)).isNull();
    }
}
