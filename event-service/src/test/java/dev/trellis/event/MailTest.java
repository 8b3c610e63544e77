package dev.trellis.event;

import static dev.trellis.event.Fixtures.team;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.trellis.event.domain.OutboxMail;
import dev.trellis.event.service.RegistrationService;
import dev.trellis.event.service.command.NewRegistration;
import dev.trellis.platform.security.Caller;
import dev.trellis.platform.testing.mail.GreenMailInbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/**
 * The registration mails, read back over IMAP from the local GreenMail (deploy/local/mail.sh, started by
 * {@code infra.sh up}) that the relay sent them to. Every recipient is new and in a domain of its own, so other
 * tests' mails never land in the mailboxes read here.
 */
@QuarkusTest
class MailTest {
    @Inject
    RegistrationService registrations;

    @Test
    void aRegistrationIntoASeatIsConfirmedByMailWithTheEventsCalendarEntry() throws Exception {
        UUID event = Fixtures.publishedEvent(10);
        String to = GreenMailInbox.newAddress("confirmed");
        var created = given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"name\":\"Ada Lovelace\",\"email\":\"" + to + "\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(201).extract();
        String registration = created.path("id");
        String cancelToken = created.path("cancelToken");

        GreenMailInbox.Received mail = GreenMailInbox.await(to, 1).get(0);
        assertEquals(List.of(to), mail.recipients());
        assertEquals("<" + mail.rowId() + "@events.trellis.dev>", mail.messageId());
        assertTrue(mail.subject().startsWith("You are registered: Meetup "), mail.subject());
        assertTrue(mail.text().startsWith("Hello Ada Lovelace,"), mail.text());
        assertTrue(mail.text().contains("/api/events/" + event + "/registrations/" + registration), mail.text());
        assertTrue(mail.text().contains("X-Cancel-Token: " + cancelToken), mail.text());
        assertTrue(mail.html().contains("<p>Hello Ada Lovelace,</p>"), mail.html());
        assertEquals(List.of("event.ics"), mail.attachmentNames());
        assertEquals(List.of(), mail.otherParts(), "text, html and the .ics, nothing else");
        VEvent entry = onlyEvent(mail.calendar());
        assertEquals(event + "@events.trellis.dev", entry.getUid().orElseThrow().getValue());
        assertEquals("Maria 01", entry.getProperty("LOCATION").orElseThrow().getValue());

        // The token in the mail cancels the registration.
        given().header("X-Cancel-Token", cancelToken).delete("/api/events/{e}/registrations/{r}", event, registration)
                .then().statusCode(200);
    }

    @Test
    void theWaitlistedAreToldSoAndToldAgainWhenTheyGetASeat() throws Exception {
        UUID event = Fixtures.publishedEvent(1);
        String seated = Fixtures.registerGuest(event, GreenMailInbox.newAddress("seated"))[0];
        String to = GreenMailInbox.newAddress("waiting");
        assertEquals("WAITLISTED", Fixtures.registerGuest(event, to)[1]);

        GreenMailInbox.Received waitlisted = GreenMailInbox.await(to, 1).get(0);
        assertTrue(waitlisted.subject().startsWith("You are on the waitlist: Meetup "), waitlisted.subject());
        assertTrue(waitlisted.text().contains("is full, so you are on its waitlist"), waitlisted.text());
        assertTrue(waitlisted.text().contains("X-Cancel-Token: "), waitlisted.text());
        assertEquals(List.of(), waitlisted.attachmentNames());

        given().auth().oauth2(team()).delete("/api/events/{e}/registrations/{r}", event, seated).then().statusCode(200);

        List<GreenMailInbox.Received> mails = GreenMailInbox.await(to, 2);
        GreenMailInbox.Received promoted = mails.get(1);
        assertTrue(promoted.subject().startsWith("A seat is yours: Meetup "), promoted.subject());
        assertTrue(promoted.text().contains("you are now registered"), promoted.text());
        assertEquals(List.of("event.ics"), promoted.attachmentNames());
        assertEquals(event + "@events.trellis.dev", onlyEvent(promoted.calendar()).getUid().orElseThrow().getValue());
    }

