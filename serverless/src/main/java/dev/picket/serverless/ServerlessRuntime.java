package dev.picket.serverless;

import io.sentry.IScopes;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.SpanStatus;
import io.sentry.TransactionContext;
import io.sentry.TransactionOptions;
import io.sentry.exception.ExceptionMechanismException;
import io.sentry.protocol.Mechanism;
import io.sentry.protocol.TransactionNameSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The integration's state in one container: settings, the cold-start flag and the timeout watch.
 * The runtime keeps a container alive across invocations, so the wrappers share one instance
 * ({@link #fromEnvironment()}) and the SDK is initialized on the first invocation only.
 */
public final class ServerlessRuntime {

    private static volatile ServerlessRuntime shared;

    private final ServerlessSettings settings;
    private final Map<String, String> environment;
    private final AtomicBoolean coldStart = new AtomicBoolean(true);
    private final TimeoutWatch timeoutWatch = new TimeoutWatch();
    private volatile boolean sentryInitialized;

    private ServerlessRuntime(ServerlessSettings settings, Map<String, String> environment) {
        this.settings = settings;
        this.environment = Map.copyOf(environment);
    }

    /** The container's runtime, configured from its environment variables on first use. */
    public static ServerlessRuntime fromEnvironment() {
        ServerlessRuntime runtime = shared;
        if (runtime == null) {
            synchronized (ServerlessRuntime.class) {
                runtime = shared;
                if (runtime == null) {
                    runtime = create(System.getenv());
                    shared = runtime;
                }
            }
        }
        return runtime;
    }

    /** A runtime of its own, configured from {@code environment} instead of the process's variables. */
    public static ServerlessRuntime create(Map<String, String> environment) {
        return new ServerlessRuntime(ServerlessSettings.fromEnvironment(environment), environment);
    }

    public ServerlessSettings settings() {
        return settings;
    }

    /** The environment the platform facts (region, project, …) are read from. */
    public Map<String, String> environment() {
        return environment;
    }

    /**
     * Runs {@code body} as one invocation: continues the incoming trace in a transaction, attaches the function
     * context and the cold-start tag, warns before the deadline, captures what the body throws, and waits for
     * delivery before returning or rethrowing, because the platform may freeze the container right after.
     */
    public <T, X extends Exception> T invoke(FunctionInvocation invocation, InvocationBody<T, X> body) throws X {
        initializeSentryOnce();
        boolean cold = coldStart.getAndSet(false);
        long startedNanos = System.nanoTime();
        IScopes scopes = Sentry.forkedRootScopes("picket-serverless");
        try (ISentryLifecycleToken ignored = scopes.makeCurrent()) {
            scopes.configureScope(scope -> {
                scope.setTag("cold_start", Boolean.toString(cold));
                scope.setRequest(invocation.request());
                scope.addEventProcessor(new FunctionContextProcessor(invocation.context(), startedNanos));
            });
            ITransaction transaction = startTransaction(scopes, invocation);
            TimeoutWatch.Warning warning = settings.timeoutWarningEnabled() && invocation.timeLeft() != null
                    ? timeoutWatch.warnBefore(scopes, invocation.timeLeft(), settings, Thread.currentThread())
                    : TimeoutWatch.Warning.NONE;
            try {
                T result = body.run();
                finish(transaction, warning.fired() ? SpanStatus.DEADLINE_EXCEEDED : SpanStatus.OK);
                return result;
            } catch (Throwable failure) {
                scopes.captureException(unhandled(failure, invocation.mechanismType()));
                if (transaction != null) {
                    transaction.setThrowable(failure);
                }
                finish(transaction, warning.fired() ? SpanStatus.DEADLINE_EXCEEDED : SpanStatus.INTERNAL_ERROR);
                throw failure;
            } finally {
                warning.cancel();
                scopes.flush(settings.flushTimeout().toMillis());
            }
        }
    }

    private static ITransaction startTransaction(IScopes scopes, FunctionInvocation invocation) {
        TraceHeaders trace = invocation.trace();
        TransactionContext context = scopes.continueTrace(trace.sentryTrace(), trace.baggage());
        if (context == null) {
            return null;
        }
        context.setName(invocation.transactionName());
        context.setTransactionNameSource(TransactionNameSource.COMPONENT);
        context.setOperation(invocation.operation());
        TransactionOptions options = new TransactionOptions();
        options.setBindToScope(true);
        return scopes.startTransaction(context, options);
    }

    private static void finish(ITransaction transaction, SpanStatus status) {
        if (transaction != null) {
            transaction.finish(status);
        }
    }

    private static Throwable unhandled(Throwable failure, String mechanismType) {
        Mechanism mechanism = new Mechanism();
        mechanism.setType(mechanismType);
        mechanism.setHandled(false);
        return new ExceptionMechanismException(mechanism, failure, Thread.currentThread());
    }

    private void initializeSentryOnce() {
        if (sentryInitialized) {
            return;
        }
        synchronized (this) {
            // An application that initialized the SDK itself keeps its own configuration.
            if (!sentryInitialized && !Sentry.isEnabled() && settings.dsn() != null) {
                Sentry.init(options -> {
                    options.setDsn(settings.dsn());
                    options.setEnvironment(settings.environment());
                    options.setRelease(settings.release());
                    options.setTracesSampleRate(settings.tracesSampleRate());
                    options.setDebug(settings.debug());
                    options.setFlushTimeoutMillis(settings.flushTimeout().toMillis());
                });
            }
            sentryInitialized = true;
        }
    }
}
