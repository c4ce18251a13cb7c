package dev.picket.api;

import static dev.picket.accounts.Scopes.ALERTS_READ;
import static dev.picket.accounts.Scopes.ALERTS_WRITE;
import static dev.picket.accounts.Scopes.EVENT_ADMIN;
import static dev.picket.accounts.Scopes.EVENT_READ;
import static dev.picket.accounts.Scopes.EVENT_WRITE;
import static dev.picket.accounts.Scopes.ORG_ADMIN;
import static dev.picket.accounts.Scopes.ORG_READ;
import static dev.picket.accounts.Scopes.ORG_WRITE;
import static dev.picket.accounts.Scopes.PROJECT_ADMIN;
import static dev.picket.accounts.Scopes.PROJECT_READ;
import static dev.picket.accounts.Scopes.PROJECT_WRITE;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import dev.picket.accounts.AccountPages;
import dev.picket.accounts.ApiTokenAuthenticationProvider;
import dev.picket.accounts.ApiTokens;
import dev.picket.accounts.LoginAttempts;
import dev.picket.accounts.LoginRateLimitFilter;
import dev.picket.web.WebPages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three kinds of traffic, three filter chains, tried in order:
 * <ol>
 *   <li>the REST API ({@code /api/0/…}): bearer tokens, stateless, scopes per route;</li>
 *   <li>health/metrics probes: open, because probes must work without credentials;</li>
 *   <li>everything else, the web pages: a session from the login form ({@link WebPages}), CSRF
 *       tokens on forms, a strict Content-Security-Policy.</li>
 * </ol>
 * SDK ingestion ({@code /api/{projectId}/envelope/} and the like) never reaches these chains: it
 * authenticates DSN keys itself, in a filter that runs first (dev.picket.ingest.IngestFilter).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /** DRF's wording, which Sentry answers with. */
    private static final String NOT_AUTHENTICATED = "Authentication credentials were not provided.";
    private static final String INVALID_TOKEN = "Invalid token";
    private static final String FORBIDDEN = "You do not have permission to perform this action.";

    @Bean
    @Order(1)
    SecurityFilterChain restApi(HttpSecurity http, ApiTokens tokens, JsonMapper json)
            throws Exception {
        SecurityErrorWriter errors = new SecurityErrorWriter(json);
        AuthenticationFilter bearer = new AuthenticationFilter(
                new ProviderManager(new ApiTokenAuthenticationProvider(tokens)), new BearerTokenConverter());
        // The default success handler redirects, as after a login form; an API request just goes on.
        bearer.setSuccessHandler((request, response, authentication) -> { });
        bearer.setFailureHandler((request, response, e) ->
                errors.write(response, HttpStatus.UNAUTHORIZED, INVALID_TOKEN));
        return http
                .securityMatcher("/api/0/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) ->
                                errors.write(response, HttpStatus.UNAUTHORIZED, NOT_AUTHENTICATED))
                        .accessDeniedHandler((request, response, e) ->
                                errors.write(response, HttpStatus.FORBIDDEN, FORBIDDEN)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(GET, "/api/0/organizations/").hasAnyAuthority(ORG_READ, ORG_WRITE, ORG_ADMIN)
                        .requestMatchers(GET, "/api/0/organizations/*/projects/")
                        .hasAnyAuthority(ORG_READ, ORG_WRITE, ORG_ADMIN)
                        .requestMatchers(POST, "/api/0/teams/*/*/projects/").hasAnyAuthority(PROJECT_WRITE, PROJECT_ADMIN)
                        .requestMatchers(POST, "/api/0/projects/*/*/keys/").hasAnyAuthority(PROJECT_WRITE, PROJECT_ADMIN)
                        .requestMatchers(PUT, "/api/0/projects/*/*/keys/*/").hasAnyAuthority(PROJECT_WRITE, PROJECT_ADMIN)
                        .requestMatchers(PUT, "/api/0/projects/*/*/").hasAnyAuthority(PROJECT_WRITE, PROJECT_ADMIN)
                        .requestMatchers(DELETE, "/api/0/projects/*/*/keys/*/")
                        .hasAnyAuthority(PROJECT_WRITE, PROJECT_ADMIN)
                        .requestMatchers(GET, "/api/0/issues/**", "/api/0/projects/*/*/issues/",
                                "/api/0/projects/*/*/events/**").hasAnyAuthority(EVENT_READ, EVENT_WRITE, EVENT_ADMIN)
                        .requestMatchers(PUT, "/api/0/issues/*/").hasAnyAuthority(EVENT_WRITE, EVENT_ADMIN)
                        .requestMatchers(GET, "/api/0/projects/*/*/alert-rules/**", "/api/0/projects/*/*/alert-history/")
                        .hasAnyAuthority(ALERTS_READ, ALERTS_WRITE)
                        .requestMatchers("/api/0/projects/*/*/alert-rules/**").hasAuthority(ALERTS_WRITE)
                        .requestMatchers(GET, "/api/0/projects/", "/api/0/projects/**")
                        .hasAnyAuthority(PROJECT_READ, PROJECT_WRITE, PROJECT_ADMIN)
                        .anyRequest().authenticated())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain probes(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http, LoginAttempts loginAttempts) throws Exception {
        return http
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(WebPages.CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(requests -> requests
                        // Error pages render the status of requests that other chains let through.
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(WebPages.PUBLIC_PATHS).permitAll()
                        .requestMatchers(AccountPages.INVITATION_LINKS).permitAll()
                        .anyRequest().authenticated())
                // Users sign in with their e-mail and password (PasswordUserDetailsService) into a
                // session; CSRF protection stays on for every form.
                .formLogin(form -> form
                        .loginPage(WebPages.LOGIN)
                        .usernameParameter("email")
                        .defaultSuccessUrl("/", false))
                // Too many failed sign-ins for an account or from an address: 429 before the password is checked.
                .addFilterBefore(new LoginRateLimitFilter(loginAttempts, WebPages.LOGIN),
                        UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(WebPages.LOGIN + "?signed-out"))
                .build();
    }
}
