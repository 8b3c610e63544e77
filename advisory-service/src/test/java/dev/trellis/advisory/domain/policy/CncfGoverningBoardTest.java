package dev.trellis.advisory.domain.policy;

import static dev.trellis.advisory.domain.policy.Boards.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CNCF charter §4 (seats per tier) and §5(c) (one representative per related-company group). */
class CncfGoverningBoardTest {
    static final SeatPolicy POLICY = SeatPolicy.builder()
            .tier(TierEntitlement.perMember("PLATINUM", 1))
            .tier(TierEntitlement.ratio("GOLD", 5, 3))
            .tier(TierEntitlement.ratio("SILVER", 10, 3))
            .cap(CompanyCap.perGroup(1))
            .build();

    @ParameterizedTest(name = "{0} Gold members elect {1} seat(s)")
    @CsvSource({"0,0", "4,0", "5,1", "9,1", "10,2", "14,2", "15,3", "16,3", "40,3"})
    void goldSeatsAreOnePerFiveAtMostThree(int members, int seats) {
        assertEquals(seats, POLICY.tier("GOLD").orElseThrow().seats(members));
    }

    @ParameterizedTest(name = "{0} Silver members elect {1} seat(s)")
    @CsvSource({"9,0", "10,1", "19,1", "20,2", "30,3", "31,3", "100,3"})
    void silverSeatsAreOnePerTenAtMostThree(int members, int seats) {
        assertEquals(seats, POLICY.tier("SILVER").orElseThrow().seats(members));
    }

    @Test
    void eachPlatinumMemberAppointsOneSeat() {
        Boards board = new Boards();
        UUID platinum = board.member("PLATINUM");
        assertEquals(List.of(), SeatPolicyEngine.check(POLICY, board.state(), Boards.tierSeat("PLATINUM", platinum)));
    }

    @Test
    void aPlatinumMemberCannotAppointASecondSeat() {
        Boards board = new Boards();
        UUID platinum = board.member("PLATINUM");
        board.member("PLATINUM");
        board.seat("PLATINUM", platinum);
        assertTrue(rules(SeatPolicyEngine.check(POLICY, board.state(), Boards.tierSeat("PLATINUM", platinum)))
                .contains("tier-entitlement"));
    }

    @Test
    void fourGoldMembersHaveNoSeat() {
        Boards board = new Boards();
        List<UUID> gold = board.members("GOLD", 4);
        assertEquals(List.of("tier-entitlement"), rules(SeatPolicyEngine.check(POLICY, board.state(), Boards.tierSeat("GOLD", gold.get(0)))));
    }

    @Test
    void fiveGoldMembersFillOneSeatButNotTwo() {
        Boards board = new Boards();
        List<UUID> gold = board.members("GOLD", 5);
        assertEquals(List.of(), SeatPolicyEngine.check(POLICY, board.state(), Boards.tierSeat("GOLD", gold.get(0))));
        board.seat("GOLD", gold.get(0));
        assertEquals(List.of("tier-entitlement"), rules(SeatPolicyEngine.check(POLICY, board.state(), Boards.tierSeat("GOLD", gold.get(1)))));
    }

    @Test
    void fifteenGoldMembersFillThreeSeats() {
        Boards board = new Boards();
        List<UUID> gold = board.members("GOLD", 15);
        board.seat("GOLD", gold.get(0));
        board.seat("GOLD", gold.get(1));
        assertEquals(List.of(), SeatPolicyEngine.check(POLICY, board.state(), Boards.tierSeat("GOLD", gold.get(2))));
    }

    @Test
    void sixteenGoldMembersStillFillOnlyThree() {
        Boards board = new Boards();
        List<UUID> gold = board.members("GOLD", 16);
        board.seat("GOLD", gold.get(0));
        board.seat("GOLD", gold.get(1));
        board.seat("GOLD", gold.get(2));
        assertEquals(List.of("tier-entitlement"), rules(SeatPolicyEngine.check(POLICY, board.state(), Boards.tierSeat("GOLD", gold.get(3)))));
    }

    @Test
    void lapsedMembersDoNotCountTowardsTheRatio() {
        Boards board = new Boards();
        List<UUID> gold = board.members("GOLD", 4);
        board.lapsed("GOLD");
        assertTrue(rules(SeatPolicyEngine.check(POLICY, board.state(), Boards.tierSeat("GOLD", gold.get(0)))).contains("tier-entitlement"));
    }

