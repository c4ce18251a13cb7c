package dev.picket.web;

import io.sentry.Sentry;

/** Sends events with the real Sentry Java SDK to a project's DSN, through Picket's ingest endpoint. */
final class JavaSdk {

    static final String RELEASE = "shop@2.4.0";

    private JavaSdk() {
    }

    /** Initializes the SDK for {@code dsn}, runs {@code capture}, and flushes and closes the SDK. */
    static void send(String dsn, Runnable capture) {
        send(dsn, "production", capture);
    }

    /** As {@link #send(String, Runnable)}, the events in {@code environment}. */
    static void send(String dsn, String environment, Runnable capture) {
        Sentry.init(options -> {
            options.setDsn(dsn);
            options.setRelease(RELEASE);
            options.setEnvironment(environment);
            options.addInAppInclude("dev.picket.web");
            options.setEnableUncaughtExceptionHandler(false);
        });
        try {
            capture.run();
            Sentry.flush(10_000);
        } finally {
            Sentry.close();
        }
    }
}
