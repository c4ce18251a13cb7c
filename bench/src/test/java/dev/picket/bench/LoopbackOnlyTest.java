package dev.picket.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LoopbackOnlyTest {

    @Test
    void acceptsLoopbackAddressesAndLocalhost() {
        for (String url : new String[] {"http://127.0.0.1:8000/", "http://127.5.6.7/", "http://localhost:8000/", "http://[::1]:8000/"}) {
            assertThat(LoopbackOnly.check(URI.create(url))).isEqualTo(URI.create(url));
        }
    }

    @Test
    void refusesAnAddressOutsideThisMachineNamingIt() {
        assertThatThrownBy(() -> LoopbackOnly.check(URI.create("http://192.0.2.10:8000/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing to send load to 192.0.2.10")
                .hasMessageContaining("only to loopback addresses");
    }

    @Test
    void refusesAUrlWithoutAHost() {
        assertThatThrownBy(() -> LoopbackOnly.check(URI.create("file:///tmp/x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no host");
    }
}
