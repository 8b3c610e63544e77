package dev.trellis.contracts.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one reading of a membership's terms that partner-service, advisory-service and event-service share. */
class MembershipTermsTest {
    private static final MembershipTerms GOLD_2026 = new MembershipTerms("GOLD", null, null, d("2026-01-01"), d("2026-12-31"),
            false, 30);

    @Test
    void statusFollowsTheDates() {
        assertEquals(MembershipStatus.PENDING, GOLD_2026.statusOn(d("2025-12-31"), 3));
        assertEquals(MembershipStatus.NEW, GOLD_2026.statusOn(d("2026-03-31"), 3));
        assertEquals(MembershipStatus.CURRENT, GOLD_2026.statusOn(d("2026-04-01"), 3));
        assertEquals(MembershipStatus.CURRENT, GOLD_2026.statusOn(d("2026-12-31"), 3));
        assertEquals(MembershipStatus.GRACE, GOLD_2026.statusOn(d("2027-01-30"), 3));
        assertEquals(MembershipStatus.EXPIRED, GOLD_2026.statusOn(d("2027-01-31"), 3));
        assertTrue(GOLD_2026.memberOn(d("2027-01-30")));
        assertFalse(GOLD_2026.memberOn(d("2027-01-31")));
        assertFalse(GOLD_2026.memberOn(d("2025-12-31")));
    }

    @Test
    void anAutoRenewingMembershipIsCurrentTheDayAfterItsTermEnds() {
        MembershipTerms auto = new MembershipTerms("GOLD", null, null, d("2025-01-01"), d("2026-11-30"), true, 30);
        assertEquals(MembershipStatus.CURRENT, auto.statusOn(d("2026-12-01"), 3));
        assertEquals(MembershipStatus.CURRENT, auto.statusOn(d("2031-06-01"), 3));
    }

    @Test
    void aScheduledTierChangeAppliesFromItsEffectiveDateOnly() {
        MembershipTerms scheduled = new MembershipTerms("GOLD", "SILVER", d("2027-01-01"), d("2026-01-01"), d("2027-12-31"),
                false, 30);
        assertEquals("GOLD", scheduled.tierOn(d("2026-12-31")));
        assertEquals("SILVER", scheduled.tierOn(d("2027-01-01")));
        assertEquals(new MembershipTerms("SILVER", null, null, d("2026-01-01"), d("2027-12-31"), false, 30),
                scheduled.settledOn(d("2027-01-01")));
        assertEquals(scheduled, scheduled.settledOn(d("2026-12-31")));
    }

    @Test
    void anEventThatCarriesItsTermsIsReadByThem() {
        MembershipTerms terms = new MembershipTerms("GOLD", "SILVER", d("2027-01-01"), d("2026-01-01"), d("2027-12-31"), false, 30);
        MembershipChanged e = event("SILVER", d("2027-01-01"), MembershipChangeKind.TIER_CHANGED, terms);
        assertEquals(terms, e.termsAfter(null, d("2026-12-01")));
    }

    @Test
    void anEarlierEventsFutureTierChangeIsPendingOverTheTierBeforeIt() {
        MembershipTerms before = GOLD_2026;
        MembershipChanged change = event("SILVER", d("2027-01-01"), MembershipChangeKind.TIER_CHANGED, null);
        MembershipTerms after = change.termsAfter(before, d("2026-12-01"));
        assertEquals("GOLD", after.tierOn(d("2026-12-31")));
        assertEquals("SILVER", after.tierOn(d("2027-01-01")));

        // A renewal recorded later keeps the change pending (the earlier reading dropped it).
        MembershipChanged renewal = event("GOLD", d("2026-12-02"), MembershipChangeKind.RENEWED, null);
        MembershipTerms renewed = renewal.termsAfter(after, d("2026-12-02"));
        assertEquals("GOLD", renewed.tierOn(d("2026-12-31")));
        assertEquals("SILVER", renewed.tierOn(d("2027-01-01")));

        // A new membership replaces what the old one had pending.
        MembershipChanged started = event("PLATINUM", d("2026-12-03"), MembershipChangeKind.STARTED, null);
        MembershipTerms fresh = started.termsAfter(renewed, d("2026-12-03"));
        assertEquals("PLATINUM", fresh.tierOn(d("2027-06-01")));
        assertNull(fresh.pendingTier());
    }

    private static MembershipChanged event(String tier, LocalDate effective, MembershipChangeKind kind, MembershipTerms terms) {
        return new MembershipChanged(UUID.randomUUID(), UUID.randomUUID(), tier, MembershipStatus.CURRENT, d("2026-01-01"),
                d("2027-12-31"), 30, false, effective, kind, terms);
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }
}
