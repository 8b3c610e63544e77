package dev.trellis.advisory.persistence;

import dev.trellis.advisory.domain.AffiliationView;
import dev.trellis.advisory.domain.PartnerView;
import dev.trellis.advisory.domain.Seat;
import dev.trellis.advisory.domain.policy.BoardState;
import dev.trellis.advisory.domain.policy.Holding;
import dev.trellis.advisory.domain.policy.PartnerFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The local read model of partners and affiliations ({@link PartnerView}, {@link AffiliationView}):
 * kept in step with partner-service's events by the upserts below, and read as what the seat policy
 * needs. Each upsert runs in the caller's transaction (the consumer's, with its inbox row).
 */
@ApplicationScoped
public class PartnerReadModel {

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

    /** membership-changed: the tier and the membership's status. */
    public void membership(UUID id, String tier, String membershipStatus, Instant at) {
        PartnerView view = view(id, at);
        view.tier = tier;
        view.membershipStatus = membershipStatus;
    }

    /** partner-lapsed ({@code LAPSED}) / partner-reactivated ({@code ACTIVE}). */
    public void lifecycle(UUID id, String lifecycleStatus, Instant at) {
        view(id, at).lifecycleStatus = lifecycleStatus;
    }

    /**
     * affiliation-started ({@code end} null) / affiliation-ended. A late affiliation-started does not
     * reopen an affiliation that has ended.
     */
    public void affiliation(UUID id, UUID contact, UUID partner, String role, LocalDate start, LocalDate end, Instant at) {
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
     * knows without a tier gets it too. Partner-service's events, when they come, overwrite both. For
     * the demo data, which must not wait for those events.
     */
    public void assumeMember(UUID id, String name, String tier, Instant at) {
        PartnerView view = PartnerView.findById(id);
        if (view == null) {
            view = new PartnerView();
            view.partnerId = id;
            view.name = name;
            view.lifecycleStatus = "ACTIVE";
            view.tier = tier;
            view.membershipStatus = "CURRENT";
            view.updatedAt = at;
            view.persist();
        } else if (view.tier == null) {
            view.tier = tier;
            view.membershipStatus = "CURRENT";
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

    /** Every known partner's facts: entitlements count all members of a tier, not only seated ones. */
    public Map<UUID, PartnerFacts> partners() {
        Map<UUID, PartnerFacts> facts = new HashMap<>();
        for (PartnerView p : PartnerView.<PartnerView>listAll()) {
            facts.put(p.partnerId, new PartnerFacts(p.partnerId, p.tier, p.activeMember(), p.parentPartnerId));
        }
        return facts;
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
        return new BoardState(holdings, partners());
    }

    /** Partners' names by id; null-tolerant lookups, since personal seats have no partner. */
    public Map<UUID, String> partnerNames(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        partners(ids).values().forEach(p -> names.put(p.partnerId, p.name));
        return names;
    }
}
