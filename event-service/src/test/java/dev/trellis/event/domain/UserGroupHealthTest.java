package dev.trellis.event.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.event.domain.UserGroupHealth.Health;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserGroupHealthTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private static Instant daysAgo(long days) {
        return NOW.minus(days, ChronoUnit.DAYS);
    }

    @Test
    void aGroupWithoutMeetupsIsDormantAndNotEligible() {
        assertEquals(Health.DORMANT, UserGroupHealth.health(List.of(), NOW));
        assertFalse(UserGroupHealth.eligible(List.of(), NOW));
    }

    @Test
    void aMeetup59DaysAgoKeepsTheGroupActive() {
        assertEquals(Health.ACTIVE, UserGroupHealth.health(List.of(daysAgo(59)), NOW));
    }

    @Test
    void aMeetupExactly60DaysAgoStillCounts() {
        assertEquals(Health.ACTIVE, UserGroupHealth.health(List.of(daysAgo(60)), NOW));
    }

    @Test
    void aMeetupJustOver60DaysAgoDoesNot() {
        assertEquals(Health.DORMANT, UserGroupHealth.health(List.of(daysAgo(60).minusSeconds(1)), NOW));
    }

    @Test
    void aMeetup61DaysAgoMakesTheGroupDormant() {
        assertEquals(Health.DORMANT, UserGroupHealth.health(List.of(daysAgo(61), daysAgo(200)), NOW));
    }

    @Test
    void aMeetupStillToComeDoesNotCount() {
        assertEquals(Health.DORMANT, UserGroupHealth.health(List.of(NOW.plusSeconds(1), daysAgo(90)), NOW));
        assertFalse(UserGroupHealth.eligible(List.of(NOW.plus(3, ChronoUnit.DAYS), daysAgo(10), daysAgo(100)), NOW));
    }

    @Test
    void twoMeetupsAreNotEnoughForEligibility() {
        assertFalse(UserGroupHealth.eligible(List.of(daysAgo(5), daysAgo(100)), NOW));
    }

    @Test
    void threeMeetupsWithOneInTheLast60DaysAreEligible() {
        assertTrue(UserGroupHealth.eligible(List.of(daysAgo(60), daysAgo(100), daysAgo(300)), NOW));
    }

    @Test
    void threeMeetupsAllOlderThan60DaysAreNotEligible() {
        assertFalse(UserGroupHealth.eligible(List.of(daysAgo(61), daysAgo(100), daysAgo(300)), NOW));
    }

    @Test
    void manyRecentMeetupsAreEligible() {
        assertTrue(UserGroupHealth.eligible(List.of(daysAgo(1), daysAgo(20), daysAgo(40), daysAgo(59)), NOW));
    }
}
