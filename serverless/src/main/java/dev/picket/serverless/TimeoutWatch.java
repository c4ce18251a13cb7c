package dev.picket.serverless;

import io.sentry.IScopes;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;
import io.sentry.exception.ExceptionMechanismException;
import io.sentry.protocol.Mechanism;
import io.sentry.protocol.Message;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends a warning shortly before an invocation's deadline if its handler is still running. The platform kills a
 * timed-out invocation without running any more of its code, so this is the only way to tell a timeout from a crash.
 */
final class TimeoutWatch {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "picket-serverless-timeout-watch");
        thread.setDaemon(true);
        return thread;
    });

    /** A scheduled warning; {@link #cancel()} when the handler returns. */
    interface Warning {

        Warning NONE = new Warning() {
            @Override
            public boolean fired() {
                return false;
            }

            @Override
            public void cancel() {
            }
        };

        boolean fired();

        void cancel();
    }

    Warning warnBefore(IScopes scopes, Duration timeLeft, ServerlessSettings settings, Thread handler) {
        long delayMillis = timeLeft.minus(settings.timeoutWarningMargin()).toMillis();
        if (delayMillis <= 0) {
            return Warning.NONE;
        }
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> task = scheduler.schedule(() -> {
            fired.set(true);
            scopes.captureEvent(warningEvent(timeLeft, handler));
            scopes.flush(settings.flushTimeout().toMillis());
        }, delayMillis, TimeUnit.MILLISECONDS);
        return new Warning() {
            @Override
            public boolean fired() {
                return fired.get();
            }

            @Override
            public void cancel() {
                task.cancel(false);
            }
        };
    }

    private static SentryEvent warningEvent(Duration timeLeft, Thread handler) {
        String text = "WARNING : Function is expected to get timed out. Time left when the invocation started = "
                + timeLeft.toMillis() + " ms.";
        Mechanism mechanism = new Mechanism();
        mechanism.setType("timeout_warning");
        mechanism.setHandled(true);
        SentryEvent event = new SentryEvent(new ExceptionMechanismException(
                mechanism, new ServerlessTimeoutWarning(text, handler.getStackTrace()), handler, true));
        Message message = new Message();
        message.setFormatted(text);
        event.setMessage(message);
        event.setLevel(SentryLevel.WARNING);
        event.setTag("timeout_warning", "true");
        return event;
    }
}
