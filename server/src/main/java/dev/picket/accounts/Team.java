package dev.picket.accounts;

public record Team(long id, long organizationId, String slug, String name) {
}
