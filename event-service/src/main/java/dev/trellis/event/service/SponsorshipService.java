package dev.trellis.event.service;

import dev.trellis.contracts.partner.MembershipTerms;
import dev.trellis.event.domain.PartnerView;
import dev.trellis.event.domain.Sponsorship;
import dev.trellis.event.domain.SponsorshipStatus;
import dev.trellis.event.messaging.out.EventMessages;
import dev.trellis.event.persistence.PartnerDirectory;
import dev.trellis.event.persistence.SponsorshipQueries;
import dev.trellis.event.service.command.NewSponsorship;
import dev.trellis.platform.domain.BrokenRule;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.domain.RuleViolation;
import dev.trellis.platform.domain.StateConflict;
import dev.trellis.platform.domain.Versions;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sponsorships: proposed by the community team, confirmed later. A sponsor must be an active partner; to be
 * confirmed it must also be a member in good standing (current or in grace) on the day of confirmation.
 */
@ApplicationScoped
public class SponsorshipService {
    private final EventService events;
    private final PartnerDirectory partners;
    private final SponsorshipQueries queries;
    private final EventMessages messages;
    private final Clock clock;

    public SponsorshipService(EventService events, PartnerDirectory partners, SponsorshipQueries queries,
            EventMessages messages, Clock clock) {
        this.events = events;
        this.partners = partners;
        this.queries = queries;
        this.messages = messages;
        this.clock = clock;
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
     * Confirms a proposed sponsorship and records sponsorship-confirmed. The partner must still be active and be a
     * member (current or in grace) today; the sponsorship takes the partner's name as the read model has it now,
     * the name under which it was agreed.
     *
     * @throws StateConflict {@code sponsorship-not-proposed}
     * @throws RuleViolation {@code sponsor-not-active} or {@code sponsor-not-member}, listing every rule broken
     */
    @Transactional
    public Sponsorship confirm(UUID eventId, UUID id, String ifMatch) {
        Sponsorship s = find(eventId, id, Caller.SYSTEM);
        Versions.requireMatch(ifMatch, s.version);
        s.requireProposed();
        PartnerView sponsor = confirmableSponsor(s.partnerId, LocalDate.now(clock));
        s.partnerName = sponsor.name;
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
     * An event's sponsorships, oldest first, keyset-paged; a partner user sees only its own, and a partner token
     * without a valid partner_id none.
     */
    @Transactional
    public Page<Sponsorship> list(UUID eventId, PageRequest page, Caller caller) {
        events.get(eventId, caller);
        if (caller.isStaff()) {
            return queries.page(eventId, null, page);
        }
        if (caller.partnerId() == null) {
            return new Page<>(List.of(), null);
        }
        return queries.page(eventId, caller.partnerId(), page);
    }

    /** One sponsorship; 404 for another partner's, so they do not leak. */
    @Transactional
    public Sponsorship find(UUID eventId, UUID id, Caller caller) {
        events.get(eventId, caller);
        return Sponsorship.<Sponsorship>findByIdOptional(id).filter(s -> s.eventId.equals(eventId))
                .filter(s -> caller.isStaff() || caller.actsFor(s.partnerId))
                .orElseThrow(() -> NotFound.of("Sponsorship", id));
    }

    /**
     * The sponsor, if it may be confirmed on {@code day}: active, and a member in good standing by the membership
     * in force that day. Both rules are checked, and every one broken is listed.
     */
    private PartnerView confirmableSponsor(UUID partnerId, LocalDate day) {
        Optional<PartnerView> partner = partners.partner(partnerId);
        String who = partner.map(p -> p.name + " (" + partnerId + ")").orElse("Partner " + partnerId);
        List<BrokenRule> broken = new ArrayList<>();
        if (partner.isEmpty() || !partner.get().active()) {
            broken.add(new BrokenRule("sponsor-not-active", partner.isEmpty()
                    ? who + " is not known to be an active partner"
                    : who + " is " + partner.get().lifecycleStatus + ", not an active partner, so it cannot sponsor"));
        }
        Optional<MembershipTerms> membership = partners.membership(partnerId);
        if (membership.map(t -> !t.memberOn(day)).orElse(true)) {
            broken.add(new BrokenRule("sponsor-not-member", who + " " + notMember(membership, day)
                    + ", so it cannot be confirmed as a sponsor"));
        }
        if (broken.isEmpty()) {
            return partner.get();
        }
        if (broken.get(0).rule().equals("sponsor-not-active")) {
            throw new RuleViolation("sponsor-not-active", "Sponsor not active", broken);
        }
        throw new RuleViolation("sponsor-not-member", "Sponsor not a member", broken);
    }

    private static String notMember(Optional<MembershipTerms> terms, LocalDate day) {
        if (terms.isEmpty()) {
            return "has no membership";
        }
        MembershipTerms t = terms.get();
        return switch (t.statusOn(day, MembershipTerms.DEFAULT_NEW_MEMBER_MONTHS)) {
            case PENDING -> "has a membership that starts on " + t.termStart() + ", not yet on " + day;
            case EXPIRED -> "has a membership that expired: its term ended on " + t.termEnd()
                    + " and its grace period on " + t.lastGraceDay();
            default -> "is not a member on " + day;
        };
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
