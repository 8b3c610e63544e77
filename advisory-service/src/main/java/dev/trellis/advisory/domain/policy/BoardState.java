package dev.trellis.advisory.domain.policy;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A board as the policy sees it: every holding, past, present and future (past ones count for term
 * limits), and the facts of the partners the read model knows.
 */
public record BoardState(List<Holding> holdings, Map<UUID, PartnerFacts> partners) {
    public BoardState {
        holdings = List.copyOf(holdings);
        partners = Map.copyOf(partners);
    }

    /** Active members per tier: what entitlements are computed from. */
    public Map<String, Integer> membersPerTier() {
        Map<String, Integer> counts = new HashMap<>();
        for (PartnerFacts p : partners.values()) {
            if (p.active() && p.tier() != null) {
                counts.merge(p.tier(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * The companies a seat counts for under a cap. A seat held for a partner counts for its holder's
     * current employer when the holder works for exactly one known partner other than the seat's (the
     * holder moved), else for the seat's partner. A personal seat counts for each partner its holder
     * works for (CNCF TOC: a personal seat counts for the holder's employer's group); none if the holder
     * works for no partner the read model knows. Under {@link CapScope#COMPANY_GROUP} each counts as
     * its related-company group.
     */
    public Set<UUID> companiesOf(Holding h, CapScope scope) {
        Set<UUID> employers = h.holderEmployers() == null ? Set.of() : h.holderEmployers();
        Set<UUID> companies = new LinkedHashSet<>();
        if (h.partnerId() == null) {
            companies.addAll(employers);
        } else if (employers.size() == 1 && !employers.contains(h.partnerId())) {
            companies.addAll(employers);
        } else {
            companies.add(h.partnerId());
        }
        if (scope == CapScope.ORGANISATION) {
            return companies;
        }
        Set<UUID> groups = new LinkedHashSet<>();
        for (UUID company : companies) {
            PartnerFacts facts = partners.get(company);
            groups.add(facts == null ? company : facts.group());
        }
        return groups;
    }
}
