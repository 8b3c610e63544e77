package dev.trellis.advisory.domain.policy;

import static dev.trellis.advisory.domain.policy.Boards.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Eclipse bylaws: elected seats a ratio of strategic members (here one per two, at least one), 1-year
 * terms starting 1 April, one organisation at most half of the elected seats.
 */
class EclipseElectionTest {
    static final SeatPolicy POLICY = SeatPolicy.builder()
            .tier(TierEntitlement.perMember("STRATEGIC", 1))
            .seats(SeatAllotment.ratio(SeatKind.ELECTED, "STRATEGIC", 2, 1, null))
            .cap(new CompanyCap(CapScope.ORGANISATION, null, Fraction.of(1, 2), Set.of(SeatKind.ELECTED)))
            .terms(new TermRule(12, MonthDay.of(4, 1), null, null))
            .build();
    static final LocalDate APRIL = LocalDate.of(2026, 4, 1);

    private static Holding elected(UUID org) {
        return Boards.term(SeatKind.ELECTED, org, UUID.randomUUID(), APRIL, APRIL.plusYears(1).minusDays(1));
    }

    @Test
    void electedSeatsFollowTheNumberOfStrategicMembers() {
        assertEquals(1, POLICY.allotment(SeatKind.ELECTED).orElseThrow().seats(java.util.Map.of()));
        assertEquals(1, POLICY.allotment(SeatKind.ELECTED).orElseThrow().seats(java.util.Map.of("STRATEGIC", 3)));
        assertEquals(4, POLICY.allotment(SeatKind.ELECTED).orElseThrow().seats(java.util.Map.of("STRATEGIC", 8)));
    }

    @Test
    void aTermStartsOnTheFirstOfApril() {
        Boards board = new Boards();
        board.members("STRATEGIC", 8);
        assertEquals(List.of(), SeatPolicyEngine.check(POLICY, board.state(), elected(board.member("SUSTAINING"))));
    }

    @Test
    void aTermStartingInMayIsInvalid() {
        Boards board = new Boards();
        board.members("STRATEGIC", 8);
        Holding may = Boards.term(SeatKind.ELECTED, null, UUID.randomUUID(), APRIL.plusMonths(1), APRIL.plusYears(1).minusDays(1));
        List<Violation> violations = SeatPolicyEngine.check(POLICY, board.state(), may);
        assertEquals(List.of("term-start"), rules(violations));
        assertFalse(violations.get(0).conflict());
    }

    @Test
    void aTwoYearTermIsInvalid() {
        Boards board = new Boards();
        board.members("STRATEGIC", 8);
        Holding twoYears = Boards.term(SeatKind.ELECTED, null, UUID.randomUUID(), APRIL, APRIL.plusYears(2).minusDays(1));
        assertEquals(List.of("term-length"), rules(SeatPolicyEngine.check(POLICY, board.state(), twoYears)));
    }

    @Test
    void oneOrganisationTakesHalfOfFourElectedSeats() {
        Boards board = new Boards();
        board.members("STRATEGIC", 8);
        UUID org = board.member("SUSTAINING");
        board.hold(elected(org));
        assertEquals(List.of(), SeatPolicyEngine.check(POLICY, board.state(), elected(org)));
        board.hold(elected(org));
        assertEquals(List.of("organisation-share-cap"), rules(SeatPolicyEngine.check(POLICY, board.state(), elected(org))));
    }

    @Test
    void withThreeElectedSeatsHalfMeansOne() {
        Boards board = new Boards();
        board.members("STRATEGIC", 6);
        UUID org = board.member("SUSTAINING");
        board.hold(elected(org));
        assertEquals(List.of("organisation-share-cap"), rules(SeatPolicyEngine.check(POLICY, board.state(), elected(org))));
        assertEquals(List.of(), SeatPolicyEngine.check(POLICY, board.state(), elected(board.member("SUSTAINING"))));
    }

    @Test
    void theShareCapLeavesTierSeatsAlone() {
        Boards board = new Boards();
        UUID strategic = board.member("STRATEGIC");
        board.members("STRATEGIC", 3);
        board.hold(elected(strategic));
        assertEquals(List.of(), SeatPolicyEngine.check(POLICY, board.state(),
                new Holding(null, SeatKind.TIER_APPOINTED, UUID.randomUUID(), strategic, "STRATEGIC", APRIL, APRIL.plusYears(1).minusDays(1), Set.of(strategic))));
    }
}
