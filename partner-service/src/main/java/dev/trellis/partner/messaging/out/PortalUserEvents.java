package dev.trellis.partner.messaging.out;

import dev.trellis.contracts.partner.PortalUserInvited;
import dev.trellis.contracts.partner.PortalUserRemoved;
import dev.trellis.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Portal user changes as published facts, through the outbox: ids only, no names, emails or passwords. */
@ApplicationScoped
public class PortalUserEvents {
    private final Outbox outbox;

    public PortalUserEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void invited(UUID partnerId, String userId, String invitedBy, Instant invitedAt) {
        outbox.publish(new PortalUserInvited(partnerId, UUID.fromString(userId), invitedBy, invitedAt));
    }

    public void removed(UUID partnerId, String userId, String removedBy, Instant removedAt) {
        outbox.publish(new PortalUserRemoved(partnerId, UUID.fromString(userId), removedBy, removedAt));
    }
}
