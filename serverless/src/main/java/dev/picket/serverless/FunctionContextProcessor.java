package dev.picket.serverless;

import io.sentry.EventProcessor;
import io.sentry.Hint;
import io.sentry.SentryBaseEvent;
import io.sentry.SentryEvent;
import io.sentry.protocol.SentryTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Adds the function context to each event when it is sent, so durations and time left are those of that moment. */
final class FunctionContextProcessor implements EventProcessor {

    private final FunctionContext context;
    private final long startedNanos;

    FunctionContextProcessor(FunctionContext context, long startedNanos) {
        this.context = context;
        this.startedNanos = startedNanos;
    }

    @Override
    public SentryEvent process(SentryEvent event, Hint hint) {
        attach(event);
        return event;
    }

    @Override
    public SentryTransaction process(SentryTransaction transaction, Hint hint) {
        attach(transaction);
        return transaction;
    }

    private void attach(SentryBaseEvent event) {
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        event.getContexts().put(context.key(), context.values(elapsedMillis));
        Instant now = Instant.now();
        context.extras(now.minus(Duration.ofMillis(elapsedMillis)), now).forEach(event::setExtra);
    }
}
