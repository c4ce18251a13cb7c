package dev.picket.traces;

/**
 * A serverless function that took part in a trace.
 *
 * @param coldStart      whether one of its invocations in the trace was a cold start
 * @param timeoutWarning whether one of them warned that it was about to time out
 */
public record TraceFunction(String name, boolean coldStart, boolean timeoutWarning) {
}
