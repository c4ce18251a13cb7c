package dev.picket.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void readsAServerToStartWithItsJvmFlags() {
        BenchOptions options = BenchOptions.parse("--start-server", "server/target/picket.jar",
                "--jvm-flags", "-Xmx256m  -XX:+UseSerialGC", "--count", "500", "--concurrency", "8");

        assertThat(options.serverJar()).isEqualTo(Path.of("server/target/picket.jar"));
        assertThat(options.jvmFlags()).isEqualTo(List.of("-Xmx256m", "-XX:+UseSerialGC"));
        assertThat(options.count()).isEqualTo(500);
        assertThat(options.concurrency()).isEqualTo(8);
        assertThat(options.discard()).isTrue();
    }

    @Test
    void needsExactlyOneOfAServerToStartAndADsn() {
        assertThatThrownBy(() -> BenchOptions.parse("--count", "5"))
                .hasMessage("give exactly one of --start-server JAR and --dsn DSN");
        assertThatThrownBy(() -> BenchOptions.parse("--start-server", "a.jar", "--dsn", "http://k@127.0.0.1:8000/1"))
                .hasMessage("give exactly one of --start-server JAR and --dsn DSN");
    }

    @Test
    void refusesADsnOutsideThisMachine() {
        assertThatThrownBy(() -> BenchOptions.parse("--dsn", "http://k@192.0.2.10:8000/1"))
                .hasMessageContaining("only to loopback addresses");
    }

    @Test
    void namesTheOptionWhoseValueIsWrong() {
        assertThatThrownBy(() -> BenchOptions.parse("--dsn", "http://k@127.0.0.1:8000/1", "--count", "many"))
                .hasMessage("--count needs a whole number, not 'many'");
        assertThatThrownBy(() -> BenchOptions.parse("--dsn", "http://k@127.0.0.1:8000/1", "--transactions", "2"))
                .hasMessage("--transactions must be between 0.0 and 1.0, not 2");
        assertThatThrownBy(() -> BenchOptions.parse("--dsn", "http://k@127.0.0.1:8000/1", "--rate"))
                .hasMessage("--rate needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--dsn", "http://k@127.0.0.1:8000/1", "--forever"))
                .hasMessage("unknown option --forever");
    }

    @Test
    void everyOptionIsInTheUsage() {
        for (String option : List.of("--start-server", "--jvm-flags", "--dsn", "--pid", "--count", "--duration",
                "--concurrency", "--rate", "--groups", "--users", "--transactions", "--no-discard", "--drain-timeout", "--seed")) {
            assertThat(BenchOptions.USAGE).contains(option);
        }
    }
}
