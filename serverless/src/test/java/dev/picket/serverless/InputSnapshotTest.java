package dev.picket.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputSnapshotTest {

    /** Shaped like the events library's classes: a public class with getters. */
    public static final class QueueMessage {

        public String getMessageId() {
            return "m-1";
        }

        public Map<String, String> getAttributes() {
            return Map.of("ApproximateReceiveCount", "1", "SessionToken", "tok-123");
        }

        public boolean isFifo() {
            return true;
        }
    }

    record Login(String user, String password) {
    }

    @Test
    void secretsAreFilteredAtAnyDepthWhateverTheKeysCase() {
        Object snapshot = InputSnapshot.of(Map.of("headers", Map.of(
                "Authorization", "Bearer abc", "X-Api-Key", "k", "Accept", "text/html"),
                "users", List.of(Map.of("name", "ana", "Password", "hunter2"))));

        assertThat(snapshot).isEqualTo(Map.of("headers", Map.of(
                "Authorization", "[Filtered]", "X-Api-Key", "[Filtered]", "Accept", "text/html"),
                "users", List.of(Map.of("name", "ana", "Password", "[Filtered]"))));
    }

    @Test
    void anEventClassIsReadThroughItsGetters() {
        assertThat(InputSnapshot.of(new QueueMessage())).isEqualTo(Map.of(
                "messageId", "m-1",
                "attributes", Map.of("ApproximateReceiveCount", "1", "SessionToken", "[Filtered]"),
                "fifo", true));
    }

    @Test
    void aRecordIsReadThroughItsComponents() {
        assertThat(InputSnapshot.of(new Login("ana", "hunter2"))).isEqualTo(Map.of("user", "ana", "password", "[Filtered]"));
    }

    @Test
    void jsonBytesAreParsedAndTextThatIsNotJsonIsKeptAsText() {
        assertThat(InputSnapshot.ofJson("{\"token\":\"t\",\"n\":1}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Map.of("token", "[Filtered]", "n", 1));
        assertThat(InputSnapshot.ofJson("plain text".getBytes(StandardCharsets.UTF_8))).isEqualTo("plain text");
    }

    @Test
    void aSelfReferencingInputStopsAtTheDepthLimit() {
        Map<String, Object> loop = new java.util.HashMap<>();
        loop.put("self", loop);

        assertThat(InputSnapshot.of(loop).toString()).contains("[…]");
    }
}
