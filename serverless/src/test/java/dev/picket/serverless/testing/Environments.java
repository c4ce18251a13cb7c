package dev.picket.serverless.testing;

import java.util.HashMap;
import java.util.Map;

/** Function environments as the platforms set them, pointing the SDK at a receiver. */
public final class Environments {

    private Environments() {
    }

    public static Map<String, String> lambda(EnvelopeReceiver receiver, String... more) {
        Map<String, String> env = new HashMap<>(Map.of(
                "SENTRY_DSN", receiver.dsn(),
                "SENTRY_ENVIRONMENT", "test",
                "SENTRY_RELEASE", "orders@1.0.0",
                "AWS_REGION", "eu-west-1",
                "AWS_LAMBDA_FUNCTION_NAME", "orders"));
        for (int i = 0; i + 1 < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    public static Map<String, String> cloudRun(EnvelopeReceiver receiver, String... more) {
        Map<String, String> env = new HashMap<>(Map.of(
                "SENTRY_DSN", receiver.dsn(),
                "K_SERVICE", "checkout",
                "K_REVISION", "checkout-00007-abc",
                "FUNCTION_TARGET", "com.example.Checkout",
                "FUNCTION_REGION", "europe-west1",
                "GOOGLE_CLOUD_PROJECT", "shop-prod"));
        for (int i = 0; i + 1 < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }
}
