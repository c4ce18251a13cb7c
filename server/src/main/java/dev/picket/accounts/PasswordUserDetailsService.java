package dev.picket.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Users as Spring Security's password login sees them: the e-mail is the user name; superusers
 * have the role {@code SUPERUSER}. Being a bean, it also replaces Spring Boot's generated
 * development password.
 */
@Service
class PasswordUserDetailsService implements UserDetailsService {

    static final String SUPERUSER_ROLE = "SUPERUSER";

    private final Users users;

    PasswordUserDetailsService(Users users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        Users.Credentials credentials = users.findCredentials(email)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        User user = credentials.user();
        return org.springframework.security.core.userdetails.User.withUsername(user.email())
                .password(credentials.passwordHash())
                .roles(user.superuser() ? new String[] {SUPERUSER_ROLE} : new String[0])
                .build();
    }
}
