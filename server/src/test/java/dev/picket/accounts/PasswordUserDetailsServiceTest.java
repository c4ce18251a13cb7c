package dev.picket.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picket.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

@ApiTest
class PasswordUserDetailsServiceTest {

    @Autowired
    PasswordUserDetailsService userDetails;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void administratorSignsInWithTheConfiguredPasswordStoredAsBcrypt() {
        UserDetails admin = userDetails.loadUserByUsername("Admin@Example.com");

        assertThat(admin.getUsername()).isEqualTo(ApiTest.ADMIN_EMAIL);
        assertThat(admin.getPassword()).startsWith("{bcrypt}");
        assertThat(passwordEncoder.matches("correct horse battery staple", admin.getPassword())).isTrue();
        assertThat(passwordEncoder.matches("wrong", admin.getPassword())).isFalse();
        assertThat(admin.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_SUPERUSER");
    }

    @Test
    void unknownUserIsNotFound() {
        assertThatThrownBy(() -> userDetails.loadUserByUsername("nobody@example.com"))
                .isInstanceOf(UsernameNotFoundException.class);
    }
}
