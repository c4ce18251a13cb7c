package dev.picket.accounts;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A REST API request's bearer token: before authentication it holds the presented token; after,
 * the {@link ApiUser} with one authority per scope (so that routes can require scopes by name).
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String token;
    private final ApiUser user;

    private ApiTokenAuthentication(String token, ApiUser user) {
        super(user == null ? List.of() : user.scopes().stream().map(SimpleGrantedAuthority::new).toList());
        this.token = token;
        this.user = user;
        setAuthenticated(user != null);
    }

    public static ApiTokenAuthentication unauthenticated(String token) {
        return new ApiTokenAuthentication(token, null);
    }

    static ApiTokenAuthentication authenticated(ApiUser user) {
        return new ApiTokenAuthentication(null, user);
    }

    /** The presented token; null once authenticated, so that it is not kept in memory longer than needed. */
    @Override
    public String getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return user == null ? "" : user.email();
    }

    /** The {@link ApiUser} once authenticated, else null. */
    @Override
    public ApiUser getPrincipal() {
        return user;
    }
}
