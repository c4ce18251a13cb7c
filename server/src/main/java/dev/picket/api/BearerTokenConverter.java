package dev.picket.api;

import dev.picket.accounts.ApiTokenAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/** Reads {@code Authorization: Bearer <token>}; no such header means an anonymous request. */
class BearerTokenConverter implements AuthenticationConverter {

    private static final String PREFIX = "Bearer ";

    @Override
    public Authentication convert(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        String token = header.substring(PREFIX.length()).strip();
        if (token.isEmpty()) {
            throw new BadCredentialsException("Invalid token");
        }
        return ApiTokenAuthentication.unauthenticated(token);
    }
}
