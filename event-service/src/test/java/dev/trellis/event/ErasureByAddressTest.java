package dev.trellis.event;

import static dev.trellis.event.Fixtures.team;
import static dev.trellis.event.PartnerEvents.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.contracts.event.ErasureCompleted;
import dev.trellis.contracts.partner.ContactErased;
import dev.trellis.contracts.partner.ContactRegistered;
import dev.trellis.contracts.partner.GuestErasureRequested;
import dev.trellis.event.domain.Registration;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Erasure by the address's digest: a guest's address (guest-erasure-requested) and the address an erased contact
 * had (contact-erased's emailSha256) take every registration, sign-up and mail under that address with them, and
 * each request is confirmed with erasure-completed.
 */
@QuarkusTest
class ErasureByAddressTest {
    @Inject
    EntityManager em;

    @Test
    void aGuestsAddressLosesItsRegistrationsSignUpsAndMailsAndTheRequestIsConfirmed() throws Exception {
        String email = "Guest.Erased-" + UUID.randomUUID() + "@Example.org";
        UUID event = publicEvent();
        String registration = Fixtures.registerGuest(event, email)[0];
        UUID other = publicEvent();
        given().header("X-Forwarded-For", "203.0.113." + (1 + (int) (Math.random() * 200))).contentType(ContentType.JSON)
                .body("{\"name\":\"Sign Up Person\",\"email\":\"" + email.toLowerCase() + "\"}")
                .post("/api/events/{e}/sign-ups", other).then().statusCode(202);
        String bystander = Fixtures.email();
        String kept = Fixtures.registerGuest(event, bystander)[0];
        assertTrue(rowsWith(email) > 0, "the address is stored before the erasure");

        UUID request = UUID.randomUUID();
        PartnerEvents.send(GuestErasureRequested.TYPE, request, "{\"requestId\":\"" + request + "\",\"emailSha256\":\""
                + ContactRegistered.emailSha256(email) + "\",\"requestedAt\":\"2026-12-01T10:00:00Z\"}");
        await(() -> String.valueOf(confirmations(request)), "1");

        assertEquals(0L, rowsWith(email), "no registration, sign-up or mail holds the address");
        Registration erased = registration(registration);
        assertEquals("Erased contact", erased.name);
        assertEquals("REGISTERED", erased.status.name(), "the registration still counts");
        assertEquals(bystander, registration(kept).email, "someone else's registration is untouched");
        assertTrue(rowsWith(bystander) > 0, "someone else's mails stay");
        String data = confirmation(request);
        assertTrue(data.contains("\"contactId\":null"), data);
    }

    @Test
    void anErasedContactsGuestRegistrationsUnderTheSameAddressGoTooAndTheErasureIsConfirmed() throws Exception {
        UUID partner = UUID.randomUUID();
        ReadModel.partner(partner, "Digest Oy", "ACTIVE", partner + ".example");
        UUID contact = ReadModel.contactOf(partner);
        String email = "dora-" + UUID.randomUUID() + "@" + partner + ".example";
        UUID event = Fixtures.publishedEvent(100);
        String asContact = given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + contact + "\",\"name\":\"Dora Digest\",\"email\":\"" + email + "\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(201).extract().path("id");
        String asGuest = Fixtures.registerGuest(Fixtures.publishedEvent(100), email.toUpperCase())[0];

        // an entry the person's portal account signed (its username is the address)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into audit_entry (id, occurred_at, actor_kind, actor, entity_type, entity_id, action, changes)
                values (?1, now(), 'user', ?2, 'registration', ?3, 'created', cast('{}' as jsonb))""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, email).setParameter(3, asContact).executeUpdate());

        UUID request = UUID.randomUUID();
        PartnerEvents.send(ContactErased.TYPE, contact, "{\"contactId\":\"" + contact + "\",\"erasedAt\":\"2026-12-01T10:00:00Z\","
                + "\"requestId\":\"" + request + "\",\"emailSha256\":\"" + ContactRegistered.emailSha256(email) + "\"}");
        await(() -> String.valueOf(confirmations(request)), "1");

        assertEquals("Erased contact", registration(asContact).name);
        assertEquals("Erased contact", registration(asGuest).name, "the guest registration under the address went too");
        assertEquals(0L, rowsWith(email));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_entry where entity_id = ?1 and actor = ?2").setParameter(1, asContact)
                .setParameter(2, "erased-" + contact).getSingleResult()).longValue()),
                "the entry the person signed names a placeholder");
        String data = confirmation(request);
        assertTrue(data.contains("\"contactId\":\"" + contact + "\""), data);
        assertFalse(data.contains(email), data);
    }

    private UUID publicEvent() {
        UUID event = Fixtures.publishedEvent(100);
        given().auth().oauth2(team()).contentType("application/merge-patch+json").header("If-Match", "*")
                .body("{\"publicSignUp\": true}").patch("/api/events/{id}", event).then().statusCode(200)
                .body("publicSignUp", equalTo(true));
        return event;
    }

    /** Rows of registrations, sign-ups and mails that hold the address (any case). */
    private long rowsWith(String email) {
        String e = email.toLowerCase();
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select (select count(*) from registration where lower(email) = ?1)
                     + (select count(*) from audit_entry where lower(actor) = ?1)
                     + (select count(*) from sign_up where lower(email) = ?1)
                     + (select count(*) from mail_outbox where lower(recipient) = ?1
                          or lower(body_text) like ?2 or lower(body_html) like ?2)""")
                .setParameter(1, e).setParameter(2, "%" + e + "%").getSingleResult()).longValue());
    }

    private long confirmations(UUID request) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where type = ?1 and data->>'requestId' = ?2")
                .setParameter(1, ErasureCompleted.TYPE).setParameter(2, request.toString()).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private String confirmation(UUID request) {
        List<Object> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select cast(data as text) from outbox_event where type = ?1 and data->>'requestId' = ?2")
                .setParameter(1, ErasureCompleted.TYPE).setParameter(2, request.toString()).getResultList());
        return String.valueOf(rows.get(0));
    }

    private static Registration registration(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>findById(UUID.fromString(id)));
    }
}
