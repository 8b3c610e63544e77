package dev.trellis.event;

import static dev.trellis.event.Fixtures.team;
import static dev.trellis.event.PartnerEvents.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.contracts.partner.AffiliationStarted;
import dev.trellis.contracts.partner.ContactErased;
import dev.trellis.event.domain.ContactAffiliation;
import dev.trellis.event.domain.OutboxMail;
import dev.trellis.event.domain.Registration;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** partner-service's contact-erased event, from Kafka: registrations keep their statistics, not the person. */
@QuarkusTest
class ContactErasureTest {

    @Test
    void anErasedContactsRegistrationsLoseNameAndEmailButKeepCompanyAndStatus() throws Exception {
        UUID partner = UUID.randomUUID();
        ReadModel.partner(partner, "Erasure Oy", "ACTIVE", partner + ".example");
        UUID contact = ReadModel.contactOf(partner);
        UUID event = Fixtures.publishedEvent(100);
        String registration = given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + contact + "\",\"name\":\"Eeva Example\",\"email\":\"eeva@" + partner
                        + ".example\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(201).extract().path("id");
        String guestEmail = Fixtures.email();
        String guest = Fixtures.registerGuest(event, guestEmail)[0];

        PartnerEvents.send(ContactErased.TYPE, contact,
                "{\"contactId\":\"" + contact + "\",\"erasedAt\":\"2026-11-28T10:00:00Z\"}");
        await(() -> registration(registration).name, "Erased contact");

        Registration erased = registration(registration);
        assertEquals("erased-" + registration + "@erased.invalid", erased.email);
        assertEquals(partner, erased.partnerId, "the company snapshot stays, for statistics");
        assertEquals("Erasure Oy", erased.partnerName);
        assertEquals("REGISTERED", erased.status.name());
        assertEquals(0L, affiliations(contact));
        Registration other = registration(guest);
        assertEquals("Guest " + guestEmail, other.name, "someone else's registration is untouched");
        assertEquals(guestEmail, other.email);
        assertEquals(0L, mails(UUID.fromString(registration)), "the mails to the contact go, sent or not");
        assertEquals(1L, mails(UUID.fromString(guest)), "someone else's mail stays");
    }

    private static long mails(UUID registration) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.count("registrationId", registration));
    }

    @Test
    void anErasedContactComesBackThroughNoLateEventAndCannotBeRegistered() throws Exception {
        UUID partner = UUID.randomUUID();
        ReadModel.partner(partner, "Late Events Oy", "ACTIVE", partner + ".example");
        UUID contact = ReadModel.contactOf(partner);
        PartnerEvents.send(ContactErased.TYPE, contact,
                "{\"contactId\":\"" + contact + "\",\"erasedAt\":\"2026-11-28T10:00:00Z\"}");
        await(() -> String.valueOf(affiliations(contact)), "0");

        // An affiliation event of the erased contact arrives late; a marker on the same key follows it.
        UUID marker = UUID.randomUUID();
        PartnerEvents.send(AffiliationStarted.TYPE, partner, affiliationStarted(contact, partner));
        PartnerEvents.send(AffiliationStarted.TYPE, partner, affiliationStarted(marker, partner));
        await(() -> String.valueOf(affiliations(marker)), "1");
        assertEquals(0L, affiliations(contact), "the late event did not bring the erased contact back");

        UUID event = Fixtures.publishedEvent(100);
        given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + contact + "\",\"name\":\"Back Again\",\"email\":\"back@" + partner
                        + ".example\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("contactId"));
    }

    @Test
    void anErasureWithoutItsTimeGoesToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        UUID partner = UUID.randomUUID();
        ReadModel.partner(partner, "Poison Oy", "ACTIVE", partner + ".example");
        UUID contact = ReadModel.contactOf(partner);
        String dlq = ConfigProvider.getConfig()
                .getValue("mp.messaging.incoming.partner-events.dead-letter-queue.topic", String.class);
        PartnerEvents.send(ContactErased.TYPE, partner, "{\"contactId\":\"" + contact + "\",\"erasedAt\":null}");
        // The next event on the same partition is applied: the malformed one did not stall the consumer.
        UUID marker = UUID.randomUUID();
        PartnerEvents.send(AffiliationStarted.TYPE, partner, affiliationStarted(marker, partner));
        await(() -> String.valueOf(affiliations(marker)), "1");

        assertTrue(PartnerEvents.awaitRecord(dlq, r -> r.value() != null && r.value().contains(contact.toString())
                && String.valueOf(PartnerEvents.header(r, "dead-letter-reason")).contains("erasedAt")),
                "the malformed contact-erased is on " + dlq + " with its reason");
        assertEquals(1L, affiliations(contact), "nothing of the malformed erasure was applied");

        // The consumer registered its handlers for the channel, so its dead letters can be replayed through them.
        given().auth().oauth2(TestTokens.foundationStaff()).post("/admin/dead-letters/partner-events/replay").then()
                .statusCode(200).body("channel", equalTo("partner-events")).body("topic", equalTo(dlq));
    }

    private static long affiliations(UUID contact) {
        return QuarkusTransaction.requiringNew().call(() -> ContactAffiliation.count("contactId", contact));
    }

    private static String affiliationStarted(UUID contact, UUID partner) {
        return "{\"affiliationId\":\"" + UUID.randomUUID() + "\",\"contactId\":\"" + contact + "\",\"partnerId\":\""
                + partner + "\",\"role\":\"DEVELOPER\",\"startDate\":\"2025-01-01\"}";
    }

    private static Registration registration(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>findById(UUID.fromString(id)));
    }
}
