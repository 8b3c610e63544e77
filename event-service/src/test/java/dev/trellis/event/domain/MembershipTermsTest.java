package dev.trellis.event.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A partner's membership standing on a day, from the dates of the membership in force that day. */
class MembershipTermsTest {
    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final LocalDate END = LocalDate.of(2026, 12, 31);

    private static MembershipTerms terms(int graceDays, boolean autoRenew) {
        return new MembershipTerms("GOLD", START, END, graceDays, autoRenew, START);
    }

    @Test
    void beforeTheTermStartsItIsPending() {
        assertEquals(MembershipStanding.PENDING, terms(30, false).standingOn(START.minusDays(1)));
    }

    @Test
    void fromTheFirstToTheLastDayOfTheTermItIsCurrent() {
        assertEquals(MembershipStanding.CURRENT, terms(30, false).standingOn(START));
        assertEquals(MembershipStanding.CURRENT, terms(30, false).standingOn(LocalDate.of(2026, 6, 15)));
        assertEquals(MembershipStanding.CURRENT, terms(30, false).standingOn(END));
    }

    @Test
    void afterTheEndItIsInGraceForTheGraceDaysThenExpired() {
        MembershipTerms t = terms(30, false);
        assertEquals(MembershipStanding.GRACE, t.standingOn(END.plusDays(1)));
        assertEquals(MembershipStanding.GRACE, t.standingOn(END.plusDays(30)), "the last grace day");
        assertEquals(MembershipStanding.EXPIRED, t.standingOn(END.plusDays(31)));
    }

    @Test
    void withoutGraceDaysItExpiresTheDayAfterTheEnd() {
        assertEquals(MembershipStanding.EXPIRED, terms(0, false).standingOn(END.plusDays(1)));
    }

    @Test
    void anAutoRenewingMembershipRollsOverAtItsTermEnd() {
        assertEquals(MembershipStanding.CURRENT, terms(30, true).standingOn(END.plusDays(1)));
        assertEquals(MembershipStanding.CURRENT, terms(0, true).standingOn(END.plusYears(3)));
        assertEquals(MembershipStanding.PENDING, terms(30, true).standingOn(START.minusDays(1)));
    }

    @Test
    void onlyCurrentAndGraceAreMembers() {
        assertTrue(MembershipStanding.CURRENT.member());
        assertTrue(MembershipStanding.GRACE.member());
        assertFalse(MembershipStanding.PENDING.member());
        assertFalse(MembershipStanding.EXPIRED.member());
        assertFalse(MembershipStanding.NONE.member());
    }

    @Test
    void withoutAMembershipThePartnerIsNoMember() {
        assertEquals(MembershipStanding.NONE, MembershipTerms.standing(List.of(), END));
    }

    @Test
    void aChangeWithAFutureEffectiveDateIsNotYetInForce() {
        MembershipTerms running = terms(30, true);
        // Ended on 30 June (no grace, no renewal), announced on 1 March.
        MembershipTerms ended = new MembershipTerms("GOLD", START, LocalDate.of(2026, 6, 30), 0, false,
                LocalDate.of(2026, 6, 30));
        List<MembershipTerms> history = List.of(running, ended);
        assertEquals(running, MembershipTerms.inForce(history, LocalDate.of(2026, 6, 29)).orElseThrow());
        assertEquals(MembershipStanding.CURRENT, MembershipTerms.standing(history, LocalDate.of(2026, 6, 30)));
        assertEquals(MembershipStanding.EXPIRED, MembershipTerms.standing(history, LocalDate.of(2026, 7, 1)));
    }

    @Test
    void aFirstMembershipStartingLaterIsNoMembershipYet() {
        MembershipTerms starting = new MembershipTerms("SILVER", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
                30, false, LocalDate.of(2027, 1, 1));
        assertEquals(MembershipStanding.NONE, MembershipTerms.standing(List.of(starting), LocalDate.of(2026, 12, 31)));
        assertEquals(MembershipStanding.CURRENT, MembershipTerms.standing(List.of(starting), LocalDate.of(2027, 1, 1)));
    }

    @Test
    void aLaterChangeSupersedesEveryStateTakingEffectOnOrAfterItsOwnDay() {
        MembershipTerms tierChangeInJuly = new MembershipTerms("PLATINUM", START, END, 30, false, LocalDate.of(2026, 7, 1));
        MembershipTerms renewalInJune = new MembershipTerms("GOLD", START, END.plusYears(1), 30, false,
                LocalDate.of(2026, 6, 1));
        MembershipTerms sameDay = new MembershipTerms("GOLD", START, END, 30, true, LocalDate.of(2026, 7, 1));
        assertTrue(renewalInJune.supersede(tierChangeInJuly));
        assertTrue(sameDay.supersede(tierChangeInJuly));
        assertFalse(tierChangeInJuly.supersede(renewalInJune), "the June renewal applies until July");
    }
}
