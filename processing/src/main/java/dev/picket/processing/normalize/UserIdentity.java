package dev.picket.processing.normalize;

/** The user an event names; any field may be null, but not all of them. */
public record UserIdentity(String id, String email, String username, String ipAddress) {

    /** Sentry's {@code user} tag value: the first present of id, email, username, IP address, prefixed by its kind. */
    public String key() {
        if (id != null) {
            return "id:" + id;
        }
        if (email != null) {
            return "email:" + email;
        }
        if (username != null) {
            return "username:" + username;
        }
        if (ipAddress != null) {
            return "ip:" + ipAddress;
        }
        return null;
    }
}
