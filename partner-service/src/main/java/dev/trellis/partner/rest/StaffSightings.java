package dev.trellis.partner.rest;

import dev.trellis.partner.service.StaffDirectory;
import dev.trellis.platform.security.Caller;
import dev.trellis.platform.security.Callers;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Records every staff member who calls partner-service (once per instance), so that next steps can be
 * given to them ({@link StaffDirectory}). It never changes the identity, and a failure to record only
 * logs: no request is refused because of it.
 */
@ApplicationScoped
public class StaffSightings implements SecurityIdentityAugmentor {
    private static final Logger LOG = Logger.getLogger(StaffSightings.class);
    private final StaffDirectory staff;

    public StaffSightings(StaffDirectory staff) {
        this.staff = staff;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        Caller caller = Callers.of(identity);
        if (!staff.isNew(caller)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            try {
                // The address for the daily digest of next steps (StaffDigest): the token's email claim.
                Object email = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("email") : null;
                staff.seen(caller, email == null ? null : String.valueOf(email));
            } catch (RuntimeException e) {
                LOG.warnf("Could not record a staff sighting (%s); the request goes on", e.getClass().getSimpleName());
            }
            return identity;
        });
    }
}
