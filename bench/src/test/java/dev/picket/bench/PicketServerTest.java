package dev.picket.bench;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PicketServerTest {

    @Test
    void aMissingServerJarIsNamedWithHowToBuildIt() {
        assertThatThrownBy(() -> PicketServer.fromJar(Path.of("no/such/picket.jar")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no server jar at no/such/picket.jar")
                .hasMessageContaining("./mvnw -B -DskipTests package");
    }
}
