package dev.trellis.advisory.domain.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A board under construction for policy tests: partners by tier and group, and the seats they hold. */
final class Boards {
    static final LocalDate DAY = LocalDate.of(2026, 4, 1);

    private final Map<UUID, PartnerFacts> partners = new HashMap<>();
    private final List<Holding> holdings = new ArrayList<>();

    UUID member(String tier) {
        return member(tier, null);
    }

    UUID member(String tier, UUID group) {
        UUID id = UUID.randomUUID();
        partners.put(id, new PartnerFacts(id, tier, true, group));
        return id;
    }

    List<UUID> members(String tier, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(member(tier));
        }
        return ids;
    }

    UUID lapsed(String tier) {
        UUID id = UUID.randomUUID();
        partners.put(id, new PartnerFacts(id, tier, false, null));
        return id;
    }

    void changeTier(UUID partner, String tier) {
        PartnerFacts p = partners.get(partner);
        partners.put(partner, new PartnerFacts(partner, tier, p.active(), p.parentPartnerId()));
    }

    void lapse(UUID partner) {
        PartnerFacts p = partners.get(partner);
        partners.put(partner, new PartnerFacts(partner, p.tier(), false, p.parentPartnerId()));
    }

    Holding seat(String tier, UUID partner) {
        return hold(tierSeat(tier, partner));
    }

    Holding seat(SeatKind kind, UUID partner) {
        return hold(candidate(kind, partner));
    }

    Holding hold(Holding h) {
        Holding held = new Holding(UUID.randomUUID(), h.kind(), h.holderContactId(), h.partnerId(), h.tierBasis(), h.termStart(),
                h.termEnd(), h.holderEmployers());
        holdings.add(held);
        return held;
    }

    void replace(Holding old, Holding now) {
        holdings.remove(old);
        holdings.add(now);
    }

    BoardState state() {
        return new BoardState(holdings, partners);
    }

    static Holding tierSeat(String tier, UUID partner) {
        return new Holding(null, SeatKind.TIER_APPOINTED, UUID.randomUUID(), partner, tier, DAY, null, Set.of(partner));
    }

    static Holding candidate(SeatKind kind, UUID partner) {
        return new Holding(null, kind, UUID.randomUUID(), partner, null, DAY, null, partner == null ? null : Set.of(partner));
    }

    static Holding term(SeatKind kind, UUID partner, UUID holder, LocalDate start, LocalDate end) {
        return new Holding(null, kind, holder, partner, null, start, end, partner == null ? null : Set.of(partner));
    }

    static List<String> rules(List<Violation> violations) {
        return violations.stream().map(Violation::rule).toList();
    }
}
