package dev.trellis.event.service;

import dev.trellis.event.domain.PartnerView;
import dev.trellis.event.domain.Sponsorship;
import dev.trellis.event.domain.SponsorshipStatus;
import dev.trellis.event.messaging.out.EventMessages;
import dev.trellis.event.persistence.PartnerDirectory;
import dev.trellis.event.service.command.NewSponsorship;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.domain.RuleViolation;
import dev.trellis.platform.domain.StateConflict;
import dev.trellis.platform.domain.Versions;
import dev.trellis.platform.security.Caller;
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

    /** @throws RuleViolation {@code sponsor-not-active} for a partner that the read model does not know as active */
    @Transactional
    public Sponsorship propose(UUID eventId, NewSponsorship proposal) {
        events.get(eventId, Caller.SYSTEM);
        try {
            Currency.getInstance(proposal.currency());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("currency", "is not an ISO 4217 currency code");
        }
        PartnerView sponsor = activeSponsor(proposal.partnerId());
        Sponsorship s = new Sponsorship();
        s.id = UUID.randomUUID();
        s.eventId = eventId;
        s.partnerId = sponsor.partnerId;
        s.partnerName = sponsor.name;
        s.level = proposal.level();
        s.amount = proposal.amount().setScale(2);
        s.currency = proposal.currency();
        s.status = SponsorshipStatus.PROPOSED;
        s.persist();
        return s;
    }

    /**
     * Confirms a proposed sponsorship (the partner must still be active) and records sponsorship-confirmed.
     *
     * @throws StateConflict {@code sponsorship-not-proposed}
     * @throws RuleViolation {@code sponsor-not-active}
     */
    @Transactional
    public Sponsorship confirm(UUID eventId, UUID id, String ifMatch) {
        Sponsorship s = find(eventId, id, Caller.SYSTEM);
        Versions.requireMatch(ifMatch, s.version);
        s.requireProposed();
        activeSponsor(s.partnerId);
        s.confirm();
        messages.sponsorshipConfirmed(s);
        Sponsorship.flush();
        return s;
    }

    /** @throws StateConflict {@code sponsorship-cancelled} if it is cancelled already */
    @Transactional
    public Sponsorship cancel(UUID eventId, UUID id, String ifMatch) {
        Sponsorship s = find(eventId, id, Caller.SYSTEM);
        Versions.requireMatch(ifMatch, s.version);
        s.cancel();
        Sponsorship.flush();
        return s;
    }

    /**
     * An event's sponsorships; a partner user sees only its own, and a partner token without a valid partner_id
     * none. Few per event, so not paged.
     */
    @Transactional
    public List<Sponsorship> list(UUID eventId, Caller caller) {
        events.get(eventId, caller);
        if (caller.isStaff()) {
            return Sponsorship.list("eventId = ?1 order by createdAt, id", eventId);
        }
        if (caller.partnerId() == null) {
            return List.of();
        }
        return Sponsorship.list("eventId = ?1 and partnerId = ?2 order by createdAt, id", eventId, caller.partnerId());
    }

    /** One sponsorship; 404 for another partner's, so they do not leak. */
    @Transactional
    public Sponsorship find(UUID eventId, UUID id, Caller caller) {
        events.get(eventId, caller);
        return Sponsorship.<Sponsorship>findByIdOptional(id).filter(s -> s.eventId.equals(eventId))
                .filter(s -> caller.isStaff() || caller.actsFor(s.partnerId))
                .orElseThrow(() -> NotFound.of("Sponsorship", id));
    }

    private PartnerView activeSponsor(UUID partnerId) {
        PartnerView partner = partners.partner(partnerId).orElseThrow(() -> RuleViolation.of("sponsor-not-active",
                "Sponsor not active", "Partner " + partnerId + " is not known to be an active partner"));
        if (!partner.active()) {
            throw RuleViolation.of("sponsor-not-active", "Sponsor not active", partner.name + " is "
                    + partner.lifecycleStatus + ", not an active partner, so it cannot sponsor");
        }
        return partner;
    }
}
