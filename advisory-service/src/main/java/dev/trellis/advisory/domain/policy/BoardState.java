package dev.trellis.advisory.domain.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * The company a seat counts for under a cap: the holder's current employer when the holder works
     * for exactly one known partner other than the seat's, else the seat's partner.
     */
    public UUID companyOf(Holding h, CapScope scope) {
        UUID company = h.partnerId();
        if (h.holderEmployers() != null && h.holderEmployers().size() == 1 && !h.holderEmployers().contains(h.partnerId())) {
            company = h.holderEmployers().iterator().next();
        }
        if (company == null || scope == CapScope.ORGANISATION) {
            return company;
        }
        PartnerFacts facts = partners.get(company);
        return facts == null ? company : facts.group();
    }
}
