package dev.trellis.advisory.domain.policy;

import static dev.trellis.advisory.domain.policy.Boards.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.advisory.domain.policy.Attendance.Mark;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** CNCF charter §6: the Technical Oversight Committee. */
class CncfTocTest {
    static final SeatPolicy POLICY = SeatPolicy.builder()
            .seats(SeatAllotment.fixed(SeatKind.ELECTED, 11))
            .totalSeats(11)
            .cap(CompanyCap.perGroup(2))
            .terms(new TermRule(24, null, null, 2))
            .attendance(AttendanceRule.consecutive(3, 2))
            .quorum(Fraction.of(2, 3))
            .decision(DecisionRule.majorityOfPresent())
            .build();
    static final LocalDate START = Boards.DAY;

    private static Holding elected(UUID employer, LocalDate start, LocalDate end) {
        return Boards.term(SeatKind.ELECTED, employer, UUID.randomUUID(), start, end);
    }

    @Test
    void aTwoYearTermIsAccepted() {
        Boards board = new Boards();
        assertEquals(List.of(), SeatPolicyEngine.check(POLICY, board.state(), elected(board.member("GOLD"), START, START.plusYears(2).minusDays(1))));
    }

    @Test
    void aTermLongerThanTwoYearsIsInvalid() {
        Boards board = new Boards();
        List<Violation> violations = SeatPolicyEngine.check(POLICY, board.state(), elected(board.member("GOLD"), START, START.plusYears(2)));
        assertEquals(List.of("term-length"), rules(violations));
        assertFalse(violations.get(0).conflict());
    }

    @Test
    void anOpenEndedTermIsInvalid() {
        Boards board = new Boards();
        assertEquals(List.of("term-length"), rules(SeatPolicyEngine.check(POLICY, board.state(), elected(board.member("GOLD"), START, null))));
    }

    @Test
    void aTermEndingBeforeItStartsIsInvalid() {
        Boards board = new Boards();
        assertEquals(List.of("term-dates"), rules(SeatPolicyEngine.check(POLICY, board.state(), elected(null, START, START.minusDays(1)))));
    }

    @Test
    void elevenSeatsAndNoTwelfth() {
        Boards board = new Boards();
        for (int i = 0; i < 11; i++) {
            board.hold(elected(board.member("GOLD"), START, (i % 2 == 0 ? START.plusYears(2) : START.plusYears(1)).minusDays(1)));
        }
        List<String> broken = rules(SeatPolicyEngine.check(POLICY, board.state(), elected(board.member("GOLD"), START, START.plusYears(2).minusDays(1))));
        assertTrue(broken.contains("seat-count"), broken.toString());
        assertTrue(broken.contains("total-seats"), broken.toString());
    }

    @Test
    void stagggeredTermsLetAtMostSixOfElevenEndInOneYear() {
        Boards board = new Boards();
        for (int i = 0; i < 6; i++) {
            board.hold(elected(board.member("GOLD"), START, START.plusYears(2).minusDays(1)));
        }
        assertEquals(List.of("staggered-terms"),
                rules(SeatPolicyEngine.check(POLICY, board.state(), elected(board.member("GOLD"), START, START.plusYears(2).minusDays(1)))));
        assertEquals(List.of(), SeatPolicyEngine.check(POLICY, board.state(), elected(board.member("GOLD"), START, START.plusYears(1).minusDays(1))));
    }

    @Test
    void twoMembersOfOneGroupAreAllowed() {
        Boards board = new Boards();
        UUID company = board.member("PLATINUM");
        board.hold(elected(company, START, START.plusYears(1).minusDays(1)));
        assertEquals(List.of(), SeatPolicyEngine.check(POLICY, board.state(), elected(company, START, START.plusYears(2).minusDays(1))));
    }

    @Test
    void aThirdMemberOfOneGroupIsRefused() {
        Boards board = new Boards();
        UUID parent = board.member("PLATINUM");
        UUID subsidiary = board.member("GOLD", parent);
        board.hold(elected(parent, START, START.plusYears(1).minusDays(1)));
        board.hold(elected(subsidiary, START, START.plusYears(2).minusDays(1)));
        assertEquals(List.of("company-group-cap"),
                rules(SeatPolicyEngine.check(POLICY, board.state(), elected(subsidiary, START, START.plusYears(1).minusDays(1)))));
    }

    /** A personal seat (no partner) held by an employed contact counts for the holder's employer's group. */
    private static Holding personal(UUID holderEmployer, LocalDate start, LocalDate end) {
        return new Holding(null, SeatKind.ELECTED, UUID.randomUUID(), null, null, start, end,
                holderEmployer == null ? null : Set.of(holderEmployer));
    }

    @Test
    void aPersonalSeatCountsForTheGroupOfItsHoldersEmployer() {
        Boards board = new Boards();
        UUID parent = board.member("PLATINUM");
        UUID subsidiary = board.member("GOLD", parent);
        board.hold(elected(parent, START, START.plusYears(1).minusDays(1)));
        board.hold(elected(subsidiary, START, START.plusYears(2).minusDays(1)));
        assertEquals(List.of("company-group-cap"),
                rules(SeatPolicyEngine.check(POLICY, board.state(), personal(subsidiary, START, START.plusYears(1).minusDays(1)))));
    }

