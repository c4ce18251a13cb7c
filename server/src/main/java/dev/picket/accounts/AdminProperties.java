package dev.picket.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created on first start ({@code PICKET_ADMIN_EMAIL},
 * {@code PICKET_ADMIN_PASSWORD}, and optionally {@code PICKET_ADMIN_TOKEN} for the REST API).
 */
@ConfigurationProperties("picket.admin")
public record AdminProperties(String email, String password, String token) {

    boolean hasAccount() {
        return email != null && !email.isBlank() && password != null && !password.isBlank();
    }

    boolean hasToken() {
        return token != null && !token.isBlank();
    }
}
