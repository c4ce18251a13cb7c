package dev.picket.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class IngestTargetTest {

    @Test
    void aDsnGivesTheEnvelopeEndpointAndTheSentryAuthHeader() {
        IngestTarget target = IngestTarget.fromDsn("http://3f1c0a@127.0.0.1:8000/42");

        assertThat(target.envelopeUrl()).isEqualTo(URI.create("http://127.0.0.1:8000/api/42/envelope/"));
        assertThat(target.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8000/"));
        assertThat(target.authHeader()).startsWith("Sentry sentry_version=7").endsWith("sentry_key=3f1c0a");
    }

    @Test
    void aDsnOnAnotherHostIsRefused() {
        assertThatThrownBy(() -> IngestTarget.fromDsn("http://3f1c0a@192.0.2.10:8000/42"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only to loopback addresses");
    }

    @Test
    void aDsnWithoutKeyOrProjectIsRefusedWithItsExpectedShape() {
        assertThatThrownBy(() -> IngestTarget.fromDsn("http://127.0.0.1:8000/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected http://<public key>@<host>:<port>/<project id>");
    }
}
