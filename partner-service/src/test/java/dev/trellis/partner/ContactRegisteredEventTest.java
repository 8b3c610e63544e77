package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.trellis.contracts.Topics;
import dev.trellis.contracts.partner.ContactRegistered;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A new contact is announced by id only, so other services can check a person exists without learning who. */
@QuarkusTest
class ContactRegisteredEventTest {
    @Inject
    EntityManager em;

    @Test
    void creatingAContactPublishesOneContactRegisteredWithoutPersonalData() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "rita." + suffix + "@example.org";
        String id = given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Rita", "lastName", "Registered-" + suffix, "email", email))
                .post("/api/contacts").then().statusCode(201).extract().path("id");

        List<Object[]> rows = OutboxRows.about(em, ContactRegistered.TYPE, "contactId", id);
        assertEquals(1, rows.size());
        assertEquals(id, rows.get(0)[0], "keyed by the contact");
        assertEquals("test.partner-service." + Topics.PARTNER, rows.get(0)[1]);
        String data = (String) rows.get(0)[2];
        assertFalse(data.contains(suffix) || data.contains(email) || data.contains("Rita"), data);
    }
}
