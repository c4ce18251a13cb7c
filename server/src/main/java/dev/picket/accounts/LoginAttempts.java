package dev.picket.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;

/**
 * Counts failed password sign-ins per account (the e-mail typed, whether or not it exists) and per
 * client address, in fixed windows that start with the first failure. Counters live in memory: a
 * restart forgets them, which costs an attacker a restart they cannot cause.
 */
@Service
public class LoginAttempts {

    /** Bounds memory when someone tries very many names or addresses. */
    private static final long MAX_COUNTERS = 100_000;

    private final LoginLimitProperties limits;
    private final Cache<String, Window> windows;

    LoginAttempts(LoginLimitProperties limits) {
        this.limits = limits;
        // Entries expire a window after they were created, not after their last failure: the
        // counter is mutated in place, which Caffeine does not count as a write.
        this.windows = Caffeine.newBuilder().expireAfterWrite(limits.window()).maximumSize(MAX_COUNTERS).build();
    }

    /** How long until {@code email} may try again from {@code address}; empty when it may now. */
    public Optional<Duration> refusedFor(String email, String address) {
        long now = System.nanoTime();
        return Optional.ofNullable(windows.getIfPresent(accountKey(email)))
                .filter(window -> window.failures.get() >= limits.maxFailuresPerAccount())
                .or(() -> Optional.ofNullable(windows.getIfPresent(addressKey(address)))
                        .filter(window -> window.failures.get() >= limits.maxFailuresPerAddress()))
                .map(window -> Duration.ofNanos(window.startedAt + limits.window().toNanos() - now))
                .filter(remaining -> remaining.isPositive());
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        Authentication attempt = event.getAuthentication();
        long now = System.nanoTime();
        windows.get(accountKey(attempt.getName()), key -> new Window(now)).failures.incrementAndGet();
        address(attempt).ifPresent(address ->
                windows.get(addressKey(address), key -> new Window(now)).failures.incrementAndGet());
    }

    /**
     * A correct password clears the account's counter. The address's stays: signing in to one's
     * own account must not buy more guesses at others' from the same address.
     */
    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        windows.invalidate(accountKey(event.getAuthentication().getName()));
    }

    private static Optional<String> address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details
                ? Optional.ofNullable(details.getRemoteAddress()) : Optional.empty();
    }

    private static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static final class Window {
        final long startedAt;
        final AtomicInteger failures = new AtomicInteger();

        Window(long startedAt) {
            this.startedAt = startedAt;
        }
    }
}
