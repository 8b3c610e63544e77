package dev.trellis.contracts;

import dev.trellis.contracts.advisory.BoardCompositionChanged;
import dev.trellis.contracts.advisory.BoardMeetingHeld;
import dev.trellis.contracts.advisory.BoardMeetingScheduled;
import dev.trellis.contracts.advisory.SeatAssigned;
import dev.trellis.contracts.advisory.SeatFlagged;
import dev.trellis.contracts.advisory.SeatVacated;
import dev.trellis.contracts.advisory.VotingRestored;
import dev.trellis.contracts.advisory.VotingSuspended;
import dev.trellis.contracts.event.AttendanceRecorded;
import dev.trellis.contracts.event.EventPublished;
import dev.trellis.contracts.event.RegistrationRecorded;
import dev.trellis.contracts.event.SponsorshipConfirmed;
import dev.trellis.contracts.partner.AffiliationEnded;
import dev.trellis.contracts.partner.AffiliationStarted;
import dev.trellis.contracts.partner.ContactEmailChanged;
import dev.trellis.contracts.partner.ContactErased;
import dev.trellis.contracts.partner.ContactRegistered;
import dev.trellis.contracts.partner.GuestErasureRequested;
import dev.trellis.contracts.partner.MembershipChanged;
import dev.trellis.contracts.partner.NextStepChanged;
import dev.trellis.contracts.partner.PartnerChanged;
import dev.trellis.contracts.partner.PartnerLapsed;
import dev.trellis.contracts.partner.PartnerReactivated;
import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.contracts.partner.PortalUserInvited;
import dev.trellis.contracts.partner.PortalUserRemoved;
import dev.trellis.contracts.partner.TouchpointLogged;
import java.util.List;
import java.util.Optional;

/**
 * Every event type Trellis services exchange. A type that is not listed here does not exist:
 * the tests check that each entry has a schema and an example, and that nothing else does.
 */
public final class EventCatalog {

    private static final List<EventType> ALL = List.of(
            // partner-service: keyed by partner, so each partner's events stay ordered.
            new EventType(PartnerRegistered.TYPE, Topics.PARTNER, PartnerRegistered.class, "partnerId"),
            new EventType(PartnerChanged.TYPE, Topics.PARTNER, PartnerChanged.class, "partnerId"),
            new EventType(PartnerLapsed.TYPE, Topics.PARTNER, PartnerLapsed.class, "partnerId"),
            new EventType(PartnerReactivated.TYPE, Topics.PARTNER, PartnerReactivated.class, "partnerId"),
            new EventType(MembershipChanged.TYPE, Topics.PARTNER, MembershipChanged.class, "partnerId"),
            new EventType(AffiliationStarted.TYPE, Topics.PARTNER, AffiliationStarted.class, "partnerId"),
            new EventType(AffiliationEnded.TYPE, Topics.PARTNER, AffiliationEnded.class, "partnerId"),
            new EventType(TouchpointLogged.TYPE, Topics.PARTNER, TouchpointLogged.class, "partnerId"),
            new EventType(NextStepChanged.TYPE, Topics.PARTNER, NextStepChanged.class, "partnerId"),
            new EventType(PortalUserInvited.TYPE, Topics.PARTNER, PortalUserInvited.class, "partnerId"),
            new EventType(PortalUserRemoved.TYPE, Topics.PARTNER, PortalUserRemoved.class, "partnerId"),
            // A contact may be affiliated with several partners (or none), so its own events are keyed by contact.
            new EventType(ContactRegistered.TYPE, Topics.PARTNER, ContactRegistered.class, "contactId"),
            new EventType(ContactEmailChanged.TYPE, Topics.PARTNER, ContactEmailChanged.class, "contactId"),
            new EventType(ContactErased.TYPE, Topics.PARTNER, ContactErased.class, "contactId"),
            // An erasure of an address without a contact is keyed by its request.
            new EventType(GuestErasureRequested.TYPE, Topics.PARTNER, GuestErasureRequested.class, "requestId"),
            // advisory-service: keyed by board, so seat changes and meetings of a board stay ordered.
            new EventType(SeatAssigned.TYPE, Topics.ADVISORY, SeatAssigned.class, "boardId"),
            new EventType(SeatVacated.TYPE, Topics.ADVISORY, SeatVacated.class, "boardId"),
            new EventType(SeatFlagged.TYPE, Topics.ADVISORY, SeatFlagged.class, "boardId"),
            new EventType(VotingSuspended.TYPE, Topics.ADVISORY, VotingSuspended.class, "boardId"),
            new EventType(VotingRestored.TYPE, Topics.ADVISORY, VotingRestored.class, "boardId"),
            new EventType(BoardMeetingScheduled.TYPE, Topics.ADVISORY, BoardMeetingScheduled.class, "boardId"),
            new EventType(BoardMeetingHeld.TYPE, Topics.ADVISORY, BoardMeetingHeld.class, "boardId"),
            new EventType(BoardCompositionChanged.TYPE, Topics.ADVISORY, BoardCompositionChanged.class, "boardId"),
            // Each service's confirmation of its part of an erasure request, keyed by the request.
            new EventType(dev.trellis.contracts.advisory.ErasureCompleted.TYPE, Topics.ADVISORY,
                    dev.trellis.contracts.advisory.ErasureCompleted.class, "requestId"),
            // event-service: keyed by event.
            new EventType(EventPublished.TYPE, Topics.EVENT, EventPublished.class, "eventId"),
            new EventType(RegistrationRecorded.TYPE, Topics.EVENT, RegistrationRecorded.class, "eventId"),
            new EventType(AttendanceRecorded.TYPE, Topics.EVENT, AttendanceRecorded.class, "eventId"),
            new EventType(SponsorshipConfirmed.TYPE, Topics.EVENT, SponsorshipConfirmed.class, "eventId"),
            new EventType(dev.trellis.contracts.event.ErasureCompleted.TYPE, Topics.EVENT,
                    dev.trellis.contracts.event.ErasureCompleted.class, "requestId"),
            // insights-service publishes nothing but its erasure confirmations.
            new EventType(dev.trellis.contracts.insights.ErasureCompleted.TYPE, Topics.INSIGHTS,
                    dev.trellis.contracts.insights.ErasureCompleted.class, "requestId"));

    private EventCatalog() {
    }

    public static List<EventType> all() {
        return ALL;
    }

    public static Optional<EventType> byType(String type) {
        return ALL.stream().filter(e -> e.type().equals(type)).findFirst();
    }

    public static Optional<EventType> byPayload(Class<?> payload) {
        return ALL.stream().filter(e -> e.payload().equals(payload)).findFirst();
    }
}
