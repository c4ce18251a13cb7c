/**
 * Distributed traces: assembling the transactions, spans and error events that share a trace id,
 * across projects and functions, and the performance of transactions by name.
 */
package dev.picket.traces;