    @Test
    void aSeatIsAppointedOnlyUnderThePartnersOwnTier() {
        Boards board = new Boards();
        board.members("GOLD", 5);
        UUID silver = board.member("SILVER");
        assertTrue(rules(SeatPolicyEngine.check(POLICY, board.state(), Boards.tierSeat("GOLD", silver))).contains("tier-mismatch"));
    }

    @Test
    void aLapsedPartnerAppointsNoSeat() {
        Boards board = new Boards();
        board.member("PLATINUM");
        UUID lapsed = board.lapsed("PLATINUM");
        assertTrue(rules(SeatPolicyEngine.check(POLICY, board.state(), Boards.tierSeat("PLATINUM", lapsed))).contains("partner-not-member"));
    }

    @Test
    void aTierWithoutEntitlementIsRefused() {
        Boards board = new Boards();
        UUID endUser = board.member("END_USER");
        assertEquals(List.of("tier-entitlement"), rules(SeatPolicyEngine.check(POLICY, board.state(), Boards.tierSeat("END_USER", endUser))));
    }

    @Test
    void twoCompaniesOfOneGroupHoldOneSeatBetweenThem() {
        Boards board = new Boards();
        UUID parent = board.member("PLATINUM");
        UUID subsidiary = board.member("PLATINUM", parent);
        board.seat("PLATINUM", parent);
        List<Violation> violations = SeatPolicyEngine.check(POLICY, board.state(), Boards.tierSeat("PLATINUM", subsidiary));
        assertEquals(List.of("company-group-cap"), rules(violations));
        assertTrue(violations.get(0).conflict());
    }

    @Test
    void siblingsUnderOneParentAreOneGroupToo() {
        Boards board = new Boards();
        UUID parent = UUID.randomUUID();
        UUID one = board.member("PLATINUM", parent);
        UUID two = board.member("PLATINUM", parent);
        board.seat("PLATINUM", one);
        assertEquals(List.of("company-group-cap"), rules(SeatPolicyEngine.check(POLICY, board.state(), Boards.tierSeat("PLATINUM", two))));
    }

    @Test
    void unrelatedCompaniesEachHoldASeat() {
        Boards board = new Boards();
        UUID one = board.member("PLATINUM");
        UUID two = board.member("PLATINUM");
        board.seat("PLATINUM", one);
        assertEquals(List.of(), SeatPolicyEngine.check(POLICY, board.state(), Boards.tierSeat("PLATINUM", two)));
    }

    @Test
    void aGoldTierDropFlagsTheSeatsBeyondTheNewEntitlement() {
        Boards board = new Boards();
        List<UUID> gold = board.members("GOLD", 10);
        Holding first = board.seat("GOLD", gold.get(0));
        Holding second = board.seat("GOLD", gold.get(1));
        assertEquals(List.of(), SeatPolicyEngine.audit(POLICY, board.state(), Boards.DAY));
        board.changeTier(gold.get(9), "SILVER");
        List<SeatPolicyEngine.Finding> findings = SeatPolicyEngine.audit(POLICY, board.state(), Boards.DAY);
        assertEquals(1, findings.size());
        assertEquals("tier-entitlement", findings.get(0).rule());
        assertTrue(List.of(first.seatId(), second.seatId()).contains(findings.get(0).seatId()));
    }

    @Test
    void aSeatHeldForAPartnerThatIsNoLongerACurrentMemberIsFlagged() {
        Boards board = new Boards();
        UUID platinum = board.member("PLATINUM");
        Holding seat = board.seat("PLATINUM", platinum);
        board.lapse(platinum);
        List<SeatPolicyEngine.Finding> findings = SeatPolicyEngine.audit(POLICY, board.state(), Boards.DAY);
        assertEquals(List.of(new SeatPolicyEngine.Finding(seat.seatId(), "partner-not-member", "MEMBERSHIP_NOT_CURRENT",
                "The partner the seat is held for is no longer a current member")), findings);
    }

    @Test
    void compositionCountsEntitlementsAndVacancies() {
        Boards board = new Boards();
        board.members("PLATINUM", 3).forEach(p -> { });
        List<UUID> gold = board.members("GOLD", 11);
        board.seat("GOLD", gold.get(0));
        SeatPolicyEngine.Composition c = SeatPolicyEngine.composition(POLICY, board.state(), Boards.DAY);
        assertEquals(new SeatPolicyEngine.TierLine("PLATINUM", 3, 3, 0), c.tiers().get(0));
        assertEquals(new SeatPolicyEngine.TierLine("GOLD", 11, 2, 1), c.tiers().get(1));
        assertEquals(1, c.tiers().get(1).vacancies());
        assertEquals(1, c.companies().size());
        assertEquals(1, c.companies().get(0).limit());
    }
}
