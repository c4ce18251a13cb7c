package dev.picket.protocol.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DsnTest {

    private static final String KEY = "abcdef0123456789abcdef0123456789";

    @Test
    void parsesTheDsnTheReferenceSdksWereConfiguredWith() throws AuthException {
        Dsn dsn = Dsn.parse("http://" + KEY + "@127.0.0.1:18777/1");

        assertThat(dsn).isEqualTo(new Dsn("http", KEY, null, "127.0.0.1", 18777, "", 1));
    }

    @Test
    void keepsAPathPrefixBeforeTheProjectId() throws AuthException {
        Dsn dsn = Dsn.parse("https://" + KEY + "@errors.example.com/picket/sentry/42");

        assertThat(dsn.path()).isEqualTo("/picket/sentry");
        assertThat(dsn.projectId()).isEqualTo(42);
        assertThat(dsn.port()).isEqualTo(-1);
    }

    @Test
    void readsTheLegacySecretKey() throws AuthException {
        assertThat(Dsn.parse("https://" + KEY + ":s3cret@example.com/7").secretKey()).isEqualTo("s3cret");
    }

    @Test
    void lowerCasesThePublicKey() throws AuthException {
        assertThat(Dsn.parse("https://" + KEY.toUpperCase() + "@example.com/7").publicKey()).isEqualTo(KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://" + KEY + "@127.0.0.1:18777/1",
            "https://" + KEY + ":s3cret@example.com/picket/42",
            "https://" + KEY + "@[::1]:9000/3",
    })
    void printsBackTheDsnItWasParsedFrom(String text) throws AuthException {
        assertThat(Dsn.parse(text)).hasToString(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                                   | DSN is empty",
            "not a url                                            | DSN is not a valid URL",
            "ftp://" + KEY + "@example.com/1                      | DSN scheme must be http or https",
            "https://example.com/1                                | DSN has no public key",
            "https://abc@example.com/1                            | DSN public key must be 32 hex digits",
            "https://" + KEY + "@example.com/                     | DSN has no project id",
            "https://" + KEY + "@example.com                      | DSN has no project id",
            "https://" + KEY + "@example.com/project              | DSN project id must be a number",
            "https://" + KEY + "@example.com/0                    | DSN project id must be positive",
            "https://" + KEY + "@example.com/99999999999999999999 | DSN project id is too large",
            "https:///1                                           | DSN has no host",
    })
    void rejectsAMalformedDsnWithAReason(String text, String reason) {
        assertThatThrownBy(() -> Dsn.parse(text)).isInstanceOf(AuthException.class).hasMessageStartingWith(reason);
    }
}
