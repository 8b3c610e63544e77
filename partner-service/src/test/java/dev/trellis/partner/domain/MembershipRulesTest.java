package dev.trellis.partner.domain;

import static dev.trellis.partner.domain.MembershipStatus.CURRENT;
import static dev.trellis.partner.domain.MembershipStatus.EXPIRED;
import static dev.trellis.partner.domain.MembershipStatus.GRACE;
import static dev.trellis.partner.domain.MembershipStatus.NEW;
import static dev.trellis.partner.domain.MembershipStatus.PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.contracts.partner.MembershipTerms;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.StateConflict;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MembershipRulesTest {
    private final MembershipRules rules = new MembershipRules(3);
    /** 2025-01-01 .. 2025-12-31, 30 grace days: NEW until 2025-03-31, GRACE until 2026-01-30. */
    private final MembershipTerms year2025 = rules.start("GOLD", d("2025-01-01"), d("2025-12-31"), false, 30);

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** The one field a refusal names. */
    private static String field(InvalidInput refusal) {
        assertEquals(1, refusal.errors().size(), refusal.errors().toString());
        return refusal.errors().get(0).field();
    }

    // ---- status across the term

    @Test
    void isPendingTheDayBeforeTheStart() {
        assertEquals(PENDING, rules.status(year2025, d("2024-12-31")));
    }

    @Test
    void isNewOnTheStartDay() {
        assertEquals(NEW, rules.status(year2025, d("2025-01-01")));
    }

    @Test
    void isNewOnTheLastDayOfTheFirstThreeMonths() {
        assertEquals(NEW, rules.status(year2025, d("2025-03-31")));
    }

    @Test
    void isCurrentTheDayAfterTheNewMonths() {
        assertEquals(CURRENT, rules.status(year2025, d("2025-04-01")));
    }

    @Test
    void isCurrentOnTheEndDate() {
        assertEquals(CURRENT, rules.status(year2025, d("2025-12-31")));
    }

    @Test
    void isInGraceTheDayAfterTheEndDate() {
        assertEquals(GRACE, rules.status(year2025, d("2026-01-01")));
    }

    @Test
    void isInGraceOnTheLastGraceDay() {
        assertEquals(d("2026-01-30"), rules.lastGraceDay(year2025));
        assertEquals(GRACE, rules.status(year2025, d("2026-01-30")));
    }

    @Test
    void isExpiredOnTheFirstDayAfterGrace() {
        assertEquals(EXPIRED, rules.status(year2025, d("2026-01-31")));
    }

    @Test
    void withZeroGraceDaysExpiresTheDayAfterTheEndDate() {
        MembershipTerms noGrace = rules.start("GOLD", d("2025-01-01"), d("2025-12-31"), false, 0);
        assertEquals(CURRENT, rules.status(noGrace, d("2025-12-31")));
        assertEquals(EXPIRED, rules.status(noGrace, d("2026-01-01")));
    }

    @Test
    void aTermShorterThanTheNewMonthsIsNewUntilItEnds() {
        MembershipTerms short_ = rules.start("GOLD", d("2025-01-01"), d("2025-01-31"), false, 10);
        assertEquals(NEW, rules.status(short_, d("2025-01-31")));
        assertEquals(GRACE, rules.status(short_, d("2025-02-01")));
    }

    @Test
    void aOneDayTermIsNewOnItsOnlyDay() {
        MembershipTerms oneDay = rules.start("GOLD", d("2025-06-01"), d("2025-06-01"), false, 0);
        assertEquals(PENDING, rules.status(oneDay, d("2025-05-31")));
        assertEquals(NEW, rules.status(oneDay, d("2025-06-01")));
        assertEquals(EXPIRED, rules.status(oneDay, d("2025-06-02")));
    }

    @Test
    void zeroNewMonthsMeansCurrentFromTheStart() {
        assertEquals(CURRENT, new MembershipRules(0).status(year2025, d("2025-01-01")));
    }

    @Test
    void newWindowStartingOnLeapDayEndsTheDayBeforeTheSameDayThreeMonthsLater() {
        MembershipTerms leap = rules.start("GOLD", d("2024-02-29"), d("2025-02-28"), false, 30);
        assertEquals(NEW, rules.status(leap, d("2024-05-28")));
        assertEquals(CURRENT, rules.status(leap, d("2024-05-29")));
    }

    @Test
    void graceCountsTheLeapDay() {
        MembershipTerms endsInFebruary = rules.start("GOLD", d("2023-03-01"), d("2024-02-28"), false, 1);
        assertEquals(GRACE, rules.status(endsInFebruary, d("2024-02-29")));
        assertEquals(EXPIRED, rules.status(endsInFebruary, d("2024-03-01")));
    }

    @Test
    void newWindowFromTheThirtiethOfNovemberEndsTheDayBeforeTheLeapDay() {
        // 30 November + 3 months is clamped to 29 February, the first CURRENT day
        MembershipTerms terms = rules.start("GOLD", d("2023-11-30"), d("2024-11-29"), false, 30);
        assertEquals(NEW, rules.status(terms, d("2024-02-28")));
        assertEquals(CURRENT, rules.status(terms, d("2024-02-29")));
    }

    // ---- starting

    @Test
    void startRefusesAnEndBeforeTheStart() {
        InvalidInput e = assertThrows(InvalidInput.class,
                () -> rules.start("GOLD", d("2025-01-02"), d("2025-01-01"), false, 30));
        assertEquals("termEnd", field(e));
    }

    @Test
    void startRefusesNegativeGraceDays() {
        assertEquals("graceDays", field(assertThrows(InvalidInput.class,
                () -> rules.start("GOLD", d("2025-01-01"), d("2025-12-31"), false, -1))));
    }

    @Test
    void startRefusesMoreThanAYearOfGrace() {
        assertEquals("graceDays", field(assertThrows(InvalidInput.class,
                () -> rules.start("GOLD", d("2025-01-01"), d("2025-12-31"), false, 366))));
    }

    @Test
    void onlyAnExpiredMembershipMayBeReplaced() {
        assertFalse(rules.replaceable(year2025, d("2024-12-01")));
        assertFalse(rules.replaceable(year2025, d("2025-06-01")));
        assertFalse(rules.replaceable(year2025, d("2026-01-30")));
        assertTrue(rules.replaceable(year2025, d("2026-01-31")));
    }

    // ---- renewal

    @Test
    void renewalWhileCurrentExtendsTheEndAndKeepsTheStart() {
        MembershipRules.Renewal renewal = rules.renew(year2025, d("2025-11-15"), 12);
        assertEquals(d("2025-01-01"), renewal.terms().termStart());
        assertEquals(d("2026-12-31"), renewal.terms().termEnd());
        assertFalse(renewal.newTerm());
    }

    @Test
    void renewalWhileNewDoesNotRestartTheNewWindow() {
        MembershipRules.Renewal renewal = rules.renew(year2025, d("2025-02-01"), 12);
        assertEquals(CURRENT, rules.status(renewal.terms(), d("2025-04-01")));
    }

    @Test
    void renewalWhilePendingExtendsTheComingTerm() {
        MembershipRules.Renewal renewal = rules.renew(year2025, d("2024-12-01"), 6);
        assertEquals(d("2025-01-01"), renewal.terms().termStart());
        assertEquals(d("2026-06-30"), renewal.terms().termEnd());
    }

    @Test
    void renewalDuringGraceContinuesTheSameMembership() {
        MembershipRules.Renewal renewal = rules.renew(year2025, d("2026-01-15"), 12);
        assertFalse(renewal.newTerm());
        assertEquals(d("2025-01-01"), renewal.terms().termStart());
        assertEquals(d("2026-12-31"), renewal.terms().termEnd());
        assertEquals(CURRENT, rules.status(renewal.terms(), d("2026-01-15")));
    }

    @Test
    void renewalOnTheLastGraceDayStillContinues() {
        assertFalse(rules.renew(year2025, d("2026-01-30"), 12).newTerm());
    }

    @Test
    void renewalAfterExpiryStartsANewTermThatIsNewAgain() {
        MembershipRules.Renewal renewal = rules.renew(year2025, d("2026-01-31"), 12);
        assertTrue(renewal.newTerm());
        assertEquals(d("2026-01-31"), renewal.terms().termStart());
        assertEquals(d("2027-01-30"), renewal.terms().termEnd());
        assertEquals(NEW, rules.status(renewal.terms(), d("2026-01-31")));
    }

    @Test
    void renewalKeepsAnEndOfMonthAnEndOfMonthIntoALeapYear() {
        MembershipTerms endsFeb28 = rules.start("GOLD", d("2022-03-01"), d("2023-02-28"), false, 30);
        assertEquals(d("2024-02-29"), rules.renew(endsFeb28, d("2023-02-01"), 12).terms().termEnd());
    }

    @Test
    void renewalFromALeapDayEndsOnTheLastDayOfFebruary() {
        MembershipTerms endsLeapDay = rules.start("GOLD", d("2023-03-01"), d("2024-02-29"), false, 30);
        assertEquals(d("2025-02-28"), rules.renew(endsLeapDay, d("2024-02-01"), 12).terms().termEnd());
    }

    @Test
    void renewalOfAMidMonthEndAddsPlainMonths() {
        MembershipTerms midMonth = rules.start("GOLD", d("2025-01-15"), d("2025-07-14"), false, 30);
        assertEquals(d("2026-07-14"), rules.renew(midMonth, d("2025-07-01"), 12).terms().termEnd());
    }

    @Test
    void renewalRefusesZeroMonths() {
        assertEquals("months", field(assertThrows(InvalidInput.class,
                () -> rules.renew(year2025, d("2025-06-01"), 0))));
    }

    @Test
    void renewalRefusesMoreThanTenYears() {
        assertEquals("months", field(assertThrows(InvalidInput.class,
                () -> rules.renew(year2025, d("2025-06-01"), 121))));
    }

    // ---- auto-renew

    @Test
    void autoRenewIsNotDueOnTheEndDate() {
        MembershipTerms auto = rules.start("GOLD", d("2025-01-01"), d("2025-12-31"), true, 30);
        assertTrue(rules.autoRenewal(auto, d("2025-12-31"), 12).isEmpty());
    }

    @Test
    void autoRenewExtendsTheDayAfterTheEndDateSoGraceIsNeverReached() {
        MembershipTerms auto = rules.start("GOLD", d("2025-01-01"), d("2025-12-31"), true, 30);
        MembershipTerms renewed = rules.autoRenewal(auto, d("2026-01-01"), 12).orElseThrow();
        assertEquals(d("2026-12-31"), renewed.termEnd());
        assertEquals(d("2025-01-01"), renewed.termStart());
        assertEquals(CURRENT, rules.status(renewed, d("2026-01-01")));
    }

    @Test
    void autoRenewCatchesUpSeveralMissedTermsInOneStep() {
        MembershipTerms auto = rules.start("GOLD", d("2022-01-01"), d("2022-12-31"), true, 30);
        assertEquals(d("2025-12-31"), rules.autoRenewal(auto, d("2025-03-01"), 12).orElseThrow().termEnd());
    }

    /** Read without a sweep: an auto-renewing membership rolls into its next term at term end, never into grace. */
    @Test
    void anAutoRenewingMembershipIsCurrentTheDayAfterItsEndDateWithoutASweep() {
        MembershipTerms auto = rules.start("GOLD", d("2025-01-01"), d("2025-12-31"), true, 30);
        assertEquals(CURRENT, rules.status(auto, d("2026-01-01")));
        assertEquals(CURRENT, rules.status(auto, d("2026-01-31")), "never in grace");
        assertEquals(CURRENT, rules.status(auto, d("2029-06-01")), "never expired");
    }

    @Test
    void anAutoRenewingMembershipStartedLessThanTheNewMonthsAgoIsStillNewAfterAShortTerm() {
        MembershipTerms shortAuto = rules.start("GOLD", d("2025-01-01"), d("2025-01-31"), true, 30);
        assertEquals(NEW, rules.status(shortAuto, d("2025-02-15")));
        assertEquals(CURRENT, rules.status(shortAuto, d("2025-04-01")));
    }

    @Test
    void asOfADayAnAutoRenewingMembershipShowsTheTermThatDayFallsIn() {
        MembershipTerms auto = rules.start("GOLD", d("2025-01-01"), d("2025-12-31"), true, 30);
        assertEquals(d("2025-12-31"), rules.asOf(auto, d("2025-12-31"), 12).termEnd());
        assertEquals(d("2026-12-31"), rules.asOf(auto, d("2026-01-01"), 12).termEnd());
        assertEquals(d("2027-12-31"), rules.asOf(auto, d("2027-03-01"), 12).termEnd());
        assertEquals(d("2025-12-31"), rules.asOf(year2025, d("2026-03-01"), 12).termEnd(), "no auto-renew: as it is");
    }

    @Test
    void asOfADaySettlesATierChangeThatHasTakenEffect() {
        MembershipTerms changed = rules.changeTier(year2025, d("2025-02-01"), "PLATINUM", d("2025-06-01"));
        assertEquals("GOLD", rules.asOf(changed, d("2025-05-31"), 12).tier());
        assertEquals("PLATINUM", rules.asOf(changed, d("2025-06-01"), 12).tier());
    }

    @Test
    void withoutAutoRenewNothingIsRenewedAutomatically() {
        assertTrue(rules.autoRenewal(year2025, d("2026-01-01"), 12).isEmpty());
    }

    // ---- tier changes

    @Test
    void tierChangeInTheFutureKeepsTheOldTierUntilItsEffectiveDate() {
        MembershipTerms changed = rules.changeTier(year2025, d("2025-05-10"), "PLATINUM", d("2025-07-01"));
        assertEquals("GOLD", rules.tierOn(changed, d("2025-06-30")));
        assertEquals("PLATINUM", rules.tierOn(changed, d("2025-07-01")));
        assertTrue(rules.pendingOn(changed, d("2025-06-30")).isPresent());
        assertTrue(rules.pendingOn(changed, d("2025-07-01")).isEmpty());
    }

    @Test
    void tierChangeEffectiveTodayAppliesAtOnce() {
        MembershipTerms changed = rules.changeTier(year2025, d("2025-05-10"), "PLATINUM", d("2025-05-10"));
        assertEquals("PLATINUM", changed.tier());
        assertEquals(null, changed.pendingTier());
    }

    @Test
    void tierChangeEffectiveInThePastIsRefused() {
        InvalidInput e = assertThrows(InvalidInput.class,
                () -> rules.changeTier(year2025, d("2025-05-10"), "PLATINUM", d("2025-05-09")));
        assertEquals("effectiveDate", field(e));
    }

    @Test
    void aPendingChangeWhoseDateHasPassedIsSettledIntoTheTier() {
        MembershipTerms changed = rules.changeTier(year2025, d("2025-05-10"), "PLATINUM", d("2025-07-01"));
        MembershipTerms settled = rules.settle(changed, d("2025-08-01"));
        assertEquals("PLATINUM", settled.tier());
        assertEquals(null, settled.pendingTier());
        assertEquals(changed, rules.settle(changed, d("2025-06-30")));
    }

    @Test
    void aSecondTierChangeReplacesOneStillPending() {
        MembershipTerms first = rules.changeTier(year2025, d("2025-05-10"), "PLATINUM", d("2025-07-01"));
        MembershipTerms second = rules.changeTier(first, d("2025-05-11"), "SILVER", d("2025-09-01"));
        assertEquals("GOLD", rules.tierOn(second, d("2025-08-01")));
        assertEquals("SILVER", rules.tierOn(second, d("2025-09-01")));
    }

    @Test
    void aTierChangeAfterAnEarlierOneTookEffectBuildsOnIt() {
        MembershipTerms first = rules.changeTier(year2025, d("2025-05-10"), "PLATINUM", d("2025-07-01"));
        MembershipTerms second = rules.changeTier(first, d("2025-08-01"), "SILVER", d("2025-09-01"));
        assertEquals("PLATINUM", rules.tierOn(second, d("2025-08-15")));
    }

    @Test
    void changingToTheSameTierIsRefused() {
        assertEquals("tier", field(assertThrows(InvalidInput.class,
                () -> rules.changeTier(year2025, d("2025-05-10"), "GOLD", d("2025-06-01")))));
    }

    @Test
    void anExpiredMembershipCannotChangeTier() {
        assertEquals("membership-state", assertThrows(StateConflict.class,
                () -> rules.changeTier(year2025, d("2026-02-01"), "PLATINUM", d("2026-02-01"))).slug());
    }

    @Test
    void renewalSettlesATierChangeThatHasTakenEffect() {
        MembershipTerms changed = rules.changeTier(year2025, d("2025-05-10"), "PLATINUM", d("2025-07-01"));
        assertEquals("PLATINUM", rules.renew(changed, d("2025-12-01"), 12).terms().tier());
    }

    // ---- ending

    @Test
    void endingMakesTheEndDateTheLastDayWithNoGraceAndNoAutoRenew() {
        MembershipTerms auto = rules.start("GOLD", d("2025-01-01"), d("2025-12-31"), true, 30);
        MembershipTerms ended = rules.end(auto, d("2025-06-01"), d("2025-06-30"));
        assertEquals(CURRENT, rules.status(ended, d("2025-06-30")));
        assertEquals(EXPIRED, rules.status(ended, d("2025-07-01")));
        assertFalse(ended.autoRenew());
        assertTrue(rules.autoRenewal(ended, d("2025-07-01"), 12).isEmpty());
    }

    @Test
    void endingAfterTheTermEndIsRefused() {
        assertEquals("endDate", field(assertThrows(InvalidInput.class,
                () -> rules.end(year2025, d("2025-06-01"), d("2026-01-01")))));
    }

    @Test
    void endingBeforeTheTermStartIsRefused() {
        assertEquals("endDate", field(assertThrows(InvalidInput.class,
                () -> rules.end(year2025, d("2024-12-01"), d("2024-12-31")))));
    }

    @Test
    void endingAnExpiredMembershipIsAConflict() {
        assertEquals("membership-state", assertThrows(StateConflict.class,
                () -> rules.end(year2025, d("2026-03-01"), d("2025-12-31"))).slug());
    }

    @Test
    void endingDuringGraceOnTheOldEndDateExpiresItNextDay() {
        MembershipTerms ended = rules.end(year2025, d("2026-01-10"), d("2025-12-31"));
        assertEquals(EXPIRED, rules.status(ended, d("2026-01-10")));
    }
}
