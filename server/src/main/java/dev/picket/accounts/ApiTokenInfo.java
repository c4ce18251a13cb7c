package dev.picket.accounts;

import java.time.Instant;
import java.util.SortedSet;

/**
 * What describes an API token without the token itself, for its owner's list.
 *
 * @param lastUsed null when the token was never used
 */
public record ApiTokenInfo(long id, String name, SortedSet<String> scopes, Instant created, Instant lastUsed) {
}
