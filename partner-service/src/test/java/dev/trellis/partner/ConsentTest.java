package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.trellis.partner.domain.Consent;
import dev.trellis.partner.domain.ConsentActor;
import dev.trellis.partner.domain.ConsentPurpose;
import dev.trellis.partner.domain.ConsentSource;
import dev.trellis.partner.service.ContactService;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Who made each consent decision, and contacts filtered by their consent for a purpose (JSON and CSV alike). */
@QuarkusTest
class ConsentTest {
    @Inject
    ContactService contacts;

    private static void decide(String contact, String purpose, boolean granted) {
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("granted", granted, "source", "MANUAL"))
                .put("/api/contacts/" + contact + "/consents/" + purpose).then().statusCode(200);
    }

    @Test
    void everyDecisionNamesWhoMadeItInTheHistory() {
        String id = ContactFixtures.contact("Carla", "Consent");
        UUID contact = UUID.fromString(id);
        decide(id, "MARKETING_EMAIL", true);
        // the four ways a decision reaches partner-service
        Consent bySubject = contacts.recordConsent(contact, ConsentPurpose.MARKETING_EMAIL, false, ConsentSource.EMAIL,
                ConsentActor.THE_SUBJECT);
        Assertions.assertEquals("subject", bySubject.actorKind);
        // the signature other code calls keeps working: an import's decision is the import's, outside a request the system's
        Consent imported = contacts.recordConsent(contact, ConsentPurpose.EVENT_PHOTOS, true, ConsentSource.IMPORT);
        Assertions.assertEquals(ConsentActor.IMPORT, imported.actorKind);
        Consent bySystem = contacts.recordConsent(contact, ConsentPurpose.DATA_SHARING_WITH_MEMBERS, true, ConsentSource.EMAIL);
        Assertions.assertEquals(ConsentActor.SYSTEM, bySystem.actorKind);
        Assertions.assertNull(bySystem.actor);

        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/contacts/" + id).then().statusCode(200)
                .body("consentHistory.actorKind", contains("staff", "subject", "import", "system"))
                .body("consentHistory.actor", contains("cora", null, null, null))
                .body("consents.find { it.purpose == 'MARKETING_EMAIL' }.actorKind", equalTo("subject"))
                .body("consents.find { it.purpose == 'MARKETING_EMAIL' }.granted", equalTo(false));
    }

    @Test
    void contactsAreFilteredByTheirLatestDecisionOrItsAbsence() {
        String tag = "cons" + UUID.randomUUID().toString().substring(0, 8);
        String granted = ContactFixtures.contact("Gina", tag + "granted");
        String withdrawn = ContactFixtures.contact("Walt", tag + "withdrawn");
        String unknown = ContactFixtures.contact("Uma", tag + "unknown");
        String otherPurpose = ContactFixtures.contact("Otis", tag + "other");
        decide(granted, "MARKETING_EMAIL", false);
        decide(granted, "MARKETING_EMAIL", true);
        decide(withdrawn, "MARKETING_EMAIL", true);
        decide(withdrawn, "MARKETING_EMAIL", false);
        decide(otherPurpose, "EVENT_PHOTOS", true);

        given().auth().oauth2(TestTokens.communityTeam()).queryParam("q", tag).queryParam("consent", "MARKETING_EMAIL")
                .get("/api/contacts").then().statusCode(200).body("items.id", contains(granted));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("q", tag).queryParam("consent", "MARKETING_EMAIL")
                .queryParam("consentState", "GRANTED").get("/api/contacts").then().statusCode(200)
                .body("items.id", contains(granted));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("q", tag).queryParam("consent", "MARKETING_EMAIL")
                .queryParam("consentState", "WITHDRAWN").get("/api/contacts").then().statusCode(200)
                .body("items.id", contains(withdrawn));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("q", tag).queryParam("consent", "MARKETING_EMAIL")
                .queryParam("consentState", "UNKNOWN").get("/api/contacts").then().statusCode(200)
                .body("items.id", contains(otherPurpose, unknown));

        // the CSV export holds the same rows as the list
        String csv = given().auth().oauth2(TestTokens.communityTeam()).accept("text/csv").queryParam("q", tag)
                .queryParam("consent", "MARKETING_EMAIL").queryParam("consentState", "WITHDRAWN").get("/api/contacts")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        Assertions.assertTrue(csv.contains(withdrawn), csv);
        for (String absent : List.of(granted, unknown, otherPurpose)) {
            Assertions.assertFalse(csv.contains(absent), csv);
        }
        String grantedCsv = given().auth().oauth2(TestTokens.communityTeam()).accept("text/csv").queryParam("q", tag)
                .queryParam("consent", "MARKETING_EMAIL").get("/api/contacts").then().statusCode(200).extract().asString();
        Assertions.assertTrue(grantedCsv.contains(granted) && !grantedCsv.contains(withdrawn), grantedCsv);
    }

    @Test
    void aStateNeedsAPurposeAndMustBeKnown() {
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("consentState", "WITHDRAWN").get("/api/contacts")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("consentState"));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("consent", "MARKETING_EMAIL")
                .queryParam("consentState", "MAYBE").get("/api/contacts")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("consentState"))
                .body(not(containsString("Exception")));
    }

    @Test
    void consentStateIsRefusedForPartnersLikeTheListItself() {
        given().auth().oauth2(TestTokens.partnerA()).queryParam("consent", "MARKETING_EMAIL")
                .queryParam("consentState", "UNKNOWN").get("/api/contacts").then().statusCode(403)
                .body("items", nullValue());
    }
}
