package dev.trellis.event;

import static dev.trellis.event.Fixtures.team;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** event-service's part of a subject-access export: registrations with check-ins, mails, audit; guests by address. */
@QuarkusTest
class SubjectAccessTest {
    static final String PATH = "/api/privacy/event/subjects";

    @Test
    void staffGetAContactsRegistrationsCheckInsMailsAndAudit() {
        UUID partner = UUID.randomUUID();
        ReadModel.partner(partner, "Subject Oy", "ACTIVE", partner + ".example");
        UUID contact = ReadModel.contactOf(partner);
        String email = "nora@" + partner + ".example";
        UUID event = Fixtures.publishedEvent(10, Instant.now().plus(2, ChronoUnit.HOURS));
        String registration = given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + contact + "\",\"name\":\"Nora Subject\",\"email\":\"" + email + "\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(201).extract().path("id");
        given().auth().oauth2(team()).contentType(ContentType.JSON).body("{\"registrationId\":\"" + registration + "\"}")
                .post("/api/events/{id}/check-ins", event).then().statusCode(200).body("status", equalTo("ATTENDED"));
        String someoneElse = Fixtures.registerGuest(event, Fixtures.email())[0];

        JsonPath part = given().auth().oauth2(TestTokens.foundationStaff()).queryParam("contactId", contact.toString())
                .get(PATH).then().statusCode(200)
                .body("service", equalTo("event-service")).body("found", equalTo(true))
                .body("registrations.registration.id", contains(registration))
                .body("registrations[0].registration.name", equalTo("Nora Subject"))
                .body("registrations[0].registration.checkedInAt", notNullValue())
                .body("registrations[0].registration.status", equalTo("ATTENDED"))
                .body("registrations[0].eventTitle", notNullValue())
                .body("mails.registrationId", hasItem(registration))
                .body("mails.recipient", everyItem(equalTo(email)))
                .body("mails.template", hasItem("registration-confirmed"))
                .body("auditEntries.entityId", everyItem(equalTo(registration)))
                .body("auditEntries.action", hasItem("created"))
                .body("auditEntries.action", hasItem("updated"))
                .extract().jsonPath();
        Assertions.assertFalse(part.prettify().contains(someoneElse), "someone else's registration is in the answer");
        // the audit entries name the masked cancelToken field, never a value; the registration carries none
        Assertions.assertNull(part.get("registrations[0].registration.cancelToken"), "a cancel token is in the answer");
    }

    @Test
    void aGuestIsFoundByAddressCaseInsensitively() {
        UUID event = Fixtures.publishedEvent(10);
        String guest = Fixtures.email();
        String registration = Fixtures.registerGuest(event, guest)[0];

        given().auth().oauth2(TestTokens.foundationStaff()).queryParam("email", guest.toUpperCase()).get(PATH)
                .then().statusCode(200).body("found", equalTo(true))
                .body("registrations.registration.id", contains(registration))
                .body("registrations[0].registration.contactId", equalTo(null))
                .body("mails.recipient", contains(guest))
                .body("mails[0].subject", notNullValue());
        // an id and an address together: both are searched
        given().auth().oauth2(TestTokens.foundationStaff()).queryParam("contactId", UUID.randomUUID().toString())
                .queryParam("email", guest).get(PATH)
                .then().statusCode(200).body("registrations.registration.id", containsInAnyOrder(registration));
    }

    @Test
    void somebodyUnknownIsAnEmptyAnswerAndAQueryNeedsAnIdOrAnAddress() {
        given().auth().oauth2(TestTokens.foundationStaff()).queryParam("email", Fixtures.email()).get(PATH)
                .then().statusCode(200).body("found", equalTo(false)).body("registrations", empty())
                .body("mails", empty()).body("signUps", empty()).body("auditEntries", empty());
        given().auth().oauth2(TestTokens.foundationStaff()).get(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("contactId"));
        given().auth().oauth2(TestTokens.foundationStaff()).queryParam("email", "x".repeat(255)).get(PATH)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void onlyFoundationStaffMayAsk() {
        String guest = Fixtures.email();
        Fixtures.registerGuest(Fixtures.publishedEvent(10), guest);
        for (String token : List.of(TestTokens.partnerA(), TestTokens.partnerB(), team())) {
            given().auth().oauth2(token).queryParam("email", guest).get(PATH).then().statusCode(403)
                    .contentType("application/problem+json").body(not(org.hamcrest.Matchers.containsString(guest)));
        }
        given().queryParam("email", guest).get(PATH).then().statusCode(401);
    }
}
