package dev.trellis.advisory.rest;

import dev.trellis.platform.http.ProblemException;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from the token. */
final class Caller {
    private Caller() {
    }

    /** The caller's {@code preferred_username}, as audit rows name staff. */
    static String username(JsonWebToken token) {
        Object name = token.getClaim("preferred_username");
        if (name == null || String.valueOf(name).isBlank()) {
            throw new ProblemException(403, "no-username", "No username",
                    "Your token carries no preferred_username, so you cannot be named as a staff member");
        }
        return String.valueOf(name);
    }

    /** A partner user's own organisation, from the {@code partner_id} claim; null for staff and the community team. */
    static UUID partnerScope(JsonWebToken token, io.quarkus.security.identity.SecurityIdentity identity) {
        if (identity.hasRole("foundation-staff") || identity.hasRole("community-team")) {
            return null;
        }
        try {
            return UUID.fromString(String.valueOf(token.<Object>getClaim("partner_id")));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(403, "no-partner", "No partner organisation",
                    "Your account is not linked to a partner organisation");
        }
    }
}
