package dev.picket.accounts;

/** A person who signs in. The password hash never leaves {@link Users}. */
public record User(long id, String email, boolean superuser) {
}
