package dev.trellis.partner.domain;

import static dev.trellis.partner.domain.LifecycleStatus.ACTIVE;
import static dev.trellis.partner.domain.LifecycleStatus.FORMER;
import static dev.trellis.partner.domain.LifecycleStatus.LAPSED;
import static dev.trellis.partner.domain.LifecycleStatus.PROSPECT;
import static dev.trellis.partner.domain.MembershipStatus.CURRENT;
import static dev.trellis.partner.domain.MembershipStatus.EXPIRED;
import static dev.trellis.partner.domain.MembershipStatus.GRACE;
import static dev.trellis.partner.domain.MembershipStatus.NEW;
import static dev.trellis.partner.domain.MembershipStatus.PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The partner's lifecycle follows its membership: the moves a membership status change implies. */
class LifecycleRulesTest {

    private static Optional<LifecycleStatus> follow(LifecycleStatus partner, MembershipStatus before, MembershipStatus after) {
        return LifecycleRules.follow(partner, before, after);
    }

    @Test
    void anActivePartnerLapsesWhenItsMembershipExpires() {
        assertEquals(Optional.of(LAPSED), follow(ACTIVE, GRACE, EXPIRED));
        assertEquals(Optional.of(LAPSED), follow(ACTIVE, CURRENT, EXPIRED), "ended, no grace");
        assertEquals(Optional.of(LAPSED), follow(ACTIVE, null, EXPIRED), "a membership recorded after it expired");
    }

    @Test
    void graceIsStillMembership() {
        assertEquals(Optional.empty(), follow(ACTIVE, CURRENT, GRACE));
    }

    @Test
    void aLapsedPartnerIsReactivatedWhenANewTermBegins() {
        assertEquals(Optional.of(ACTIVE), follow(LAPSED, EXPIRED, NEW));
        assertEquals(Optional.of(ACTIVE), follow(LAPSED, PENDING, NEW), "a future start, reached");
        assertEquals(Optional.of(ACTIVE), follow(LAPSED, null, NEW));
        assertEquals(Optional.of(ACTIVE), follow(LAPSED, GRACE, CURRENT), "renewed during grace");
    }

    @Test
    void aProspectBecomesActiveWhenItsFirstMembershipBegins() {
        assertEquals(Optional.of(ACTIVE), follow(PROSPECT, null, NEW));
        assertEquals(Optional.empty(), follow(PROSPECT, null, PENDING), "not before the term starts");
    }

    @Test
    void nothingMovesWithoutATransition() {
        assertEquals(Optional.empty(), follow(ACTIVE, EXPIRED, EXPIRED));
        assertEquals(Optional.empty(), follow(LAPSED, EXPIRED, EXPIRED), "a manual reactivation stands until the membership moves");
        assertEquals(Optional.empty(), follow(LAPSED, NEW, CURRENT), "a manual lapse of a member stands until the membership moves");
        assertEquals(Optional.empty(), follow(ACTIVE, NEW, CURRENT));
    }

    @Test
    void aFormerPartnerIsLeftAlone() {
        assertEquals(Optional.empty(), follow(FORMER, GRACE, EXPIRED));
        assertEquals(Optional.empty(), follow(FORMER, EXPIRED, NEW));
    }

    @Test
    void aLapsedPartnerStaysLapsedAndAnActiveOneActive() {
        assertEquals(Optional.empty(), follow(LAPSED, GRACE, EXPIRED));
        assertEquals(Optional.empty(), follow(ACTIVE, EXPIRED, NEW));
    }
}
