package dev.trellis.console.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is signed in, for the pages: name, role and, for a partner user, the organisation. It only decides
 * what to show; what the user may do is decided by the API on every call, with the same token.
 * Templates read it as {@code inject:viewer}.
 */
@RequestScoped
@Named("viewer")
public class Viewer {

    public static final String TEAM = "community-team";
    public static final String STAFF = "foundation-staff";
    public static final String PARTNER = "partner";

    private final SecurityIdentity identity;

    Viewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String username() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("preferred_username") != null) {
            return jwt.getClaim("preferred_username").toString();
        }
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public String displayName() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("name") != null) {
            return jwt.getClaim("name").toString();
        }
        return username();
    }

    public boolean team() {
        return identity.hasRole(TEAM);
    }

    public boolean staff() {
        return identity.hasRole(STAFF);
    }

    /** The community team and foundation staff: the foundation's own people, who see every partner. */
    public boolean internal() {
        return team() || staff();
    }

    public boolean partner() {
        return identity.hasRole(PARTNER) && !internal();
    }

    public String roleLabel() {
        return team() ? "Community team" : staff() ? "Foundation staff" : partner() ? "Partner" : "No Trellis role";
    }

    /** The partner user's organisation, from the token's partner_id claim. */
    public Optional<UUID> partnerId() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("partner_id") != null) {
            try {
                return Optional.of(UUID.fromString(jwt.getClaim("partner_id").toString()));
            } catch (IllegalArgumentException notAUuid) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
