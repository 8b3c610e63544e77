package dev.trellis.event.rest;

import dev.trellis.event.service.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of this request, from its token: roles, and the partner from the {@code partner_id} claim only. */
@RequestScoped
public class Callers {
    private final SecurityIdentity identity;

    public Callers(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller current() {
        if (identity.isAnonymous()) {
            return Caller.ANONYMOUS;
        }
        UUID partner = null;
        if (identity.hasRole("partner") && identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim("partner_id");
            try {
                partner = claim == null ? null : UUID.fromString(String.valueOf(claim));
            } catch (IllegalArgumentException e) {
                partner = null; // a malformed claim links to no organisation, so it sees nothing of any partner
            }
        }
        return new Caller(identity.hasRole("community-team"), identity.hasRole("foundation-staff"), partner);
    }
}
