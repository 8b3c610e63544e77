package dev.trellis.partner.service;

import dev.trellis.partner.domain.Partner;
import dev.trellis.partner.domain.PortalInvitation;
import dev.trellis.partner.domain.PortalUser;
import dev.trellis.partner.messaging.PortalUserEvents;
import dev.trellis.platform.http.Cursor;
import dev.trellis.platform.http.PageRequest;
import dev.trellis.platform.http.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Partner portal users: Keycloak accounts with realm role {@code partner} and the attribute {@code partner_id}.
 * Keycloak and the outbox cannot share a transaction. An invitation creates the user first and then records
 * {@code portal-user-invited.v1}; if that write fails, the user is deleted again, so there is never a user without
 * its event. A removal deletes the user inside the transaction that records {@code portal-user-removed.v1}: if
 * Keycloak refuses, nothing is recorded; only a commit failure after the delete loses the event (logged).
 */
@ApplicationScoped
public class PortalUserService {
    static final int PASSWORD_LENGTH = 20;
    /** No look-alikes (0/O, 1/l/I), so the password survives being read out or copied by hand. */
    private static final char[] PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.!".toCharArray();
    private static final Comparator<PortalUser> ORDER =
            Comparator.comparing(PortalUser::username).thenComparing(PortalUser::id);

    private static final Logger LOG = Logger.getLogger(PortalUserService.class);

    private final KeycloakPortalDirectory directory;
    private final PortalUserEvents events;
    private final SecureRandom random = new SecureRandom();

    public PortalUserService(KeycloakPortalDirectory directory, PortalUserEvents events) {
        this.directory = directory;
        this.events = events;
    }

    /**
     * Creates the account with a one-time password and the required action UPDATE_PASSWORD. If the role cannot be
     * assigned, the half-made account is removed again.
     */
    @RolesAllowed("community-team")
    public PortalInvitation invite(UUID partnerId, String email, String firstName, String lastName, String invitedBy) {
        requirePartner(partnerId);
        String username = email.strip().toLowerCase(Locale.ROOT);
        String password = temporaryPassword();
        String userId = directory.create(partnerId.toString(), username, firstName.strip(), lastName.strip(), password)
                .orElseThrow(() -> ProblemException.conflict("portal-user-exists", "Portal user exists",
                        "A user with this email already exists"));
        try {
            directory.grantPartnerRole(userId);
            QuarkusTransaction.requiringNew().run(() -> events.invited(partnerId, userId, invitedBy, Instant.now()));
        } catch (RuntimeException e) {
            try {
                directory.delete(userId);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        PortalUser user = directory.find(partnerId.toString(), userId)
                .orElseThrow(() -> new ProblemException(502, "identity-provider-refused", "Identity provider refused",
                        "Keycloak did not return the user it just created"));
        return new PortalInvitation(user, password);
    }

    /** One page of the partner's portal users by (username, id). */
    @RolesAllowed({"community-team", "foundation-staff"})
    public List<PortalUser> list(UUID partnerId, PageRequest page) {
        requirePartner(partnerId);
        Cursor after = page.decodedCursor(2);
        return directory.byPartner(partnerId.toString()).stream()
                .filter(user -> after == null || ORDER.compare(user, keyOf(after)) > 0)
                .sorted(ORDER)
                .limit(page.fetchSize())
                .toList();
    }

    @RolesAllowed({"community-team", "foundation-staff"})
    public PortalUser get(UUID partnerId, String userId) {
        requirePartner(partnerId);
        return directory.find(partnerId.toString(), userId)
                .orElseThrow(() -> ProblemException.notFound("Portal user", userId));
    }

    /** Removes the account; 404 unless it belongs to this partner. */
    @RolesAllowed("community-team")
    public void remove(UUID partnerId, String userId, String removedBy) {
        requirePartner(partnerId);
        if (directory.find(partnerId.toString(), userId).isEmpty()) {
            throw ProblemException.notFound("Portal user", userId);
        }
        boolean[] deleted = {false};
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                events.removed(partnerId, userId, removedBy, Instant.now());
                deleted[0] = directory.delete(userId);
                if (!deleted[0]) {
                    throw ProblemException.notFound("Portal user", userId);
                }
            });
        } catch (RuntimeException e) {
            if (deleted[0]) {
                LOG.errorf(e, "Portal user %s of partner %s was deleted but portal-user-removed was not recorded", userId, partnerId);
            }
            throw e;
        }
    }

    public static Cursor cursorOf(PortalUser user) {
        return Cursor.of(user.username(), UUID.fromString(user.id()));
    }

    private static PortalUser keyOf(Cursor cursor) {
        return new PortalUser(cursor.uuid(1).toString(), cursor.key(0), null, null, false, null);
    }

    private static void requirePartner(UUID partnerId) {
        boolean exists = QuarkusTransaction.requiringNew().call(() -> Partner.findById(partnerId) != null);
        if (!exists) {
            throw ProblemException.notFound("Partner", partnerId);
        }
    }

    String temporaryPassword() {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET[random.nextInt(PASSWORD_ALPHABET.length)]);
        }
        return password.toString();
    }
}
