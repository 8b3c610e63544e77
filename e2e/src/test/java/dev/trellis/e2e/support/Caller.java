package dev.trellis.e2e.support;

/** The five callers of the role matrix, and the demo users behind them. */
public enum Caller {
    ANONYMOUS(null, "anonymous"),
    TEAM("cora", "community-team"),
    STAFF("felix", "foundation-staff"),
    PARTNER_A("paula", "partner A"),
    PARTNER_B("piet", "partner B");

    public final String username;
    public final String label;

    Caller(String username, String label) {
        this.username = username;
        this.label = label;
    }

    /** The caller's bearer token from the real Keycloak, or null for {@link #ANONYMOUS}. */
    public String token() {
        return username == null ? null : Tokens.password(username);
    }
}
