package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.contracts.Topics;
import dev.trellis.contracts.partner.ContactEmailChanged;
import dev.trellis.contracts.partner.ContactRegistered;
import dev.trellis.partner.service.ContactDigestBackfill;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A new contact is announced by id and the digest of its email address only, so other services can check a
 * person exists, and an address given for it, without learning who; a changed address is announced the same way.
 */
@QuarkusTest
class ContactRegisteredEventTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Inject
    ContactDigestBackfill backfill;

    @Test
    void creatingAContactPublishesOneContactRegisteredWithTheEmailDigestAndNoPersonalData() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "Rita." + suffix + "@Example.org";
        String id = given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Rita", "lastName", "Registered-" + suffix, "email", email))
                .post("/api/contacts").then().statusCode(201).extract().path("id");

        List<Object[]> rows = OutboxRows.about(em, ContactRegistered.TYPE, "contactId", id);
        assertEquals(1, rows.size());
        assertEquals(id, rows.get(0)[0], "keyed by the contact");
        assertEquals("test.partner-service." + Topics.PARTNER, rows.get(0)[1]);
        String data = (String) rows.get(0)[2];
        assertFalse(data.contains(suffix) || data.toLowerCase().contains(email.toLowerCase()) || data.contains("Rita"), data);
        // Computed here independently of the contract's helper: SHA-256 of the lower-cased address.
        assertEquals(sha256Hex(email.toLowerCase()), JSON.readTree(data).get("emailSha256").asText(), data);
    }

    @Test
    void changingAContactsEmailPublishesItsNewDigestAndOtherEditsPublishNothing() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String id = given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Emil", "lastName", "Changed-" + suffix, "email", "emil." + suffix + "@example.org"))
                .post("/api/contacts").then().statusCode(201).extract().path("id");
        String path = "/api/contacts/" + id;

        // Not the address: nothing to tell.
        patch(path, Map.of("jobTitle", "CTO"));
        // The same address in other letter case compares equal everywhere: nothing to tell either.
        patch(path, Map.of("email", "EMIL." + suffix + "@example.org"));
        assertEquals(0, OutboxRows.about(em, ContactEmailChanged.TYPE, "contactId", id).size());

        String newEmail = "emil.new." + suffix + "@example.org";
        patch(path, Map.of("email", newEmail));
        List<Object[]> rows = OutboxRows.about(em, ContactEmailChanged.TYPE, "contactId", id);
        assertEquals(1, rows.size());
        assertEquals(id, rows.get(0)[0], "keyed by the contact");
        assertEquals("test.partner-service." + Topics.PARTNER, rows.get(0)[1]);
        String data = (String) rows.get(0)[2];
        assertFalse(data.contains(suffix), "no address in the clear: " + data);
        JsonNode payload = JSON.readTree(data);
        assertEquals(Map.of("contactId", id, "emailSha256", sha256Hex(newEmail)),
                Map.of("contactId", payload.get("contactId").asText(), "emailSha256", payload.get("emailSha256").asText()));
        assertEquals(2, payload.size(), data);

        // A partner may not change its contact's address (403), so it publishes nothing.
        given().auth().oauth2(TestTokens.partnerA()).contentType("application/merge-patch+json").header("If-Match", "*")
                .body(Map.of("email", "squat." + suffix + "@example.org")).patch("/api/partners/me/contacts/" + id)
                .then().statusCode(403);
        assertEquals(1, OutboxRows.about(em, ContactEmailChanged.TYPE, "contactId", id).size());
    }

    @Test
    void contactsRecordedBeforeDigestsWerePublishedAreAnnouncedOnceAndErasedOnesNot() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "olga.old." + suffix + "@example.org";
        String old = given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Olga", "lastName", "Old-" + suffix, "email", email))
                .post("/api/contacts").then().statusCode(201).extract().path("id");
        String erased = given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Eino", "lastName", "Erased-" + suffix, "email", "eino." + suffix + "@example.org"))
                .post("/api/contacts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.foundationStaff()).post("/api/contacts/" + erased + "/erasure").then().statusCode(200);
        // As migration V10 leaves them for the contacts that existed before it.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "insert into contact_email_digest_backfill (contact_id) values (cast(:a as uuid)), (cast(:b as uuid))")
                .setParameter("a", old).setParameter("b", erased).executeUpdate());

        while (backfill.announceBatch() > 0) {
            // until every waiting contact is announced
        }
        assertEquals(0, backfill.announceBatch(), "each is announced once");
        List<Object[]> rows = OutboxRows.about(em, ContactEmailChanged.TYPE, "contactId", old);
        assertEquals(1, rows.size());
        assertEquals(sha256Hex(email), JSON.readTree((String) rows.get(0)[2]).get("emailSha256").asText());
        assertEquals(0, OutboxRows.about(em, ContactEmailChanged.TYPE, "contactId", erased).size(),
                "an erased contact's address is not announced");
    }

    private static void patch(String path, Map<String, String> body) {
        String etag = given().auth().oauth2(TestTokens.communityTeam()).get(path).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(TestTokens.communityTeam()).contentType("application/merge-patch+json")
                .header("If-Match", etag).body(body).patch(path).then().statusCode(200);
    }

    private static String sha256Hex(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
