package dev.trellis.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The current request's {@link Caller}, from its verified token: the only place a token's claims are
 * read. Inject it into resources and call {@link #current()} per request ({@link SecurityIdentity} is
 * request-scoped behind its proxy).
 */
@ApplicationScoped
public class Callers {
    static final String PARTNER_CLAIM = "partner_id";

    private final SecurityIdentity identity;

    public Callers(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller current() {
        return of(identity);
    }

    /** The caller an identity stands for. */
    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Caller.ANONYMOUS;
        }
        String subject = identity.getPrincipal() == null ? null : identity.getPrincipal().getName();
        String username = null;
        UUID partner = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            subject = token.getSubject() != null ? token.getSubject() : subject;
            Object name = token.getClaim("preferred_username");
            username = name == null ? null : String.valueOf(name);
            if (identity.hasRole(Caller.PARTNER)) {
                partner = uuid(token.getClaim(PARTNER_CLAIM));
            }
        }
        return new Caller(subject, username, identity.getRoles(), partner);
    }

    /** A missing or malformed claim links to no organisation. */
    private static UUID uuid(Object claim) {
        if (claim == null) {
            return null;
        }
        try {
            return UUID.fromString(String.valueOf(claim));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
