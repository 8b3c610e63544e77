package dev.trellis.advisory.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What-if on the charter cases of domain.md §3: nothing stored, the engine's findings on the changed board. */
class HypothesisTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();
    static final UUID C = UUID.randomUUID();

    private static Holding seat(UUID partner, UUID holder, SeatKind kind) {
        return new Holding(UUID.randomUUID(), kind, holder, partner, kind == SeatKind.TIER_APPOINTED ? "PLATINUM" : null,
                DAY.minusYears(1), null, Set.of(partner));
    }

    private static Map<UUID, PartnerFacts> partners() {
        return Map.of(A, new PartnerFacts(A, "PLATINUM", true, null), B, new PartnerFacts(B, "PLATINUM", true, null),
                C, new PartnerFacts(C, "GOLD", true, null));
    }

    private static List<String> rules(SeatPolicy policy, BoardState state) {
        return SeatPolicyEngine.audit(policy, state, DAY).stream().map(SeatPolicyEngine.Finding::rule).toList();
    }

    @Test
    void aMergerBreaksTheCncfOneRepresentativePerGroupRule() {
        // CNCF §5(c): at most one governing-board member representative from any related-company group
        SeatPolicy gb = SeatPolicy.builder().tier(TierEntitlement.perMember("PLATINUM", 1)).cap(CompanyCap.perGroup(1)).build();
        BoardState today = new BoardState(List.of(seat(A, UUID.randomUUID(), SeatKind.TIER_APPOINTED),
                seat(B, UUID.randomUUID(), SeatKind.TIER_APPOINTED)), partners());
        assertEquals(List.of(), rules(gb, today), "today the board is fine");

        BoardState merged = new Hypothesis(List.of(new Hypothesis.Acquisition(A, B))).applyTo(today);
        List<String> broken = rules(gb, merged);
        assertTrue(broken.contains("company-group-cap"), broken.toString());
        assertEquals(A, merged.partners().get(B).group(), "B counts in A's group now");
        assertEquals(B, today.partners().get(B).group(), "the board as it stands is unchanged");
    }

    @Test
    void aTocHolderMovingToACompanyThatHasTwoAlreadyBreaksTheCap() {
        // CNCF §6: at most 2 TOC members from the same related-company group, re-checked on a change of employer
        SeatPolicy toc = SeatPolicy.builder().seats(SeatAllotment.fixed(SeatKind.ELECTED, 11)).totalSeats(11)
                .cap(CompanyCap.perGroup(2)).build();
        UUID mover = UUID.randomUUID();
        BoardState today = new BoardState(List.of(seat(A, UUID.randomUUID(), SeatKind.ELECTED), seat(A, UUID.randomUUID(), SeatKind.ELECTED),
                seat(C, mover, SeatKind.ELECTED)), partners());
        assertEquals(List.of(), rules(toc, today));

        List<String> broken = rules(toc, new Hypothesis(List.of(new Hypothesis.EmployerChange(mover, A))).applyTo(today));
        assertTrue(broken.contains("company-group-cap"), broken.toString());
    }

    @Test
    void aTierChangeDownwardsLeavesATierSeatWithoutItsEntitlement() {
        SeatPolicy gb = SeatPolicy.builder().tier(TierEntitlement.perMember("PLATINUM", 1)).build();
        BoardState today = new BoardState(List.of(seat(A, UUID.randomUUID(), SeatKind.TIER_APPOINTED)), partners());
        List<String> broken = rules(gb, new Hypothesis(List.of(new Hypothesis.TierChange(A, "SILVER"))).applyTo(today));
        assertTrue(!broken.isEmpty(), "a PLATINUM seat of a partner that is SILVER now is flagged");
    }
}
