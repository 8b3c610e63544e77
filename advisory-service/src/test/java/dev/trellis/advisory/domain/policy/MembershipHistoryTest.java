package dev.trellis.advisory.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A membership on a day follows from the dates of its changes (partner-service's membership-changed). */
class MembershipHistoryTest {
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);

    /** Changes in the order they were recorded. */
    private final List<MembershipHistory.Change> changes = new ArrayList<>();

    private MembershipHistoryTest change(LocalDate effective, String tier, LocalDate start, LocalDate end, int grace, boolean autoRenew) {
        changes.add(new MembershipHistory.Change(changes.size() + 1, effective, tier, start, end, grace, autoRenew, MembershipStatus.CURRENT));
        return this;
    }

    private MembershipHistoryTest started(String tier) {
        return change(START, tier, START, END, 30, false);
    }

    private MembershipHistory history() {
        return new MembershipHistory(changes);
    }

    private Optional<MembershipStatus> statusOn(String day) {
        return history().statusOn(LocalDate.parse(day));
    }

    @Test
    void beforeItsFirstChangeAPartnerHasNoMembership() {
        started("GOLD");
        assertNull(history().tierOn(START.minusDays(1)));
        assertEquals(Optional.empty(), history().statusOn(START.minusDays(1)));
        assertFalse(history().memberOn(START.minusDays(1)));
        assertFalse(MembershipHistory.NONE.memberOn(START));
    }

    @Test
    void theStatusFollowsTheTermAndTheGraceDays() {
        started("GOLD");
        assertEquals(Optional.of(MembershipStatus.NEW), statusOn("2026-01-01"));
        assertEquals(Optional.of(MembershipStatus.NEW), statusOn("2026-03-31"));
        assertEquals(Optional.of(MembershipStatus.CURRENT), statusOn("2026-04-01"));
        assertEquals(Optional.of(MembershipStatus.CURRENT), statusOn("2026-12-31"));
        assertEquals(Optional.of(MembershipStatus.GRACE), statusOn("2027-01-01"));
        assertEquals(Optional.of(MembershipStatus.GRACE), statusOn("2027-01-30"));
        assertEquals(Optional.of(MembershipStatus.EXPIRED), statusOn("2027-01-31"));
        assertTrue(history().memberOn(LocalDate.parse("2027-01-30")));
        assertFalse(history().memberOn(LocalDate.parse("2027-01-31")));
    }

    @Test
    void aTermThatHasNotStartedIsPending() {
        change(START.minusMonths(1), "GOLD", START, END, 0, false);
        assertEquals(Optional.of(MembershipStatus.PENDING), history().statusOn(START.minusDays(1)));
        assertFalse(history().memberOn(START.minusDays(1)));
    }

    @Test
    void anAutoRenewingMembershipRollsOverAtItsTermEnd() {
        change(START, "GOLD", START, END, 0, true);
        assertEquals(Optional.of(MembershipStatus.CURRENT), statusOn("2027-01-01"));
        assertEquals(Optional.of(MembershipStatus.CURRENT), statusOn("2028-06-01"));
        assertTrue(history().memberOn(LocalDate.parse("2027-01-01")));
    }

    @Test
    void theReportedStatusDoesNotOverruleTheDates() {
        changes.add(new MembershipHistory.Change(1, START, "GOLD", START, END, 0, true, MembershipStatus.EXPIRED));
        assertTrue(history().memberOn(END.plusDays(1)));
        changes.clear();
        changes.add(new MembershipHistory.Change(1, START, "GOLD", START, END, 30, false, MembershipStatus.CURRENT));
        assertFalse(history().memberOn(END.plusDays(40)));
    }

    @Test
    void aChangeWithoutDatesHasTheStatusItReported() {
        changes.add(new MembershipHistory.Change(1, LocalDate.of(1970, 1, 1), "GOLD", null, null, 0, false, MembershipStatus.CURRENT));
        assertTrue(history().memberOn(START));
        changes.clear();
        changes.add(new MembershipHistory.Change(1, LocalDate.of(1970, 1, 1), "GOLD", null, null, 0, false, MembershipStatus.EXPIRED));
        assertFalse(history().memberOn(START));
    }

    @Test
    void aTierChangeAppliesFromItsEffectiveDateOnly() {
        started("GOLD").change(LocalDate.of(2027, 1, 1), "SILVER", START, END, 30, true);
        assertEquals("GOLD", history().tierOn(LocalDate.of(2026, 12, 31)));
        assertEquals("SILVER", history().tierOn(LocalDate.of(2027, 1, 1)));
        assertTrue(history().memberOn(LocalDate.of(2026, 12, 31)));
        // from the change on, its term applies too: it renews automatically
        assertTrue(history().memberOn(LocalDate.of(2027, 6, 1)));
    }

    @Test
    void aRenewalRecordedAfterAScheduledTierChangeKeepsTheChangeAndExtendsTheTerm() {
        LocalDate later = LocalDate.of(2027, 3, 1);
        started("GOLD")
                .change(later, "SILVER", START, END, 0, false)
                .change(LocalDate.of(2026, 6, 1), "GOLD", START, END.plusYears(1), 0, false);
        assertEquals("GOLD", history().tierOn(LocalDate.of(2027, 2, 28)));
        assertEquals("SILVER", history().tierOn(later));
        assertEquals(Optional.of(MembershipStatus.CURRENT), history().statusOn(LocalDate.of(2027, 2, 28)));
        // the renewal was recorded last, so its term counts once the tier change is in effect as well
        assertEquals(Optional.of(MembershipStatus.CURRENT), history().statusOn(later));
    }

    @Test
    void anEndedMembershipExpiresTheDayAfterItsEnd() {
        LocalDate end = LocalDate.of(2026, 9, 30);
        started("GOLD").change(end, "GOLD", START, end, 0, false);
        assertTrue(history().memberOn(LocalDate.of(2026, 9, 29)));
        assertTrue(history().memberOn(end));
        assertFalse(history().memberOn(end.plusDays(1)));
    }

    @Test
    void twoChangesWithTheSameEffectiveDateTakeTheOneRecordedLast() {
        started("GOLD").change(START, "PLATINUM", START, END, 30, false);
        assertEquals("PLATINUM", history().tierOn(START));
    }
}
