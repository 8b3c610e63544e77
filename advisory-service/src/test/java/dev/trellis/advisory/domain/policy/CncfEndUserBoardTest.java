package dev.trellis.advisory.domain.policy;

import static dev.trellis.advisory.domain.policy.Boards.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** CNCF charter §8: the end-user board. */
class CncfEndUserBoardTest {
    static final SeatPolicy POLICY = SeatPolicy.builder()
            .seats(SeatAllotment.fixed(SeatKind.ELECTED, 9))
            .cap(CompanyCap.perOrganisation(2))
            .seatEndsWhenHolderLeavesEmployer()
            .holderMustWorkForPartner()
            .build();

    @Test
    void openEndedSeatsWithoutTermLimit() {
        Boards board = new Boards();
        UUID org = board.member("END_USER");
        UUID holder = UUID.randomUUID();
        for (int year = 2016; year < 2026; year++) {
            board.hold(Boards.term(SeatKind.ELECTED, org, holder, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
        }
        assertEquals(List.of(), SeatPolicyEngine.check(POLICY, board.state(), Boards.term(SeatKind.ELECTED, org, holder, LocalDate.of(2026, 1, 1), null)));
    }

    @Test
    void twoRepresentativesOfOneOrganisation() {
        Boards board = new Boards();
        UUID org = board.member("END_USER");
        board.seat(SeatKind.ELECTED, org);
        assertEquals(List.of(), SeatPolicyEngine.check(POLICY, board.state(), Boards.candidate(SeatKind.ELECTED, org)));
    }

    @Test
    void aThirdRepresentativeOfOneOrganisationIsRefused() {
        Boards board = new Boards();
        UUID org = board.member("END_USER");
        board.seat(SeatKind.ELECTED, org);
        board.seat(SeatKind.ELECTED, org);
        assertEquals(List.of("organisation-cap"), rules(SeatPolicyEngine.check(POLICY, board.state(), Boards.candidate(SeatKind.ELECTED, org))));
    }

    @Test
    void theOrganisationCapCountsOrganisationsNotGroups() {
        Boards board = new Boards();
        UUID parent = board.member("END_USER");
        UUID subsidiary = board.member("END_USER", parent);
        board.seat(SeatKind.ELECTED, parent);
        board.seat(SeatKind.ELECTED, parent);
        assertEquals(List.of(), SeatPolicyEngine.check(POLICY, board.state(), Boards.candidate(SeatKind.ELECTED, subsidiary)));
    }

    @Test
    void theHolderMustWorkForTheOrganisation() {
        Boards board = new Boards();
        UUID org = board.member("END_USER");
        Holding elsewhere = new Holding(null, SeatKind.ELECTED, UUID.randomUUID(), org, null, Boards.DAY, null, Set.of(UUID.randomUUID()));
        assertEquals(List.of("holder-affiliation"), rules(SeatPolicyEngine.check(POLICY, board.state(), elsewhere)));
    }

    @Test
    void aHolderWhoLeftTheEmployerIsFoundAndThePolicyEndsTheSeat() {
        Boards board = new Boards();
        UUID org = board.member("END_USER");
        Holding seat = board.seat(SeatKind.ELECTED, org);
        board.replace(seat, new Holding(seat.seatId(), seat.kind(), seat.holderContactId(), org, null, seat.termStart(), null, Set.of()));
        List<SeatPolicyEngine.Finding> findings = SeatPolicyEngine.audit(POLICY, board.state(), Boards.DAY);
        assertEquals(1, findings.size());
        assertEquals("HOLDER_LEFT_PARTNER", findings.get(0).reasonCode());
        assertTrue(POLICY.seatEndsWhenHolderLeavesEmployer());
    }
}
