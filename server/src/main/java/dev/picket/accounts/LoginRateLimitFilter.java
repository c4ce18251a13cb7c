package dev.picket.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses the sign-in form's POST with 429 while {@link LoginAttempts} says the account or address
 * has failed too often, before the password is even checked (so a correct guess is refused too).
 * The refusal is the sign-in page again, with {@link #REFUSAL_ATTRIBUTE} saying how long to wait.
 * Not a bean: it belongs in the pages' security filter chain only, not in every request's path.
 */
public class LoginRateLimitFilter extends OncePerRequestFilter {

    /** The request attribute the sign-in page shows when set. */
    public static final String REFUSAL_ATTRIBUTE = "loginRefusal";

    private final LoginAttempts attempts;
    private final String loginPath;

    public LoginRateLimitFilter(LoginAttempts attempts, String loginPath) {
        this.attempts = attempts;
        this.loginPath = loginPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && loginPath.equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> refused = attempts.refusedFor(request.getParameter("email"), request.getRemoteAddr());
        if (refused.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long minutes = Math.max(1, (refused.get().toSeconds() + 59) / 60);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(refused.get().toSeconds() + 1));
        request.setAttribute(REFUSAL_ATTRIBUTE, "Too many failed sign-ins, try again in " + minutes
                + (minutes == 1 ? " minute." : " minutes."));
        // The page is rendered by the GET handler of the same path, as if the form had just been opened.
        request.getRequestDispatcher(loginPath).forward(new AsGet(request), response);
    }

    private static final class AsGet extends HttpServletRequestWrapper {
        AsGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }
    }
}
