package dev.picket.serverless;

/**
 * Sent, not thrown: the handler was still running shortly before its deadline. Its stack trace is the handler
 * thread's at that moment, which shows where the invocation was stuck.
 */
public final class ServerlessTimeoutWarning extends RuntimeException {

    ServerlessTimeoutWarning(String message, StackTraceElement[] handlerStack) {
        super(message, null, false, true);
        setStackTrace(handlerStack);
    }
}
