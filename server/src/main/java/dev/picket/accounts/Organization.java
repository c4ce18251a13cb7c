package dev.picket.accounts;

import java.time.Instant;

public record Organization(long id, String slug, String name, Instant dateCreated) {
}
