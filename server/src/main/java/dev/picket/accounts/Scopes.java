package dev.picket.accounts;

import java.util.Set;

/** API token scopes, named as Sentry names them so that tokens and tools carry over. */
public final class Scopes {

    public static final String ORG_READ = "org:read";
    public static final String ORG_WRITE = "org:write";
    public static final String ORG_ADMIN = "org:admin";
    public static final String PROJECT_READ = "project:read";
    public static final String PROJECT_WRITE = "project:write";
    public static final String PROJECT_ADMIN = "project:admin";
    public static final String EVENT_READ = "event:read";
    public static final String EVENT_WRITE = "event:write";
    public static final String EVENT_ADMIN = "event:admin";
    public static final String ALERTS_READ = "alerts:read";
    public static final String ALERTS_WRITE = "alerts:write";

    public static final Set<String> ALL = Set.of(
            ORG_READ, ORG_WRITE, ORG_ADMIN, "org:integrations",
            "member:read", "member:write", "member:admin", "member:invite",
            "team:read", "team:write", "team:admin",
            PROJECT_READ, PROJECT_WRITE, PROJECT_ADMIN, "project:releases",
            EVENT_READ, EVENT_WRITE, EVENT_ADMIN,
            ALERTS_READ, ALERTS_WRITE);

    private Scopes() {
    }
}
