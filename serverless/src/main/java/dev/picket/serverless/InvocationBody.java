package dev.picket.serverless;

/** The user's handler, run once inside an instrumented invocation. */
@FunctionalInterface
public interface InvocationBody<T, X extends Exception> {

    T run() throws X;
}
