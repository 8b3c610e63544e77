package dev.trellis.event.service;

import dev.trellis.event.domain.EventRuleException;
import dev.trellis.event.domain.PartnerView;
import dev.trellis.event.domain.Sponsorship;
import dev.trellis.event.domain.SponsorshipStatus;
import dev.trellis.event.messaging.EventMessages;
import dev.trellis.event.rest.dto.SponsorshipRequest;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** Sponsorships: proposed by the community team, confirmed later; sponsors must be active partners. */
@ApplicationScoped
public class SponsorshipService {
    private final EventService events;
    private final PartnerDirectory partners;
    private final EventMessages messages;

    public SponsorshipService(EventService events, PartnerDirectory partners, EventMessages messages) {
        this.events = events;
        this.partners = partners;
        this.messages = messages;
    }

    /** @throws EventRuleException for a partner that the read model does not know as active */
    @Transactional
    public Sponsorship propose(UUID eventId, SponsorshipRequest request) {
        events.get(eventId, Caller.SYSTEM);
        try {
            Currency.getInstance(request.currency());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("currency", "is not an ISO 4217 currency code");
        }
        PartnerView sponsor = activeSponsor(request.partnerId());
        Sponsorship s = new Sponsorship();
        s.id = UUID.randomUUID();
        s.eventId = eventId;
        s.partnerId = sponsor.partnerId;
        s.partnerName = sponsor.name;
        s.level = request.level();
        s.amount = request.amount().setScale(2);
        s.currency = request.currency();
        s.status = SponsorshipStatus.PROPOSED;
        s.persist();
        return s;
    }

    /** Confirms a proposed sponsorship (the partner must still be active) and records sponsorship-confirmed. */
    @Transactional
    public Sponsorship confirm(UUID eventId, UUID id, String ifMatch) {
        Sponsorship s = find(eventId, id, Caller.SYSTEM);
        EntityTags.requireMatch(ifMatch, s.version);
        if (s.status != SponsorshipStatus.PROPOSED) {
            throw new EventRuleException("sponsorship-not-proposed", "A " + s.status + " sponsorship cannot be confirmed");
        }
        activeSponsor(s.partnerId);
        s.status = SponsorshipStatus.CONFIRMED;
        messages.sponsorshipConfirmed(s);
        Sponsorship.flush();
        return s;
    }

    @Transactional
    public Sponsorship cancel(UUID eventId, UUID id, String ifMatch) {
        Sponsorship s = find(eventId, id, Caller.SYSTEM);
        EntityTags.requireMatch(ifMatch, s.version);
        if (s.status == SponsorshipStatus.CANCELLED) {
            throw new EventRuleException("sponsorship-cancelled", "The sponsorship is cancelled already");
        }
        s.status = SponsorshipStatus.CANCELLED;
        Sponsorship.flush();
        return s;
    }

    /** An event's sponsorships; a partner user sees only its own. Few per event, so not paged. */
    @Transactional
    public List<Sponsorship> list(UUID eventId, Caller caller) {
        events.get(eventId, caller);
        if (caller.seesAll()) {
            return Sponsorship.list("eventId = ?1 order by createdAt, id", eventId);
        }
        return Sponsorship.list("eventId = ?1 and partnerId = ?2 order by createdAt, id", eventId, caller.partnerId());
    }

    @Transactional
    public Sponsorship find(UUID eventId, UUID id, Caller caller) {
        events.get(eventId, caller);
        return Sponsorship.<Sponsorship>findByIdOptional(id).filter(s -> s.eventId.equals(eventId))
                .filter(s -> caller.seesAll() || caller.actsFor(s.partnerId))
                .orElseThrow(() -> ProblemException.notFound("Sponsorship", id));
    }

    private PartnerView activeSponsor(UUID partnerId) {
        PartnerView partner = partners.partner(partnerId).orElseThrow(() -> new EventRuleException("sponsor-not-active",
                "Partner " + partnerId + " is not known to be an active partner"));
        if (!partner.active()) {
            throw new EventRuleException("sponsor-not-active", partner.name + " is " + partner.lifecycleStatus
                    + ", not an active partner, so it cannot sponsor");
        }
        return partner;
    }
}