    @Test
    void aRegistrationThatRollsBackSendsNothing() throws Exception {
        UUID event = Fixtures.publishedEvent(10);
        String rolledBack = GreenMailInbox.newAddress("rolled-back");
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            registrations.register(event, new NewRegistration(null, "Rolled Back", rolledBack, null), Caller.SYSTEM);
            throw new IllegalStateException("the caller's transaction fails after the registration");
        }));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxMail.count("recipient", rolledBack)));

        // A later registration's mail arrives: the relay has been round since, and sent nothing for the first one.
        String later = GreenMailInbox.newAddress("later");
        Fixtures.registerGuest(event, later);
        GreenMailInbox.await(later, 1);
        assertEquals(List.of(), GreenMailInbox.mails(rolledBack));
        given().auth().oauth2(team()).queryParam("limit", 200).get("/api/events/{e}/registrations", event).then()
                .statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void aSentMailIsMarkedSentOnceAndLosesItsBodies() throws Exception {
        UUID event = Fixtures.publishedEvent(10);
        String to = GreenMailInbox.newAddress("marked");
        Fixtures.registerGuest(event, to);
        GreenMailInbox.await(to, 1);
        OutboxMail row = awaitSent(to);
        assertEquals("", row.text);
        assertEquals("", row.html);
        assertTrue(row.attachments.isEmpty());
        Thread.sleep(2500); // two more relay rounds
        assertEquals(1, GreenMailInbox.mails(to).size());
    }

    @Test
    void aMailTheServerRefusesIsTriedAgainLaterWithItsError() throws Exception {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxMail mail = new OutboxMail();
            mail.id = id;
            mail.kind = "test";
            mail.recipient = "<unbalanced@mail-test.trellis.dev";
            mail.subject = "never delivered";
            mail.text = "text";
            mail.html = "<p>html</p>";
            mail.persist();
        });
        try {
            long deadline = System.nanoTime() + GreenMailInbox.WAIT.toNanos();
            Object[] row = null;
            while (System.nanoTime() < deadline) {
                row = QuarkusTransaction.requiringNew().call(() -> (Object[]) OutboxMail.getEntityManager()
                        .createNativeQuery("select status, attempts, last_error,"
                                + " extract(epoch from next_attempt_at - now()) from mail_outbox where id = ?1")
                        .setParameter(1, id).getSingleResult());
                if (((Number) row[1]).intValue() > 0) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals("PENDING", row[0]);
            assertEquals(1, ((Number) row[1]).intValue());
            assertTrue(row[2] != null && !row[2].toString().isBlank(), "the error is kept");
            // initial-backoff is PT2S in tests: the next attempt waits, it is not made at once
            assertTrue(((Number) row[3]).doubleValue() > 0.5, "next attempt in " + row[3] + " s");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> OutboxMail.deleteById(id));
        }
    }

    private OutboxMail awaitSent(String to) throws InterruptedException {
        long deadline = System.nanoTime() + GreenMailInbox.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> {
                OutboxMail mail = OutboxMail.<OutboxMail>find("recipient", to).singleResult();
                String status = (String) OutboxMail.getEntityManager()
                        .createNativeQuery("select status from mail_outbox where id = ?1").setParameter(1, mail.id)
                        .getSingleResult();
                mail.attachments.size();
                return new Object[] {mail, status};
            });
            if ("SENT".equals(row[1])) {
                return (OutboxMail) row[0];
            }
            Thread.sleep(200);
        }
        return fail("the mail to " + to + " was not marked SENT within " + GreenMailInbox.WAIT);
    }

    private static VEvent onlyEvent(Calendar calendar) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertEquals(1, events.size());
        return events.get(0);
    }
}
