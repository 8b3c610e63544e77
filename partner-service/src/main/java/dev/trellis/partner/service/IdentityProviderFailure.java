package dev.trellis.partner.service;

/**
 * Keycloak, which holds the partner portal users, could not do what was asked: it could not be reached
 * ({@link #unreachable()}), or it answered with an error or something unusable. An infrastructure failure,
 * not a refusal of the request: the rest layer answers 503 or 502, so that none of Keycloak's own statuses
 * (a 404, a 401 for our credentials) leaks out as if it were ours.
 */
public class IdentityProviderFailure extends RuntimeException {
    private final boolean unreachable;

    private IdentityProviderFailure(boolean unreachable, String detail, Throwable cause) {
        super(detail, cause);
        this.unreachable = unreachable;
    }

    static IdentityProviderFailure unreachable(String what, Throwable cause) {
        return new IdentityProviderFailure(true, "Keycloak cannot be reached to " + what + "; try again later", cause);
    }

    static IdentityProviderFailure refused(String detail) {
        return new IdentityProviderFailure(false, detail, null);
    }

    static IdentityProviderFailure failed(String what, Throwable cause) {
        return new IdentityProviderFailure(false, "Keycloak failed to " + what, cause);
    }

    /** True when Keycloak did not answer at all (connection refused, unknown host, timeout). */
    public boolean unreachable() {
        return unreachable;
    }

    /** What failed, in words fit for the caller: no Keycloak internals, no credentials. */
    public String detail() {
        return getMessage();
    }
}
