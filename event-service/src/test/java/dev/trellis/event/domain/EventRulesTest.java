package dev.trellis.event.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.platform.domain.DomainRuleViolation;
import dev.trellis.platform.domain.RuleViolation;
import dev.trellis.platform.domain.StateConflict;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** An event's status moves and the rules of publishing, completing, registering and checking in. */
class EventRulesTest {
    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    private static Event event(EventStatus status) {
        Event e = new Event();
        e.status = status;
        e.startsAt = NOW.plus(1, ChronoUnit.DAYS);
        e.endsAt = e.startsAt.plus(3, ChronoUnit.HOURS);
        e.venue = "Maria 01";
        return e;
    }

    private static void assertSlug(String slug, DomainRuleViolation e) {
        assertEquals(slug, e.slug());
        assertEquals(slug, e.rules().get(0).rule());
    }

    @Test
    void aDraftIsPublishedOrCancelledAndAPublishedEventCompletedOrCancelled() {
        Event draft = event(EventStatus.DRAFT);
        draft.moveTo(EventStatus.PUBLISHED);
        assertEquals(EventStatus.PUBLISHED, draft.status);
        draft.moveTo(EventStatus.COMPLETED);
        assertEquals(EventStatus.COMPLETED, draft.status);
        Event other = event(EventStatus.DRAFT);
        other.moveTo(EventStatus.CANCELLED);
        assertEquals(EventStatus.CANCELLED, other.status);
    }

    @Test
    void aMoveTheStatusDoesNotAllowIsAStateConflict() {
        assertSlug("status-transition", assertThrows(StateConflict.class,
                () -> event(EventStatus.PUBLISHED).moveTo(EventStatus.DRAFT)));
        assertSlug("status-transition", assertThrows(StateConflict.class,
                () -> event(EventStatus.CANCELLED).moveTo(EventStatus.PUBLISHED)));
        assertSlug("status-transition", assertThrows(StateConflict.class,
                () -> event(EventStatus.CANCELLED).moveTo(EventStatus.CANCELLED)));
        assertSlug("status-transition", assertThrows(StateConflict.class,
                () -> event(EventStatus.COMPLETED).moveTo(EventStatus.CANCELLED)));
        assertSlug("status-transition", assertThrows(StateConflict.class,
                () -> event(EventStatus.DRAFT).moveTo(EventStatus.COMPLETED)));
    }

    @Test
    void aCancelledOrCompletedEventCanNoLongerBeChanged() {
        assertDoesNotThrow(() -> event(EventStatus.DRAFT).requireChangeable());
        assertDoesNotThrow(() -> event(EventStatus.PUBLISHED).requireChangeable());
        assertSlug("event-closed", assertThrows(StateConflict.class, () -> event(EventStatus.CANCELLED).requireChangeable()));
        assertSlug("event-closed", assertThrows(StateConflict.class, () -> event(EventStatus.COMPLETED).requireChangeable()));
    }

    @Test
    void aPublishedEventNeedsAVenueOrAnOnlineLink() {
        Event online = event(EventStatus.DRAFT);
        online.venue = null;
        online.onlineUrl = "https://meet.example.org/x";
        assertDoesNotThrow(online::requirePlace);
        online.onlineUrl = null;
        assertSlug("event-without-place", assertThrows(RuleViolation.class, online::requirePlace));
    }

    @Test
    void anEventIsCompletedOnceItHasStarted() {
        Event e = event(EventStatus.PUBLISHED);
        assertSlug("event-not-started", assertThrows(RuleViolation.class, () -> e.requireStarted(NOW)));
        assertDoesNotThrow(() -> e.requireStarted(e.startsAt));
    }

    @Test
    void registrationIsOpenWhilePublishedNotOverAndInsideTheWindow() {
        Event e = event(EventStatus.PUBLISHED);
        assertTrue(e.registrationOpen(NOW));
        assertFalse(e.registrationOpen(e.endsAt), "over");
        e.registrationOpensAt = NOW.plusSeconds(1);
        assertFalse(e.registrationOpen(NOW), "before the window");
        assertTrue(e.registrationOpen(NOW.plusSeconds(1)), "the window opens at its first instant");
        e.registrationClosesAt = NOW.plusSeconds(60);
        assertFalse(e.registrationOpen(NOW.plusSeconds(60)), "the window closes at its last instant");
        assertSlug("registration-closed", assertThrows(RuleViolation.class, () -> e.requireRegistrationOpen(NOW)));
        assertSlug("registration-closed", assertThrows(RuleViolation.class,
                () -> event(EventStatus.DRAFT).requireRegistrationOpen(NOW)));
    }

    @Test
    void checkInIsOpenAtPublishedEventsOnly() {
        assertDoesNotThrow(() -> event(EventStatus.PUBLISHED).requireCheckInOpen());
        for (EventStatus closed : new EventStatus[] {EventStatus.DRAFT, EventStatus.CANCELLED, EventStatus.COMPLETED}) {
            assertSlug("check-in-closed", assertThrows(StateConflict.class, () -> event(closed).requireCheckInOpen()));
        }
    }

    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void checkInNineDaysBeforeTheStartIsRefused() {
        Event e = event(EventStatus.PUBLISHED);
        Instant nineDaysBefore = e.startsAt.minus(9, ChronoUnit.DAYS);
        assertFalse(e.checkInOpen(nineDaysBefore, DAY));
        assertSlug("check-in-not-open", assertThrows(RuleViolation.class,
                () -> e.requireCheckInTime(nineDaysBefore, DAY)));
    }

    @Test
    void checkInOpensAtTheConfiguredTimeBeforeTheStartAndStaysOpenAfterTheEvent() {
        Event e = event(EventStatus.PUBLISHED);
        assertEquals(e.startsAt.minus(DAY), e.checkInOpensAt(DAY));
        assertFalse(e.checkInOpen(e.startsAt.minus(DAY).minusSeconds(1), DAY), "a second before it opens");
        assertTrue(e.checkInOpen(e.startsAt.minus(DAY), DAY), "it opens at its first instant");
        assertTrue(e.checkInOpen(e.startsAt, DAY));
        assertTrue(e.checkInOpen(e.endsAt.plus(2, ChronoUnit.DAYS), DAY), "late sign-in sheets");
        assertDoesNotThrow(() -> e.requireCheckInTime(e.startsAt.minus(DAY), DAY));
        Duration twoHours = Duration.ofHours(2);
        assertFalse(e.checkInOpen(e.startsAt.minus(3, ChronoUnit.HOURS), twoHours), "a shorter window opens later");
        assertTrue(e.checkInOpen(e.startsAt.minus(2, ChronoUnit.HOURS), twoHours));
        assertFalse(e.checkInOpen(e.startsAt.minusSeconds(1), Duration.ZERO), "with no window: from the start");
        assertTrue(e.checkInOpen(e.startsAt, Duration.ZERO));
    }
}
