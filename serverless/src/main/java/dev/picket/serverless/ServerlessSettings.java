package dev.picket.serverless;

import java.time.Duration;
import java.util.Map;

/**
 * How the integration reports, read once per container from the function's environment variables.
 *
 * @param dsn                   where events go ({@code SENTRY_DSN}); without one, handlers run and nothing is sent
 * @param environment           {@code SENTRY_ENVIRONMENT}
 * @param release               {@code SENTRY_RELEASE}
 * @param tracesSampleRate      {@code SENTRY_TRACES_SAMPLE_RATE}, 0 to 1; without it no transactions are sent
 * @param flushTimeout          longest wait for delivery before a handler returns ({@code SENTRY_FLUSH_TIMEOUT_MS})
 * @param timeoutWarningMargin  how long before the deadline the timeout warning is sent
 *                              ({@code SENTRY_TIMEOUT_WARNING_MARGIN_MS})
 * @param timeoutWarningEnabled {@code SENTRY_TIMEOUT_WARNING}, {@code true} unless set to {@code false}
 * @param debug                 {@code SENTRY_DEBUG}: the SDK logs what it does
 */
public record ServerlessSettings(
        String dsn,
        String environment,
        String release,
        Double tracesSampleRate,
        Duration flushTimeout,
        Duration timeoutWarningMargin,
        boolean timeoutWarningEnabled,
        boolean debug) {

    public static final Duration DEFAULT_FLUSH_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_TIMEOUT_WARNING_MARGIN = Duration.ofMillis(500);

    public ServerlessSettings {
        if (tracesSampleRate != null && !(tracesSampleRate >= 0 && tracesSampleRate <= 1)) {
            throw new IllegalArgumentException("traces sample rate must be between 0 and 1, was " + tracesSampleRate);
        }
        requireNonNegative(flushTimeout, "flush timeout");
        requireNonNegative(timeoutWarningMargin, "timeout warning margin");
    }

    public static ServerlessSettings fromEnvironment(Map<String, String> env) {
        return new ServerlessSettings(
                blankToNull(env.get("SENTRY_DSN")),
                blankToNull(env.get("SENTRY_ENVIRONMENT")),
                blankToNull(env.get("SENTRY_RELEASE")),
                sampleRate(env, "SENTRY_TRACES_SAMPLE_RATE"),
                millis(env, "SENTRY_FLUSH_TIMEOUT_MS", DEFAULT_FLUSH_TIMEOUT),
                millis(env, "SENTRY_TIMEOUT_WARNING_MARGIN_MS", DEFAULT_TIMEOUT_WARNING_MARGIN),
                flag(env, "SENTRY_TIMEOUT_WARNING", true),
                flag(env, "SENTRY_DEBUG", false));
    }

    private static Double sampleRate(Map<String, String> env, String name) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return null;
        }
        try {
            double rate = Double.parseDouble(value.trim());
            if (rate >= 0 && rate <= 1) {
                return rate;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the variable's name
        }
        throw new IllegalArgumentException(name + " must be a number from 0 to 1, was '" + value + "'");
    }

    private static Duration millis(Map<String, String> env, String name, Duration fallback) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return fallback;
        }
        try {
            long millis = Long.parseLong(value.trim());
            if (millis >= 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the variable's name
        }
        throw new IllegalArgumentException(name + " must be a whole number of milliseconds >= 0, was '" + value + "'");
    }

    private static boolean flag(Map<String, String> env, String name, boolean fallback) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
        };
    }

    private static void requireNonNegative(Duration duration, String what) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be zero or more, was " + duration);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
