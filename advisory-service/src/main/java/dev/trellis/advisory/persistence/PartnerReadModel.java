package dev.trellis.advisory.persistence;

import dev.trellis.advisory.domain.AffiliationView;
import dev.trellis.advisory.domain.MembershipEntry;
import dev.trellis.advisory.domain.PartnerView;
import dev.trellis.advisory.domain.Seat;
import dev.trellis.advisory.domain.policy.BoardState;
import dev.trellis.advisory.domain.policy.Holding;
import dev.trellis.advisory.domain.policy.MembershipHistory;
import dev.trellis.advisory.domain.policy.MembershipStatus;
import dev.trellis.advisory.domain.policy.PartnerFacts;
import dev.trellis.contracts.partner.MembershipChanged;
import dev.trellis.contracts.partner.MembershipTerms;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The local read model of partners, their memberships and affiliations ({@link PartnerView},
 * {@link MembershipEntry}, {@link AffiliationView}):
 * kept in step with partner-service's events by the upserts below, and read as what the seat policy
 * needs. Each upsert runs in the caller's transaction (the consumer's, with its inbox row).
 */
@ApplicationScoped
public class PartnerReadModel {
    /** The effective date of a membership assumed without dates: it holds from always. */
    static final LocalDate ALWAYS = LocalDate.of(1970, 1, 1);

    private final ContactReadModel contacts;
    private final Clock clock;

    public PartnerReadModel(ContactReadModel contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    // ---- upserts, from partner-service's events

    /** partner-registered / partner-changed: name, lifecycle status and related-company group. */
    public void partner(UUID id, String name, String lifecycleStatus, UUID parent, Instant at) {
        PartnerView view = PartnerView.findById(id);
        if (view == null) {
            view = new PartnerView();
            view.partnerId = id;
        }
        view.name = name;
        view.lifecycleStatus = lifecycleStatus;
        view.parentPartnerId = parent;
        view.updatedAt = at;
        view.persist();
    }

    /**
     * membership-changed: one more change in the partner's history, with the membership's terms after it (see
     * {@link MembershipHistory}; an event sent before terms were carried is read against the terms before it).
     * An assumed membership (demo data, or what was known before dates were kept) gives way to the first real one.
     */
    public void membership(MembershipChanged m, Instant at) {
        view(m.partnerId(), at);
        LocalDate recordedOn = LocalDate.ofInstant(at, clock.getZone());
        MembershipEntry.delete("partnerId = ?1 and assumed = true", m.partnerId());
        MembershipTerms before = MembershipEntry.<MembershipEntry>find("partnerId = ?1 order by seq desc", m.partnerId())
                .firstResultOptional().map(MembershipEntry::terms).orElse(null);
        MembershipEntry e = new MembershipEntry();
        e.partnerId = m.partnerId();
        e.membershipId = m.membershipId();
        e.change = m.change() == null ? "CHANGED" : m.change().name();
        e.tier = m.tier();
        e.reportedStatus = m.status() == null ? null : m.status().name();
        e.termStart = m.termStart();
        e.termEnd = m.termEnd();
        e.graceDays = m.graceDays();
        e.autoRenew = m.autoRenew();
        e.terms(m.termsAfter(before, recordedOn));
        e.effectiveDate = m.effectiveDate() == null ? recordedOn : m.effectiveDate();
        e.recordedOn = recordedOn;
        e.recordedAt = at;
        e.persist();
    }

    /** partner-lapsed ({@code LAPSED}) / partner-reactivated ({@code ACTIVE}). */
    public void lifecycle(UUID id, String lifecycleStatus, Instant at) {
        view(id, at).lifecycleStatus = lifecycleStatus;
    }

    /**
     * affiliation-started ({@code end} null) / affiliation-ended. A late affiliation-started does not
     * reopen an affiliation that has ended. The contact it names exists; an erased contact's
     * affiliations are not kept.
     */
    public void affiliation(UUID id, UUID contact, UUID partner, String role, LocalDate start, LocalDate end, Instant at) {
        if (!contacts.mentioned(contact, at)) {
            return;
        }
        AffiliationView a = AffiliationView.findById(id);
        if (a == null) {
            a = new AffiliationView();
            a.affiliationId = id;
        } else if (a.endDate != null && end == null) {
            return;
        }
        a.contactId = contact;
        a.partnerId = partner;
        a.role = role;
        a.startDate = start;
        a.endDate = end;
        a.updatedAt = at;
        a.persist();
    }

    /**
     * A partner the read model does not know yet, as an active current member of {@code tier}; one it
     * knows without a membership gets it too. partner-service's events, when they come, replace the
     * assumption. For the demo data, which must not wait for those events.
     */
    public void assumeMember(UUID id, String name, String tier, Instant at) {
        PartnerView view = PartnerView.findById(id);
        if (view == null) {
            view = new PartnerView();
            view.partnerId = id;
            view.name = name;
            view.lifecycleStatus = "ACTIVE";
            view.updatedAt = at;
            view.persist();
        }
        if (MembershipEntry.count("partnerId", id) == 0) {
            MembershipEntry e = new MembershipEntry();
            e.partnerId = id;
            e.change = MembershipEntry.ASSUMED;
            e.tier = tier;
            e.reportedStatus = MembershipStatus.CURRENT.name();
            e.effectiveDate = ALWAYS;
            e.recordedOn = LocalDate.ofInstant(at, clock.getZone());
            e.recordedAt = at;
            e.assumed = true;
            e.persist();
        }
    }

    /** The partner's view, created bare if a membership or lapse arrives before its registration. */
    private static PartnerView view(UUID id, Instant at) {
        PartnerView view = PartnerView.findById(id);
        if (view == null) {
            view = new PartnerView();
            view.partnerId = id;
            view.lifecycleStatus = "ACTIVE";
            view.persist();
        }
        view.updatedAt = at;
        return view;
    }

    // ---- reads, for the seat policy and the reports

    /** Every known partner's facts on {@code day}: entitlements count all members of a tier, not only seated ones. */
    public Map<UUID, PartnerFacts> partners(LocalDate day) {
        Map<UUID, List<MembershipHistory.Change>> changes = new HashMap<>();
        for (MembershipEntry e : MembershipEntry.<MembershipEntry>listAll()) {
            changes.computeIfAbsent(e.partnerId, p -> new ArrayList<>()).add(e.asChange());
        }
        Map<UUID, PartnerFacts> facts = new HashMap<>();
        for (PartnerView p : PartnerView.<PartnerView>listAll()) {
            MembershipHistory history = new MembershipHistory(changes.getOrDefault(p.partnerId, List.of()));
            facts.put(p.partnerId, facts(p, history, day));
        }
        return facts;
    }

    /** The partner's membership history, for its facts on any day. */
    public MembershipHistory membership(UUID partner) {
        return new MembershipHistory(MembershipEntry.<MembershipEntry>list("partnerId", partner).stream()
                .map(MembershipEntry::asChange).toList());
    }

    /** A partner on {@code day}: its tier then, and whether it is a current member then (and not lapsed). */
    static PartnerFacts facts(PartnerView p, MembershipHistory history, LocalDate day) {
        return new PartnerFacts(p.partnerId, history.tierOn(day), p.lifecycleActive() && history.memberOn(day), p.parentPartnerId);
    }

    /** The views of these partners, by id; the ones the read model does not know are absent. */
    public Map<UUID, PartnerView> partners(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return new HashMap<>();
        }
        return PartnerView.<PartnerView>list("partnerId in ?1", new HashSet<>(ids)).stream()
                .collect(Collectors.toMap(p -> p.partnerId, p -> p));
    }

