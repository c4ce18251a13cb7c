package dev.picket.serverless.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.functions.BackgroundFunction;
import com.google.cloud.functions.CloudEventsFunction;
import com.google.cloud.functions.Context;
import dev.picket.serverless.ServerlessRuntime;
import dev.picket.serverless.testing.EnvelopeReceiver;
import dev.picket.serverless.testing.Environments;
import io.sentry.Sentry;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SentryEventFunctionsTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String SENTRY_TRACE = TRACE_ID + "-b7ad6b7169203331-1";

    private final EnvelopeReceiver receiver = new EnvelopeReceiver();
    private final ServerlessRuntime runtime = ServerlessRuntime.create(Environments.cloudRun(receiver));

    @AfterEach
    void stop() {
        Sentry.close();
        receiver.close();
    }

    @Test
    void aCloudEventsFunctionErrorIsCapturedInTheTraceOfThePubSubMessagesAttributes() {
        CloudEventsFunction function = SentryCloudFunctions.wrapCloudEvents(event -> {
            throw new IllegalStateException("cannot ship order");
        }, runtime);

        assertThatThrownBy(() -> function.accept(PubSubCloudEvent.message("8317", "{\"sentry-trace\":\"" + SENTRY_TRACE + "\"}")))
                .hasMessage("cannot ship order");

        JsonNode event = receiver.events().getFirst().payload();
        assertThat(event.path("contexts").path("trace").path("trace_id").asString()).isEqualTo(TRACE_ID);
        assertThat(event.path("contexts").path("gcp").path("execution_id").asString()).isEqualTo("8317");
        assertThat(event.path("contexts").path("gcp").path("function_name").asString()).isEqualTo("checkout");
        assertThat(event.path("exception").path("values").get(0).path("mechanism").path("type").asString()).isEqualTo("gcp");
        assertThat(event.path("request").path("data").path("type").asString())
                .isEqualTo("google.cloud.pubsub.topic.v1.messagePublished");
        assertThat(event.path("request").path("data").path("data").path("subscription").asString())
                .isEqualTo("projects/shop-prod/subscriptions/orders");
    }

    @Test
    void theSentrytraceExtensionOfACloudEventIsContinued() {
        CloudEventsFunction function = SentryCloudFunctions.wrapCloudEvents(event -> {
            throw new IllegalStateException("cannot ship order");
        }, runtime);

        assertThatThrownBy(() -> function.accept(PubSubCloudEvent.message("8318", "{}")
                .withExtensions(Map.of("sentrytrace", SENTRY_TRACE))));

        assertThat(receiver.events().getFirst().payload().path("contexts").path("trace").path("trace_id").asString())
                .isEqualTo(TRACE_ID);
    }

    @Test
    void aBackgroundFunctionErrorIsCapturedWithItsEventAndTheTraceOfItsAttributes() {
        BackgroundFunction<Map<String, Object>> function = SentryCloudFunctions.wrapBackground((payload, context) -> {
            throw new IllegalStateException("thumbnail failed for " + payload.get("name"));
        }, runtime);
        Context context = new Context() {
            @Override
            public String eventId() {
                return "1147091835525187";
            }

            @Override
            public String timestamp() {
                return "2026-11-25T10:00:00.000Z";
            }

            @Override
            public String eventType() {
                return "google.storage.object.finalize";
            }

            @Override
            public String resource() {
                return "projects/_/buckets/photos/objects/cat.jpg";
            }

            @Override
            public Map<String, String> attributes() {
                return Map.of("sentry-trace", SENTRY_TRACE);
            }
        };

        assertThatThrownBy(() -> function.accept(Map.of("bucket", "photos", "name", "cat.jpg"), context))
                .hasMessage("thumbnail failed for cat.jpg");

        JsonNode event = receiver.events().getFirst().payload();
        assertThat(event.path("contexts").path("trace").path("trace_id").asString()).isEqualTo(TRACE_ID);
        assertThat(event.path("contexts").path("gcp").path("execution_id").asString()).isEqualTo("1147091835525187");
        assertThat(event.path("request").path("data").path("data").path("name").asString()).isEqualTo("cat.jpg");
        assertThat(event.path("request").path("data").path("event_type").asString()).isEqualTo("google.storage.object.finalize");
    }
}
