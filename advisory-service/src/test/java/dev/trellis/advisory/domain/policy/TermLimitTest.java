package dev.trellis.advisory.domain.policy;

import static dev.trellis.advisory.domain.policy.Boards.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** At most N consecutive terms; a break of a whole term starts a new run. */
class TermLimitTest {
    static final SeatPolicy POLICY = SeatPolicy.builder()
            .seats(SeatAllotment.fixed(SeatKind.ELECTED, 9))
            .terms(new TermRule(12, null, 2, null))
            .build();
    static final UUID HOLDER = UUID.randomUUID();

    private static Holding year(int year) {
        return Boards.term(SeatKind.ELECTED, null, HOLDER, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    @Test
    void aSecondConsecutiveTermIsAllowed() {
        Boards board = new Boards();
        board.hold(year(2024));
        assertEquals(List.of(), SeatPolicyEngine.check(POLICY, board.state(), year(2025)));
    }

    @Test
    void aThirdConsecutiveTermIsRefused() {
        Boards board = new Boards();
        board.hold(year(2024));
        board.hold(year(2025));
        assertEquals(List.of("term-limit"), rules(SeatPolicyEngine.check(POLICY, board.state(), year(2026))));
    }

    @Test
    void aYearOffStartsANewRun() {
        Boards board = new Boards();
        board.hold(year(2022));
        board.hold(year(2023));
        assertEquals(List.of(), SeatPolicyEngine.check(POLICY, board.state(), year(2025)));
    }

    @Test
    void aShortBreakDoesNotStartANewRun() {
        Boards board = new Boards();
        board.hold(year(2024));
        board.hold(Boards.term(SeatKind.ELECTED, null, HOLDER, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 9, 30)));
        assertEquals(List.of("term-limit"), rules(SeatPolicyEngine.check(POLICY, board.state(), year(2026))));
    }

    @Test
    void aHolderCannotHoldTwoSeatsAtOnce() {
        Boards board = new Boards();
        board.hold(year(2026));
        assertEquals(List.of("holder-already-seated"), rules(SeatPolicyEngine.check(POLICY, board.state(),
                Boards.term(SeatKind.ELECTED, null, HOLDER, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 12, 31)))));
    }

    @Test
    void aBoardWithoutCommunitySeatsRefusesOne() {
        assertEquals(List.of("seat-kind"), rules(SeatPolicyEngine.check(POLICY, new Boards().state(),
                Boards.term(SeatKind.COMMUNITY, null, UUID.randomUUID(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))));
    }

    @Test
    void anOpenPolicyAllowsAnything() {
        assertEquals(List.of(), SeatPolicyEngine.check(SeatPolicy.open(), new Boards().state(), Boards.candidate(SeatKind.COMMUNITY, null)));
    }
}