    /** The partners each contact works for on {@code day}; a contact the read model knows nothing of is absent. */
    public Map<UUID, Set<UUID>> employers(Collection<UUID> contacts, LocalDate day) {
        Map<UUID, Set<UUID>> employers = new HashMap<>();
        if (contacts.isEmpty()) {
            return employers;
        }
        for (AffiliationView a : AffiliationView.<AffiliationView>list("contactId in ?1", new HashSet<>(contacts))) {
            Set<UUID> of = employers.computeIfAbsent(a.contactId, c -> new HashSet<>());
            if (a.activeOn(day)) {
                of.add(a.partnerId);
            }
        }
        return employers;
    }

    /** A board's seats (those ever held) and the partners, as the policy sees them on {@code day}. */
    public BoardState state(List<Seat> seats, LocalDate day) {
        List<Seat> held = seats.stream().filter(s -> !s.neverHeld()).toList();
        Map<UUID, Set<UUID>> employers = employers(held.stream().map(s -> s.holderContactId).collect(Collectors.toSet()), day);
        List<Holding> holdings = held.stream().map(s -> s.holding(employers.get(s.holderContactId))).toList();
        return new BoardState(holdings, partners(day));
    }

    /** Partners' names by id; null-tolerant lookups, since personal seats have no partner. */
    public Map<UUID, String> partnerNames(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        partners(ids).values().forEach(p -> names.put(p.partnerId, p.name));
        return names;
    }
}
