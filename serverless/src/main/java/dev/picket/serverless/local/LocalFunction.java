package dev.picket.serverless.local;

import java.time.Duration;

/**
 * The configuration of a function run locally, as it would be set on Lambda.
 *
 * @param name     the function's name
 * @param memoryMb its memory size
 * @param timeout  its timeout: each invocation's deadline
 * @param region   the region its ARN names
 */
public record LocalFunction(String name, int memoryMb, Duration timeout, String region) {

    public LocalFunction {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("function name must not be blank");
        }
        if (memoryMb < 128) {
            throw new IllegalArgumentException("memory must be at least 128 MB, was " + memoryMb);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    public static LocalFunction named(String name) {
        return new LocalFunction(name, 512, Duration.ofSeconds(3), "us-east-1");
    }

    public LocalFunction withTimeout(Duration newTimeout) {
        return new LocalFunction(name, memoryMb, newTimeout, region);
    }
}
