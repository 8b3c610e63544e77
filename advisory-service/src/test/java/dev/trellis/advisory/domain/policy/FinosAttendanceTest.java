package dev.trellis.advisory.domain.policy;

import static dev.trellis.advisory.domain.policy.Boards.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.advisory.domain.policy.Attendance.Mark;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** FINOS TOC: 12 seats, 2-year terms, at least half of the meetings attended over a rolling quarter. */
class FinosAttendanceTest {
    static final SeatPolicy POLICY = SeatPolicy.builder()
            .seats(SeatAllotment.fixed(SeatKind.ELECTED, 12))
            .terms(new TermRule(24, null, null, null))
            .attendance(new AttendanceRule(null, null, Fraction.of(1, 2), 91, false))
            .build();
    static final LocalDate JAN = LocalDate.of(2026, 1, 6);

    /** Monthly meetings, P present, A absent, L alternate. */
    private static List<Mark> monthly(String pattern) {
        return java.util.stream.IntStream.range(0, pattern.length()).mapToObj(i -> new Mark(JAN.plusMonths(i),
                switch (pattern.charAt(i)) {
                    case 'P' -> Presence.PRESENT;
                    case 'L' -> Presence.ALTERNATE;
                    default -> Presence.ABSENT;
                })).toList();
    }

    @Test
    void attendingHalfOfTheQuarterKeepsTheVote() {
        assertFalse(Attendance.standing(POLICY.attendance(), monthly("PAP"), JAN.plusMonths(2)).suspended());
        assertFalse(Attendance.standing(POLICY.attendance(), monthly("AAPAP"), JAN.plusMonths(4)).suspended());
    }

    @Test
    void attendingLessThanHalfOfTheQuarterSuspends() {
        Attendance.Standing standing = Attendance.standing(POLICY.attendance(), monthly("PAA"), JAN.plusMonths(2));
        assertTrue(standing.suspended());
        assertEquals(Attendance.BELOW_SHARE, standing.reasonCode());
    }

    @Test
    void meetingsOlderThanTheQuarterNoLongerCount() {
        assertTrue(Attendance.standing(POLICY.attendance(), monthly("PPPPAA"), JAN.plusMonths(5)).suspended());
        assertFalse(Attendance.standing(POLICY.attendance(), monthly("AAAAPP"), JAN.plusMonths(5)).suspended());
    }

    @Test
    void anAlternateDoesNotAttendForAFinosMember() {
        assertTrue(Attendance.standing(POLICY.attendance(), monthly("LLA"), JAN.plusMonths(2)).suspended());
    }

    @Test
    void noMeetingsInTheQuarterIsNoFault() {
        assertFalse(Attendance.standing(POLICY.attendance(), monthly("AAA"), JAN.plusYears(1)).suspended());
    }

    @Test
    void twelveSeatsWithTwoYearTerms() {
        Boards board = new Boards();
        for (int i = 0; i < 12; i++) {
            board.hold(Boards.term(SeatKind.ELECTED, null, UUID.randomUUID(), JAN, JAN.plusYears(2).minusDays(1)));
        }
        assertEquals(List.of("seat-count"), rules(SeatPolicyEngine.check(POLICY, board.state(),
                Boards.term(SeatKind.ELECTED, null, UUID.randomUUID(), JAN, JAN.plusYears(2).minusDays(1)))));
    }
}
