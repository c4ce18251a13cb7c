package dev.picket.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed sign-ins are allowed before further attempts are refused for the rest of the
 * window ({@code PICKET_LOGIN_MAX_FAILURES_PER_ACCOUNT}, {@code PICKET_LOGIN_MAX_FAILURES_PER_ADDRESS},
 * {@code PICKET_LOGIN_WINDOW}). An address gets more than an account: several people may share one.
 */
@ConfigurationProperties("picket.login")
public record LoginLimitProperties(
        @DefaultValue("10") int maxFailuresPerAccount,
        @DefaultValue("30") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration window) {
}
