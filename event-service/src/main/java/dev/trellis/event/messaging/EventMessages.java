package dev.trellis.event.messaging;

import dev.trellis.contracts.Topics;
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

/** Turns event-service facts into the published contracts, through the outbox; keyed by the event id. */
@ApplicationScoped
public class EventMessages {
    private final Outbox outbox;

    public EventMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    public void published(Event event) {
        outbox.record(Topics.EVENT, EventPublished.TYPE, event.id.toString(), new EventPublished(event.id,
                EventKind.valueOf(event.kind.name()), event.title, event.startsAt, event.endsAt, event.timeZone,
                event.userGroupId));
    }

    /** A registration was made or changed status (registered, waitlisted, cancelled). */
    public void registration(Registration r) {
        RegistrationStatus status = switch (r.status) {
            case WAITLISTED -> RegistrationStatus.WAITLISTED;
            case CANCELLED -> RegistrationStatus.CANCELLED;
            default -> RegistrationStatus.REGISTERED;
        };
        outbox.record(Topics.EVENT, RegistrationRecorded.TYPE, r.eventId.toString(),
                new RegistrationRecorded(r.eventId, r.id, r.contactId, r.partnerId, status));
    }

    /** A check-in ({@code attended}), or an undone check-in or a no-show (not attended). */
    public void attendance(Registration r, boolean attended) {
        outbox.record(Topics.EVENT, AttendanceRecorded.TYPE, r.eventId.toString(),
                new AttendanceRecorded(r.eventId, r.id, r.contactId, r.partnerId, attended));
    }

    public void sponsorshipConfirmed(Sponsorship s) {
        outbox.record(Topics.EVENT, SponsorshipConfirmed.TYPE, s.eventId.toString(), new SponsorshipConfirmed(
                s.eventId, s.id, s.partnerId, s.level, s.amount.toPlainString(), s.currency));
    }
}
