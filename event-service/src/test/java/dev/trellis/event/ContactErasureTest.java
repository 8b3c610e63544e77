package dev.trellis.event;

import static dev.trellis.event.Fixtures.team;
import static dev.trellis.event.PartnerEvents.await;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trellis.contracts.partner.ContactErased;
import dev.trellis.event.domain.ContactAffiliation;
import dev.trellis.event.domain.Registration;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
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
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ContactAffiliation.count("contactId", contact)));
        Registration other = registration(guest);
        assertEquals("Guest " + guestEmail, other.name, "someone else's registration is untouched");
        assertEquals(guestEmail, other.email);
    }

    private static Registration registration(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>findById(UUID.fromString(id)));
    }
}
