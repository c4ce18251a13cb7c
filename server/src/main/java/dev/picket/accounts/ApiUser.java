package dev.picket.accounts;

import java.util.Set;

/** Who a REST API request acts for: the token's user and the token's scopes. */
public record ApiUser(long userId, String email, Set<String> scopes) {
}
