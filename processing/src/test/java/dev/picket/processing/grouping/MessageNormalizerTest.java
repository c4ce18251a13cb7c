package dev.picket.processing.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The placeholders Sentry's parameterizer puts into messages before grouping them. */
class MessageNormalizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Payment 1234 declined for order 51234 | Payment <int> declined for order <int>",
            "temperature -3.5 degrees | temperature <float> degrees",
            "user 4a2b8a1e-7c3d-4f5e-9a6b-1c2d3e4f5a6b not found | user <uuid> not found",
            "mail to jane.doe+test@example.org bounced | mail to <email> bounced",
            "GET https://api.example.com/v1/orders?id=7 failed | GET <url> failed",
            "cannot reach 10.0.12.7 | cannot reach <ip>",
            "cannot reach db.internal.example.com now | cannot reach <hostname> now",
            "flag 0x1F set | flag <hex> set",
            "commit 3f786850e387550fdab836ed7e6dc881de23001b | commit <sha1>",
            "took 250ms | took <duration>",
            "at 2024-01-31T12:34:56Z | at <date>",
            "name='bob' active=true | name=<quoted_str> active=<bool>",
            "trace 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01 lost | trace <traceparent> lost",
            "deployed abc1234 | deployed <git_sha>",
            "order 123456789 | order <hex>",
            "HTTP/1.1-8080 | HTTP/<float>-<int>",
            "at 9:30 pm today | at <date> today",
            "offset -12 applied | offset <int> applied",
    })
    void replacesEventSpecificValuesByPlaceholders(String message, String expected) {
        assertThat(MessageNormalizer.normalize(message)).isEqualTo(expected);
    }

    @Test
    void keepsOnlyTheFirstTwoNonBlankLines() {
        assertThat(MessageNormalizer.normalize("first\n\nsecond\nthird")).isEqualTo("first\nsecond...");
    }
}