    @Test
    void aPersonalSeatOfAHolderWithoutAnEmployerCountsForNoGroup() {
        Boards board = new Boards();
        UUID company = board.member("PLATINUM");
        board.hold(elected(company, START, START.plusYears(1).minusDays(1)));
        board.hold(elected(company, START, START.plusYears(2).minusDays(1)));
        assertEquals(List.of(), SeatPolicyEngine.check(POLICY, board.state(), personal(null, START, START.plusYears(1).minusDays(1))));
        Holding unemployed = new Holding(null, SeatKind.ELECTED, UUID.randomUUID(), null, null, START,
                START.plusYears(1).minusDays(1), Set.of());
        assertEquals(List.of(), SeatPolicyEngine.check(POLICY, board.state(), unemployed));
    }

    @Test
    void aHeldPersonalSeatOverItsEmployersCapIsFlagged() {
        Boards board = new Boards();
        UUID company = board.member("PLATINUM");
        board.hold(elected(company, START, START.plusYears(1).minusDays(1)));
        board.hold(elected(company, START, START.plusYears(2).minusDays(1)));
        Holding mine = board.hold(personal(company, START, START.plusYears(2).minusDays(1)));
        List<SeatPolicyEngine.Finding> findings = SeatPolicyEngine.audit(POLICY, board.state(), START);
        assertTrue(findings.stream().anyMatch(f -> f.seatId().equals(mine.seatId()) && f.rule().equals("company-group-cap")),
                findings.toString());
        SeatPolicyEngine.Composition composition = SeatPolicyEngine.composition(POLICY, board.state(), START);
        assertEquals(3, composition.companies().get(0).held());
    }

    @Test
    void aMemberWhoMovesToAGroupAtItsCapIsFlagged() {
        Boards board = new Boards();
        UUID bigCo = board.member("PLATINUM");
        UUID startup = board.member("SILVER");
        board.hold(elected(bigCo, START, START.plusYears(1).minusDays(1)));
        board.hold(elected(bigCo, START, START.plusYears(2).minusDays(1)));
        Holding mover = board.hold(elected(startup, START, START.plusYears(2).minusDays(1)));
        assertEquals(List.of(), SeatPolicyEngine.audit(POLICY, board.state(), START));

        board.replace(mover, new Holding(mover.seatId(), mover.kind(), mover.holderContactId(), mover.partnerId(), null,
                mover.termStart(), mover.termEnd(), Set.of(bigCo)));
        List<SeatPolicyEngine.Finding> findings = SeatPolicyEngine.audit(POLICY, board.state(), START);
        assertTrue(findings.stream().anyMatch(f -> f.seatId().equals(mover.seatId()) && f.rule().equals("company-group-cap")), findings.toString());
        assertEquals(3, findings.stream().filter(f -> f.rule().equals("company-group-cap")).count());
    }

    @Test
    void threeMissedMeetingsInARowSuspendVoting() {
        Attendance.Standing standing = Attendance.standing(POLICY.attendance(), marks("PAAA"), day(4));
        assertTrue(standing.suspended());
        assertEquals(Attendance.MISSED_IN_A_ROW, standing.reasonCode());
    }

    @Test
    void twoMissedMeetingsDoNotSuspend() {
        assertFalse(Attendance.standing(POLICY.attendance(), marks("AAPAA"), day(5)).suspended());
    }

    @Test
    void anAlternateStandingInCountsAsAttending() {
        assertFalse(Attendance.standing(POLICY.attendance(), marks("AALA"), day(4)).suspended());
    }

    @Test
    void oneAttendedMeetingAfterSuspensionIsNotEnough() {
        assertTrue(Attendance.standing(POLICY.attendance(), marks("AAAP"), day(4)).suspended());
    }

    @Test
    void twoAttendedMeetingsInARowRestoreVoting() {
        assertFalse(Attendance.standing(POLICY.attendance(), marks("AAAPP"), day(5)).suspended());
    }

    @Test
    void attendedMeetingsWithAMissBetweenDoNotRestore() {
        assertTrue(Attendance.standing(POLICY.attendance(), marks("AAAPAP"), day(6)).suspended());
    }

    @Test
    void quorumIsTwoThirdsOfVotingSeats() {
        assertFalse(Decision.quorumMet(POLICY.quorum(), 11, 7));
        assertTrue(Decision.quorumMet(POLICY.quorum(), 11, 8));
        assertTrue(Decision.quorumMet(POLICY.quorum(), 9, 6));
        assertFalse(Decision.quorumMet(POLICY.quorum(), 9, 5));
    }

    @Test
    void aDecisionNeedsMoreThanHalfOfThosePresent() {
        assertEquals(Decision.Outcome.ADOPTED, Decision.outcome(POLICY.decision(), true, 11, 8, 5, 3));
        assertEquals(Decision.Outcome.REJECTED, Decision.outcome(POLICY.decision(), true, 11, 8, 4, 2));
        assertEquals(Decision.Outcome.ADOPTED, Decision.outcome(POLICY.decision(), true, 11, 9, 5, 0));
    }

    @Test
    void withoutQuorumNothingIsDecided() {
        assertEquals(Decision.Outcome.NO_QUORUM, Decision.outcome(POLICY.decision(), false, 11, 5, 5, 0));
    }

    /** P present, A absent, L alternate; one meeting a week from {@link #day(int) day(1)}. */
    static List<Mark> marks(String pattern) {
        List<Mark> marks = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            Presence p = switch (pattern.charAt(i)) {
                case 'P' -> Presence.PRESENT;
                case 'L' -> Presence.ALTERNATE;
                default -> Presence.ABSENT;
            };
            marks.add(new Mark(day(i + 1), p));
        }
        return marks;
    }

    static LocalDate day(int meeting) {
        return START.plusWeeks(meeting - 1);
    }
}
