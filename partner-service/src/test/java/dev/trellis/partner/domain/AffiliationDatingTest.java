package dev.trellis.partner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.StateConflict;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dating rules of affiliations, without a database. */
class AffiliationDatingTest {
    private static final LocalDate JAN_1 = LocalDate.of(2025, 1, 1);
    private static final LocalDate JUN_30 = LocalDate.of(2025, 6, 30);
    private static final LocalDate JUL_1 = LocalDate.of(2025, 7, 1);

    @Test
    void anOpenRangeContainsEveryDayFromItsStart() {
        DateRange open = DateRange.openFrom(JAN_1);
        assertTrue(open.isOpen());
        assertTrue(open.contains(JAN_1));
        assertTrue(open.contains(LocalDate.of(2099, 12, 31)));
        assertFalse(open.contains(JAN_1.minusDays(1)));
    }

    @Test
    void bothEndsOfAClosedRangeAreInside() {
        DateRange closed = new DateRange(JAN_1, JUN_30);
        assertTrue(closed.contains(JAN_1));
        assertTrue(closed.contains(JUN_30));
        assertFalse(closed.contains(JUL_1));
    }

    @Test
    void aRangeMayEndOnTheDayItStarts() {
        assertEquals(JAN_1, new DateRange(JAN_1, JAN_1).end());
    }

    @Test
    void aRangeCannotEndBeforeItStarts() {
        InvalidInput e = assertThrows(InvalidInput.class, () -> new DateRange(JUL_1, JUN_30));
        assertEquals("endDate", e.errors().get(0).field());
    }

    @Test
    void endedBeforeIsFalseForOpenRangesAndOnTheLastDay() {
        assertFalse(DateRange.openFrom(JAN_1).endedBefore(JUL_1));
        assertFalse(new DateRange(JAN_1, JUN_30).endedBefore(JUN_30));
        assertTrue(new DateRange(JAN_1, JUN_30).endedBefore(JUL_1));
    }

    @Test
    void rangesThatShareADayOverlap() {
        assertTrue(new DateRange(JAN_1, JUN_30).overlaps(new DateRange(JUN_30, null)));
        assertTrue(DateRange.openFrom(JAN_1).overlaps(DateRange.openFrom(JUL_1)));
        assertTrue(DateRange.openFrom(JUL_1).overlaps(new DateRange(JAN_1, JUL_1)));
    }

    @Test
    void consecutiveRangesDoNotOverlap() {
        assertFalse(new DateRange(JAN_1, JUN_30).overlaps(DateRange.openFrom(JUL_1)));
        assertFalse(DateRange.openFrom(JUL_1).overlaps(new DateRange(JAN_1, JUN_30)));
    }

    @Test
    void onlyAnOpenRangeCanEnd() {
        assertEquals(new DateRange(JAN_1, JUN_30), DateRange.openFrom(JAN_1).endingOn(JUN_30));
        StateConflict e = assertThrows(StateConflict.class, () -> new DateRange(JAN_1, JUN_30).endingOn(JUL_1));
        assertEquals("affiliation-conflict", e.slug());
    }

    @Test
    void aMoveEndsTheRangeOnTheDayBeforeTheMove() {
        assertEquals(JUN_30, DateRange.openFrom(JAN_1).endingBeforeMove(JUL_1).end());
    }

    @Test
    void aMoveTheDayAfterTheStartLeavesAOneDayRange() {
        assertEquals(new DateRange(JAN_1, JAN_1), DateRange.openFrom(JAN_1).endingBeforeMove(JAN_1.plusDays(1)));
    }

    @Test
    void aMoveOnOrBeforeTheStartIsRefusedNamingTheMoveDate() {
        InvalidInput onStart = assertThrows(InvalidInput.class, () -> DateRange.openFrom(JUL_1).endingBeforeMove(JUL_1));
        assertEquals("date", onStart.errors().get(0).field());
        assertThrows(InvalidInput.class, () -> DateRange.openFrom(JUL_1).endingBeforeMove(JAN_1));
    }

    @Test
    void manualEditsWinOverImportedOnes() {
        assertTrue(AffiliationSource.IMPORT.yieldsTo(AffiliationSource.IMPORT));
        assertTrue(AffiliationSource.IMPORT.yieldsTo(AffiliationSource.MANUAL));
        assertTrue(AffiliationSource.MANUAL.yieldsTo(AffiliationSource.MANUAL));
        assertFalse(AffiliationSource.MANUAL.yieldsTo(AffiliationSource.IMPORT));
    }

    @Test
    void anImportCannotEndAManualAffiliation() {
        Affiliation manual = Affiliation.start(UUID.randomUUID(), UUID.randomUUID(), AffiliationRole.DEVELOPER, JAN_1,
                AffiliationSource.MANUAL);
        assertThrows(StateConflict.class, () -> manual.end(JUN_30, AffiliationSource.IMPORT));
        assertTrue(manual.period().isOpen(), "unchanged");
    }

    @Test
    void aManualEndOfAnImportedAffiliationMakesItManual() {
        Affiliation imported = Affiliation.start(UUID.randomUUID(), UUID.randomUUID(), AffiliationRole.DEVELOPER,
                JAN_1, AffiliationSource.IMPORT);
        imported.end(JUN_30, AffiliationSource.MANUAL);
        assertEquals(JUN_30, imported.endDate);
        assertEquals(AffiliationSource.MANUAL, imported.source);
    }

    @Test
    void anImportMayEndAnImportedAffiliationAndItStaysImported() {
        Affiliation imported = Affiliation.start(UUID.randomUUID(), UUID.randomUUID(), AffiliationRole.BILLING,
                JAN_1, AffiliationSource.IMPORT);
        imported.endForMove(JUL_1, AffiliationSource.IMPORT);
        assertEquals(JUN_30, imported.endDate);
        assertEquals(AffiliationSource.IMPORT, imported.source);
    }

    @Test
    void anAffiliationIsCurrentOnlyWithinItsDates() {
        Affiliation a = Affiliation.start(UUID.randomUUID(), UUID.randomUUID(), AffiliationRole.EXECUTIVE_SPONSOR,
                JAN_1, AffiliationSource.MANUAL);
        a.end(JUN_30, AffiliationSource.MANUAL);
        assertTrue(a.isCurrentOn(JUN_30));
        assertFalse(a.isCurrentOn(JUL_1));
        assertFalse(a.isCurrentOn(JAN_1.minusDays(1)));
    }
}
