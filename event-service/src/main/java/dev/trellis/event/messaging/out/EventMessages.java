package dev.trellis.event.messaging.out;

import dev.trellis.contracts.event.AttendanceRecorded;
import dev.trellis.contracts.event.EventKind;
import dev.trellis.contracts.event.EventPublished;
import dev.trellis.contracts.event.RegistrationRecorded;
import dev.trellis.contracts.event.RegistrationStatus;
import dev.trellis.contracts.event.SponsorshipConfirmed;
import dev.trellis.event.domain.Event;
import dev.trellis.event.domain.Registration;
import dev.trellis.event.domain.Sponsorship;
import dev.trellis.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns event-service facts into the published contracts, through the outbox, in the caller's transaction.
 * Topic, type and key (the event id) come from the contracts' EventCatalog. A registration's email travels as its
 * domain only, never the address.
 */
@ApplicationScoped
public class EventMessages {
    private final Outbox outbox;

    public EventMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    public void published(Event event) {
        outbox.publish(new EventPublished(event.id, EventKind.valueOf(event.kind.name()), event.title, event.startsAt,
                event.endsAt, event.timeZone, event.userGroupId));
    }

    /** A registration was made or changed status (registered, waitlisted, cancelled). */
    public void registration(Registration r) {
        RegistrationStatus status = switch (r.status) {
            case WAITLISTED -> RegistrationStatus.WAITLISTED;
            case CANCELLED -> RegistrationStatus.CANCELLED;
            default -> RegistrationStatus.REGISTERED;
        };
        outbox.publish(new RegistrationRecorded(r.eventId, r.id, r.contactId, r.partnerId, status, r.emailDomain()));
    }

    /** A check-in ({@code attended}), or an undone check-in or a no-show (not attended). */
    public void attendance(Registration r, boolean attended) {
        outbox.publish(new AttendanceRecorded(r.eventId, r.id, r.contactId, r.partnerId, attended, r.emailDomain()));
    }

    public void sponsorshipConfirmed(Sponsorship s) {
        outbox.publish(new SponsorshipConfirmed(s.eventId, s.id, s.partnerId, s.level, s.amount.toPlainString(),
                s.currency));
    }

    /** This service's part of an erasure request is committed (with this transaction). */
    public void erasureCompleted(java.util.UUID requestId, java.util.UUID contactId, java.time.Instant at) {
        outbox.publish(new dev.trellis.contracts.event.ErasureCompleted(requestId, contactId, at));
    }
}
