package dev.picket.accounts;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Authenticates {@link ApiTokenAuthentication}s against the stored token hashes. Deliberately not
 * a bean: Spring Security would make a lone provider bean the global one and ignore the
 * {@link org.springframework.security.core.userdetails.UserDetailsService} that password login uses.
 */
public class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    private final ApiTokens tokens;

    public ApiTokenAuthenticationProvider(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((ApiTokenAuthentication) authentication).getCredentials();
        return tokens.authenticate(token)
                .map(ApiTokenAuthentication::authenticated)
                .orElseThrow(() -> new BadCredentialsException("Invalid token"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiTokenAuthentication.class.isAssignableFrom(authentication);
    }
}
