package dev.picket.protocol.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picket.protocol.ReferenceRequests;
import dev.picket.protocol.ReferenceRequests.Request;
import dev.picket.protocol.envelope.EnvelopeReader;
import dev.picket.protocol.json.JsonPayloads;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SentryAuthTest {

    private static final String KEY = "abcdef0123456789abcdef0123456789";

    @Test
    void readsTheHeaderThePythonSdkSends() throws AuthException {
        Request request = ReferenceRequests.named("python-sdk-1.9.10/001.json");

        SentryAuth auth = SentryAuth.fromHeader(request.header("X-Sentry-Auth"));

        assertThat(auth).isEqualTo(new SentryAuth(KEY, null, "sentry.python/1.9.10", 7));
    }

    @Test
    void readsTheHeaderTheJavaSdkSendsWithoutSpacesAndInAnotherOrder() throws AuthException {
        Request request = ReferenceRequests.named("java-sdk-8.20.0/001.json");

        SentryAuth auth = SentryAuth.fromHeader(request.header("X-Sentry-Auth"));

        assertThat(auth).isEqualTo(new SentryAuth(KEY, null, "sentry.java/8.20.0", 7));
    }

    @Test
    void readsTheQueryStringTheNodeSdkSendsAndUrlDecodesIt() throws AuthException {
        Request request = ReferenceRequests.named("node-sdk-11.12.0/001.json");

        Optional<SentryAuth> auth = SentryAuth.fromQuery(request.rawQuery());

        assertThat(auth).contains(new SentryAuth(KEY, null, "sentry.javascript.node/11.12.0", 7));
    }

    @Test
    void everyReferenceRequestAuthenticatesByHeaderOrQuery() throws AuthException {
        List<Request> requests = ReferenceRequests.all();
        for (Request request : requests) {
            String header = request.header("X-Sentry-Auth");
            SentryAuth auth = header != null
                    ? SentryAuth.fromHeader(header)
                    : SentryAuth.fromQuery(request.rawQuery()).orElseThrow();
            assertThat(auth.publicKey()).as(request.name()).isEqualTo(KEY);
        }
    }

    @Test
    void readsTheDsnABrowserSdkPutsInTheEnvelopeHeaderWhenTunnelling() throws Exception {
        // None of the reference SDKs send a dsn header (they authenticate by header or query); the
        // browser SDK does when it sends through a tunnel, as "dsn" next to event_id and sent_at.
        String envelope = "{\"event_id\":\"9ec79c33ec9942ab8353589fcb2e04dc\",\"sent_at\":\"2026-11-24T04:25:41.765Z\","
                + "\"dsn\":\"https://" + KEY + "@picket.example.com/3\"}\n{\"type\":\"event\"}\n{}\n";
        String dsn = new EnvelopeReader(new JsonPayloads(128).factory(), 1000)
                .read(envelope.getBytes(StandardCharsets.UTF_8)).header().dsn();

        assertThat(SentryAuth.fromDsn(dsn)).isEqualTo(new SentryAuth(KEY, null, null, null));
    }

    @Test
    void acceptsTheAuthorizationHeaderFormWithTimestampAndSecret() throws AuthException {
        SentryAuth auth = SentryAuth.fromHeader(
                "Sentry sentry_version=7, sentry_timestamp=1700000000.5, sentry_key=" + KEY
                        + ", sentry_secret=legacy, sentry_client=raven-js/3.27.0");

        assertThat(auth).isEqualTo(new SentryAuth(KEY, "legacy", "raven-js/3.27.0", 7));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "sentry_key=" + KEY + ",sentry_version=7",
            "  SENTRY   sentry_key = " + KEY + " ,  sentry_version = 7 ,",
            "Sentry sentry_key=\"" + KEY + "\", sentry_version=\"7\", sentry_unknown=x, garbage",
    })
    void toleratesMissingPrefixSpacesQuotesAndUnknownKeys(String header) throws AuthException {
        assertThat(SentryAuth.fromHeader(header)).isEqualTo(new SentryAuth(KEY, null, null, 7));
    }

    @Test
    void queryWithoutSentryKeyMeansNoQueryAuth() throws AuthException {
        assertThat(SentryAuth.fromQuery("sentry_version=7&foo=bar")).isEmpty();
        assertThat(SentryAuth.fromQuery(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                         | X-Sentry-Auth is empty",
            "Sentry sentry_version=7                    | X-Sentry-Auth has no sentry_key",
            "Sentry sentry_key=                         | X-Sentry-Auth has an empty public key",
            "Sentry sentry_key=not-a-key                | X-Sentry-Auth public key must be 32 hex digits, got \"not-a-key\"",
            "Sentry sentry_key=" + KEY + ",sentry_version=seven | X-Sentry-Auth sentry_version must be a number",
    })
    void rejectsABadHeaderWithAReason(String header, String reason) {
        assertThatThrownBy(() -> SentryAuth.fromHeader(header)).isInstanceOf(AuthException.class).hasMessageStartingWith(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sentry_key=zz                             | query string public key must be 32 hex digits",
            "sentry_key=" + KEY + "&sentry_client=%zz  | query string is not valid URL encoding",
    })
    void rejectsABadQueryWithAReason(String query, String reason) {
        assertThatThrownBy(() -> SentryAuth.fromQuery(query)).isInstanceOf(AuthException.class).hasMessageStartingWith(reason);
    }
}
