package dev.trellis.advisory.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.contracts.partner.MembershipTerms;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A membership on a day follows from the terms of its latest change (partner-service's membership-changed). */
class MembershipHistoryTest {
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);

    /** Changes in the order they were recorded. */
    private final List<MembershipHistory.Change> changes = new ArrayList<>();

    private MembershipHistoryTest change(MembershipTerms terms) {
        changes.add(new MembershipHistory.Change(changes.size() + 1, terms, terms.tierOn(terms.termStart()), MembershipStatus.CURRENT));
        return this;
    }

    private MembershipHistoryTest started(String tier) {
        return change(terms(tier, START, END, 30, false));
    }

    private static MembershipTerms terms(String tier, LocalDate start, LocalDate end, int grace, boolean autoRenew) {
        return new MembershipTerms(tier, null, null, start, end, autoRenew, grace);
    }

    private MembershipHistory history() {
        return new MembershipHistory(changes);
    }

    private Optional<MembershipStatus> statusOn(String day) {
        return history().statusOn(LocalDate.parse(day));
    }

    @Test
    void withoutAChangeAPartnerHasNoMembership() {
        assertNull(MembershipHistory.NONE.tierOn(START));
        assertEquals(Optional.empty(), MembershipHistory.NONE.statusOn(START));
        assertFalse(MembershipHistory.NONE.memberOn(START));
    }

    @Test
    void theStatusFollowsTheTermAndTheGraceDays() {
        started("GOLD");
        assertEquals(Optional.of(MembershipStatus.PENDING), statusOn("2025-12-31"));
        assertEquals(Optional.of(MembershipStatus.NEW), statusOn("2026-01-01"));
        assertEquals(Optional.of(MembershipStatus.NEW), statusOn("2026-03-31"));
        assertEquals(Optional.of(MembershipStatus.CURRENT), statusOn("2026-04-01"));
        assertEquals(Optional.of(MembershipStatus.CURRENT), statusOn("2026-12-31"));
        assertEquals(Optional.of(MembershipStatus.GRACE), statusOn("2027-01-01"));
        assertEquals(Optional.of(MembershipStatus.GRACE), statusOn("2027-01-30"));
        assertEquals(Optional.of(MembershipStatus.EXPIRED), statusOn("2027-01-31"));
        assertTrue(history().memberOn(LocalDate.parse("2027-01-30")));
        assertFalse(history().memberOn(LocalDate.parse("2027-01-31")));
        assertFalse(history().memberOn(START.minusDays(1)));
    }

    @Test
    void anAutoRenewingMembershipRollsOverAtItsTermEnd() {
        change(terms("GOLD", START, END, 0, true));
        assertEquals(Optional.of(MembershipStatus.CURRENT), statusOn("2027-01-01"));
        assertEquals(Optional.of(MembershipStatus.CURRENT), statusOn("2028-06-01"));
        assertTrue(history().memberOn(LocalDate.parse("2027-01-01")));
    }

    @Test
    void theReportedStatusDoesNotOverruleTheTerms() {
        changes.add(new MembershipHistory.Change(1, terms("GOLD", START, END, 0, true), "GOLD", MembershipStatus.EXPIRED));
        assertTrue(history().memberOn(END.plusDays(1)));
        changes.clear();
        changes.add(new MembershipHistory.Change(1, terms("GOLD", START, END, 30, false), "GOLD", MembershipStatus.CURRENT));
        assertFalse(history().memberOn(END.plusDays(40)));
    }

    @Test
    void aChangeWithoutDatesHasTheTierAndStatusItReported() {
        changes.add(new MembershipHistory.Change(1, null, "GOLD", MembershipStatus.CURRENT));
        assertTrue(history().memberOn(START));
        assertEquals("GOLD", history().tierOn(START));
        changes.clear();
        changes.add(new MembershipHistory.Change(1, null, "GOLD", MembershipStatus.EXPIRED));
        assertFalse(history().memberOn(START));
    }

    @Test
    void aScheduledTierChangeAppliesFromItsEffectiveDateOnly() {
        started("GOLD").change(new MembershipTerms("GOLD", "SILVER", LocalDate.of(2027, 1, 1), START, END, true, 30));
        assertEquals("GOLD", history().tierOn(LocalDate.of(2026, 12, 31)));
        assertEquals("SILVER", history().tierOn(LocalDate.of(2027, 1, 1)));
        assertTrue(history().memberOn(LocalDate.of(2026, 12, 31)));
        assertTrue(history().memberOn(LocalDate.of(2027, 6, 1)));
    }

    @Test
    void theLatestChangeDecidesSoAReplacedTierChangeNoLongerCounts() {
        LocalDate silverFrom = LocalDate.of(2026, 9, 1);
        LocalDate platinumFrom = LocalDate.of(2026, 11, 1);
        started("GOLD")
                .change(new MembershipTerms("GOLD", "SILVER", silverFrom, START, END, false, 30))
                .change(new MembershipTerms("GOLD", "PLATINUM", platinumFrom, START, END, false, 30));
        assertEquals("GOLD", history().tierOn(silverFrom));
        assertEquals("PLATINUM", history().tierOn(platinumFrom));
    }

    @Test
    void anEndedMembershipExpiresTheDayAfterItsEnd() {
        LocalDate end = LocalDate.of(2026, 9, 30);
        started("GOLD").change(terms("GOLD", START, end, 0, false));
        assertTrue(history().memberOn(LocalDate.of(2026, 9, 29)));
        assertTrue(history().memberOn(end));
        assertFalse(history().memberOn(end.plusDays(1)));
    }
}
