package dev.trellis.event;

import static dev.trellis.event.Fixtures.team;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.event.domain.Registration;
import dev.trellis.event.service.ReminderService;
import dev.trellis.platform.testing.mail.GreenMailInbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** Reminders before an event, and the mails when staff cancel an event or move it, read back over IMAP. */
@QuarkusTest
class EventMailsTest {
    @Inject
    ReminderService reminders;

    @Test
    void registrantsAreRemindedOnceADayBeforeTheStartAndTheWaitlistIsNot() throws Exception {
        UUID event = Fixtures.publishedEvent(1, Instant.now().plus(12, ChronoUnit.HOURS));
        String seated = GreenMailInbox.newAddress("reminded");
        String waiting = GreenMailInbox.newAddress("not-reminded");
        String seatedId = Fixtures.registerGuest(event, seated)[0];
        String waitingId = Fixtures.registerGuest(event, waiting)[0];
        GreenMailInbox.await(seated, 1);
        GreenMailInbox.await(waiting, 1);
        // Registered two days ago: a registration made inside the last day before the start is not reminded.
        registeredAgo(seatedId, Duration.ofDays(2));
        registeredAgo(waitingId, Duration.ofDays(2));

        reminders.sweep();
        reminders.sweep();

        GreenMailInbox.Received reminder = GreenMailInbox.await(seated, 2).get(1);
        assertTrue(reminder.subject().startsWith("Reminder: Meetup "), reminder.subject());
        assertTrue(reminder.text().contains("a reminder that you are registered for Meetup "), reminder.text());
        assertTrue(reminder.html().contains("<p>a reminder that you are registered for <strong>Meetup "), reminder.html());
        assertEquals(List.of("event.ics"), reminder.attachmentNames());
        Thread.sleep(2500); // two more relay rounds: nothing else arrives
        assertEquals(2, GreenMailInbox.mails(seated).size(), "one reminder");
        assertEquals(1, GreenMailInbox.mails(waiting).size(), "the waitlist is not reminded");
        assertEquals(0, reminders.sweep(), "nothing is due twice");
    }

    @Test
    void aRegistrationMadeInsideTheReminderTimeIsNotRemindedAndAnEventFurtherAwayNotYet() throws Exception {
        UUID soon = Fixtures.publishedEvent(10, Instant.now().plus(12, ChronoUnit.HOURS));
        UUID later = Fixtures.publishedEvent(10, Instant.now().plus(3, ChronoUnit.DAYS));
        String fresh = GreenMailInbox.newAddress("fresh");
        String early = GreenMailInbox.newAddress("early");
        Fixtures.registerGuest(soon, fresh);
        registeredAgo(Fixtures.registerGuest(later, early)[0], Duration.ofDays(5));
        GreenMailInbox.await(fresh, 1);
        GreenMailInbox.await(early, 1);
        reminders.sweep();
        Thread.sleep(2500);
        assertEquals(1, GreenMailInbox.mails(fresh).size());
        assertEquals(1, GreenMailInbox.mails(early).size());
    }

    @Test
    void cancellingAnEventTellsEveryoneRegisteredOrWaiting() throws Exception {
        UUID event = Fixtures.publishedEvent(1);
        String seated = GreenMailInbox.newAddress("cancel-seated");
        String waiting = GreenMailInbox.newAddress("cancel-waiting");
        Fixtures.registerGuest(event, seated);
        Fixtures.registerGuest(event, waiting);
        Fixtures.status(event, "CANCELLED");

        for (String to : List.of(seated, waiting)) {
            GreenMailInbox.Received mail = withSubject(GreenMailInbox.await(to, 2), "Cancelled: Meetup ");
            assertTrue(mail.text().contains("has been cancelled and will not take place"), mail.text());
            assertEquals(List.of("event.ics"), mail.attachmentNames());
            VEvent entry = mail.calendar().<VEvent>getComponents(Component.VEVENT).get(0);
            assertEquals("CANCELLED", entry.getProperty("STATUS").orElseThrow().getValue());
        }
    }

    @Test
    void movingAnEventTellsEveryoneTheNewTimeWithAnUpdatedCalendarEntry() throws Exception {
        Instant startsAt = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        UUID event = Fixtures.publishedEvent(1, startsAt);
        String seated = GreenMailInbox.newAddress("moved-seated");
        String waiting = GreenMailInbox.newAddress("moved-waiting");
        Fixtures.registerGuest(event, seated);
        Fixtures.registerGuest(event, waiting);
        Instant moved = startsAt.plus(7, ChronoUnit.DAYS);
        given().auth().oauth2(team()).contentType(ContentType.JSON).header("If-Match", "*")
                .body("{\"startsAt\":\"" + moved + "\",\"endsAt\":\"" + moved.plus(3, ChronoUnit.HOURS) + "\"}")
                .patch("/api/events/{id}", event).then().statusCode(200);
        // A change that keeps the time (the venue) tells nobody.
        given().auth().oauth2(team()).contentType(ContentType.JSON).header("If-Match", "*")
                .body("{\"venue\":\"Maria 02\"}").patch("/api/events/{id}", event).then().statusCode(200);

        for (String to : List.of(seated, waiting)) {
            GreenMailInbox.Received mail = withSubject(GreenMailInbox.await(to, 2), "New time: Meetup ");
            assertTrue(mail.text().contains("has moved to another time"), mail.text());
            assertTrue(mail.text().contains("Before:  "), mail.text());
            VEvent entry = mail.calendar().<VEvent>getComponents(Component.VEVENT).get(0);
            assertEquals(moved, Instant.from(entry.getDateTimeStart().getDate()));
        }
        Thread.sleep(2500);
        assertEquals(2, GreenMailInbox.mails(seated).size(), "the venue change sent nothing");
    }

    private static void registeredAgo(String registration, Duration ago) {
        QuarkusTransaction.requiringNew().run(() -> Registration.getEntityManager()
                .createNativeQuery("update registration set created_at = now() - cast(?1 as bigint) * interval '1 second' where id = ?2")
                .setParameter(1, ago.toSeconds()).setParameter(2, UUID.fromString(registration))
                .executeUpdate());
    }

    /** The relay sends due mails concurrently: the two mails to one address may arrive in either order. */
    private static GreenMailInbox.Received withSubject(List<GreenMailInbox.Received> mails, String prefix) {
        return mails.stream().filter(m -> m.subject().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no mail whose subject starts with " + prefix + ": "
                        + mails.stream().map(GreenMailInbox.Received::subject).toList()));
    }
}
