package dev.trellis.platform.audit;

import dev.trellis.platform.security.Caller;

/**
 * Who made a change, as the audit trail names them.
 *
 * @param kind {@code user} (a person's token), {@code client} (a client-credentials token: Keycloak names
 *             its service account {@code service-account-<clientId>}), {@code system} (the service
 *             itself: consumers, sweeps, demo data) or {@code anonymous} (a request without a token)
 * @param name the username, the client id, {@code system}; null for anonymous callers
 */
public record AuditActor(String kind, String name) {
    public static final String USER = "user";
    public static final String CLIENT = "client";
    public static final String SYSTEM = "system";
    public static final String ANONYMOUS = "anonymous";
    static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    public static final AuditActor SYSTEM_ACTOR = new AuditActor(SYSTEM, "system");

    public static AuditActor of(Caller caller) {
        if (caller == null || caller == Caller.SYSTEM) {
            return SYSTEM_ACTOR;
        }
        if (caller.isAnonymous()) {
            return new AuditActor(ANONYMOUS, null);
        }
        String username = caller.username();
        if (username != null && username.startsWith(SERVICE_ACCOUNT_PREFIX)
                && username.length() > SERVICE_ACCOUNT_PREFIX.length()) {
            return new AuditActor(CLIENT, username.substring(SERVICE_ACCOUNT_PREFIX.length()));
        }
        return new AuditActor(USER, username != null && !username.isBlank() ? username : caller.subject());
    }
}
