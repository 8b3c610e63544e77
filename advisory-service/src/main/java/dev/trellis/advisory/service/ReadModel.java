package dev.trellis.advisory.service;

import dev.trellis.advisory.domain.AffiliationView;
import dev.trellis.advisory.domain.PartnerView;
import dev.trellis.advisory.domain.Seat;
import dev.trellis.advisory.domain.policy.BoardState;
import dev.trellis.advisory.domain.policy.Holding;
import dev.trellis.advisory.domain.policy.PartnerFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns the local read model of partners and affiliations, and a board's seats, into what the policy reads. */
@ApplicationScoped
public class ReadModel {

    /** Every known partner's facts: entitlements count all members of a tier, not only seated ones. */
    public Map<UUID, PartnerFacts> partners() {
        Map<UUID, PartnerFacts> facts = new HashMap<>();
        for (PartnerView p : PartnerView.<PartnerView>listAll()) {
            facts.put(p.partnerId, new PartnerFacts(p.partnerId, p.tier, p.activeMember(), p.parentPartnerId));
        }
        return facts;
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

    public Map<UUID, String> partnerNames(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>(); // null-tolerant lookups: personal seats have no partner
        if (ids.isEmpty()) {
            return names;
        }
        PartnerView.<PartnerView>list("partnerId in ?1", new HashSet<>(ids)).forEach(p -> names.put(p.partnerId, p.name));
        return names;
    }
}
