package dev.trellis.advisory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A seat holder (and an alternate) is a contact partner-service registered and has not erased. */
@QuarkusTest
class SeatHolderContactsTest {
    static final LocalDate START = LocalDate.now().withDayOfMonth(1);

    @ConfigProperty(name = "mp.messaging.incoming.partner-events.topic")
    String topic;

    @Test
    void aHolderNoContactWasRegisteredForIsRefusedNamingTheHolder() {
        UUID board = Fixtures.board("{}");
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body(Fixtures.appointment(UUID.randomUUID(), null, "ELECTED", null, START, null))
                .post("/api/boards/{id}/seats", board)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://trellis.dev/problems/unknown-contact"))
                .body("rules[0].rule", equalTo("unknown-contact"))
                .body("rules[0].detail", containsString("holderContactId"));
    }

    @Test
    void aContactRegisteredByPartnerServiceMayHoldASeat() throws Exception {
        PartnerEvents events = new PartnerEvents(topic);
        UUID board = Fixtures.board("{}");
        UUID contact = UUID.randomUUID();
        events.contactRegistered(contact);
        events.awaitAllReadFor(contact);
        Fixtures.appoint(board, Fixtures.appointment(contact, null, "ELECTED", null, START, null));
    }

    @Test
    void anErasedContactIsNeitherHolderNorAlternate() throws Exception {
        PartnerEvents events = new PartnerEvents(topic);
        UUID board = Fixtures.board("{}");
        UUID erased = UUID.randomUUID();
        events.contactRegistered(erased);
        events.contactErased(erased);
        events.awaitAllReadFor(erased);
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body(Fixtures.appointment(erased, null, "ELECTED", null, START, null))
                .post("/api/boards/{id}/seats", board)
                .then().statusCode(422).body("type", equalTo("https://trellis.dev/problems/unknown-contact"))
                .body("rules[0].detail", containsString("holderContactId"));
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body(withAlternate(Fixtures.appointment(Fixtures.contact(), null, "ELECTED", null, START, null), erased))
                .post("/api/boards/{id}/seats", board)
                .then().statusCode(422).body("type", equalTo("https://trellis.dev/problems/unknown-contact"))
                .body("rules[0].detail", containsString("alternateContactId"));
        // a late registration does not bring an erased contact back
        events.contactRegistered(erased);
        events.awaitAllReadFor(erased);
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body(Fixtures.appointment(erased, null, "ELECTED", null, START, null))
                .post("/api/boards/{id}/seats", board)
                .then().statusCode(422);
    }

    static String withAlternate(String appointment, UUID alternate) {
        return appointment.substring(0, appointment.length() - 1) + ",\"alternateContactId\":\"" + alternate + "\"}";
    }
}
