package dev.trellis.advisory.domain.policy;

import static dev.trellis.advisory.domain.policy.Boards.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** OpenJS Foundation governance: the community seat is active only with at least 2 Platinum directors. */
class OpenJsActivationTest {
    static final SeatPolicy POLICY = SeatPolicy.builder()
            .tier(TierEntitlement.perMember("PLATINUM", 1))
            .seats(SeatAllotment.fixed(SeatKind.COMMUNITY, 1))
            .activation(new ActivationThreshold(SeatKind.COMMUNITY, SeatKind.TIER_APPOINTED, "PLATINUM", 2))
            .build();

    @Test
    void noCommunitySeatWithOnePlatinumDirector() {
        Boards board = new Boards();
        board.seat("PLATINUM", board.member("PLATINUM"));
        assertEquals(List.of("activation-threshold"), rules(SeatPolicyEngine.check(POLICY, board.state(), Boards.candidate(SeatKind.COMMUNITY, null))));
    }

    @Test
    void aCommunitySeatWithTwoPlatinumDirectors() {
        Boards board = new Boards();
        board.seat("PLATINUM", board.member("PLATINUM"));
        board.seat("PLATINUM", board.member("PLATINUM"));
        assertEquals(List.of(), SeatPolicyEngine.check(POLICY, board.state(), Boards.candidate(SeatKind.COMMUNITY, null)));
    }

    @Test
    void platinumMembersWithoutDirectorsDoNotActivateIt() {
        Boards board = new Boards();
        board.member("PLATINUM");
        board.member("PLATINUM");
        assertEquals(List.of("activation-threshold"), rules(SeatPolicyEngine.check(POLICY, board.state(), Boards.candidate(SeatKind.COMMUNITY, null))));
    }

    @Test
    void onlyOneCommunitySeat() {
        Boards board = new Boards();
        board.seat("PLATINUM", board.member("PLATINUM"));
        board.seat("PLATINUM", board.member("PLATINUM"));
        board.seat(SeatKind.COMMUNITY, null);
        assertEquals(List.of("seat-count"), rules(SeatPolicyEngine.check(POLICY, board.state(), Boards.candidate(SeatKind.COMMUNITY, null))));
    }

    @Test
    void theCommunitySeatIsFlaggedWhenADirectorLeaves() {
        Boards board = new Boards();
        UUID leaving = board.member("PLATINUM");
        board.seat("PLATINUM", board.member("PLATINUM"));
        board.seat("PLATINUM", leaving);
        Holding community = board.seat(SeatKind.COMMUNITY, null);
        assertTrue(SeatPolicyEngine.composition(POLICY, board.state(), Boards.DAY).kinds().get(0).active());
        board.lapse(leaving);
        // the lapsed director's seat still counts until it is vacated, but is itself flagged
        assertTrue(SeatPolicyEngine.audit(POLICY, board.state(), Boards.DAY).stream().anyMatch(f -> f.rule().equals("partner-not-member")));
        Boards after = new Boards();
        after.seat("PLATINUM", after.member("PLATINUM"));
        after.hold(community);
        assertEquals("activation-threshold", SeatPolicyEngine.audit(POLICY, after.state(), Boards.DAY).get(0).rule());
        assertFalse(SeatPolicyEngine.composition(POLICY, after.state(), Boards.DAY).kinds().get(0).active());
        assertEquals(0, SeatPolicyEngine.composition(POLICY, after.state(), Boards.DAY).kinds().get(0).vacancies());
    }
}
