package dev.trellis.partner.service;

import dev.trellis.partner.config.PortalConfig;
import dev.trellis.partner.domain.Partner;
import dev.trellis.partner.domain.PortalUser;
import dev.trellis.partner.messaging.out.PortalUserEvents;
import dev.trellis.partner.service.command.InvitePortalUser;
import dev.trellis.platform.audit.AuditChanges;
import dev.trellis.platform.audit.AuditTrail;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.domain.StateConflict;
import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Partner portal users: Keycloak accounts in the group {@code partner-users} (which gives the realm role
 * {@code partner}) with the attribute {@code partner_id}, set when the account is created and never changed here.
 * Keycloak and the outbox cannot share a transaction. An invitation creates the user first, has Keycloak mail them
 * the link to set their password, and then records {@code portal-user-invited.v1}; if the mail or that write fails,
 * the user is deleted again, so there is never a user without
 * its event. A removal deletes the user inside the transaction that records {@code portal-user-removed.v1}: if
 * Keycloak refuses, nothing is recorded; only a commit failure after the delete loses the event (logged).
 * Keycloak's own failures are {@link IdentityProviderFailure}s.
 */
@ApplicationScoped
public class PortalUserService {
    private static final Comparator<PortalUser> ORDER =
            Comparator.comparing(PortalUser::username).thenComparing(PortalUser::id);

    private static final Logger LOG = Logger.getLogger(PortalUserService.class);

    private final KeycloakPortalDirectory directory;
    private final PortalUserEvents events;
    private final Clock clock;
    private final PortalConfig config;
    private final AuditTrail audit;

    public PortalUserService(KeycloakPortalDirectory directory, PortalUserEvents events, Clock clock, PortalConfig config,
            AuditTrail audit) {
        this.directory = directory;
        this.config = config;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Creates the account, already a member of {@code partner-users}, without a password and with the required
     * action UPDATE_PASSWORD, and has Keycloak mail the user its link to set one ({@link PortalConfig#invitationLifespan()}).
     * If the mail cannot be sent or the event cannot be recorded, the account is removed again. The caller is recorded
     * as the one who invited.
     */
    public PortalUser invite(UUID partnerId, InvitePortalUser command, Caller caller) {
        String invitedBy = caller.requireUsername();
        requirePartner(partnerId);
        String username = command.email().strip().toLowerCase(Locale.ROOT);
        String userId = directory.create(partnerId.toString(), username, command.firstName().strip(),
                        command.lastName().strip())
                .orElseThrow(() -> StateConflict.of("portal-user-exists", "Portal user exists",
                        "A user with this email already exists"));
        try {
            directory.sendInvitation(userId, config.invitationLifespan());
            QuarkusTransaction.requiringNew().run(() -> {
                events.invited(partnerId, userId, invitedBy, Instant.now(clock));
                audit.record("portal-user", userId, "invited", AuditChanges.of().field("partnerId", null, partnerId)
                        .masked("email").masked("firstName").masked("lastName"));
            });
        } catch (RuntimeException e) {
            try {
                directory.delete(userId);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return directory.find(partnerId.toString(), userId)
                .orElseThrow(() -> IdentityProviderFailure.refused("Keycloak did not return the user it just created"));
    }

    /** One page of the partner's portal users by (username, id). */
    public Page<PortalUser> list(UUID partnerId, PageRequest page) {
        requirePartner(partnerId);
        Cursor after = page.decodedCursor(2);
        List<PortalUser> fetched = directory.byPartner(partnerId.toString()).stream()
                .filter(user -> after == null || ORDER.compare(user, keyOf(after)) > 0)
                .sorted(ORDER)
                .limit(page.fetchSize())
                .toList();
        return Page.of(fetched, page, PortalUserService::cursorOf, u -> u);
    }

    public PortalUser get(UUID partnerId, String userId) {
        requirePartner(partnerId);
        return directory.find(partnerId.toString(), userId).orElseThrow(() -> NotFound.of("Portal user", userId));
    }

    /** Removes the account; 404 unless it belongs to this partner. The caller is recorded as the one who removed it. */
    public void remove(UUID partnerId, String userId, Caller caller) {
        String removedBy = caller.requireUsername();
        requirePartner(partnerId);
        if (directory.find(partnerId.toString(), userId).isEmpty()) {
            throw NotFound.of("Portal user", userId);
        }
        boolean[] deleted = {false};
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                events.removed(partnerId, userId, removedBy, Instant.now(clock));
                audit.record("portal-user", userId, "removed", AuditChanges.of().field("partnerId", partnerId, null));
                deleted[0] = directory.delete(userId);
                if (!deleted[0]) {
                    throw NotFound.of("Portal user", userId);
                }
            });
        } catch (RuntimeException e) {
            if (deleted[0]) {
                LOG.errorf(e, "Portal user %s of partner %s was deleted but portal-user-removed was not recorded", userId, partnerId);
            }
            throw e;
        }
    }

    private static Cursor cursorOf(PortalUser user) {
        return Cursor.of(user.username(), UUID.fromString(user.id()));
    }

    private static PortalUser keyOf(Cursor cursor) {
        return new PortalUser(cursor.uuid(1).toString(), cursor.key(0), null, null, false, null);
    }

    private static void requirePartner(UUID partnerId) {
        boolean exists = QuarkusTransaction.requiringNew().call(() -> Partner.findById(partnerId) != null);
        if (!exists) {
            throw NotFound.of("Partner", partnerId);
        }
    }
}
