package dev.trellis.partner.rest;

import dev.trellis.platform.http.ProblemException;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's own organisation, from the token's {@code partner_id} claim; never from the request. */
final class PartnerClaim {
    private PartnerClaim() {
    }

    static UUID of(JsonWebToken token) {
        Object claim = token.getClaim("partner_id");
        try {
            return UUID.fromString(String.valueOf(claim));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(403, "no-partner", "No partner organisation",
                    "Your account is not linked to a partner organisation");
        }
    }
}
