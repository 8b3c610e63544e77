package dev.trellis.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The subject-access export page and download against {@link FakePrivacyApi}: foundation staff only. */
@QuarkusTest
class PrivacyPagesTest {

    @BeforeEach
    void reset() {
        FakePrivacyApi.ASKED.clear();
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void staffSeeEveryServicesPartOfAContactReadably() {
        given().queryParam("contactId", FakePrivacyApi.NORA).when().get("/privacy/subjects").then().statusCode(200)
                .body(containsString("<td>Nora Quist</td>"))
                .body(containsString("<td>Acme Cloud</td><td>EXECUTIVE_SPONSOR</td>"))
                .body(containsString("<td>withdrawn</td><td>EMAIL</td><td>subject</td>"))
                .body(containsString("<td>granted</td><td>WEB_FORM</td><td>staff cora</td>"))
                .body(containsString("<td>Acme Cloud</td><td>VOTING</td>"))
                .body(containsString("<td>Nora wants a TOC intro</td>"))
                .body(containsString("<td>(not disclosable)</td>"))
                .body(containsString("<td>Governing Board</td><td>holder</td>"))
                .body(containsString("<td>Q3 board meeting</td>"))
                .body(containsString("<td>KubeSummit</td>"))
                .body(containsString("<td>registration-confirmed</td><td>You are registered for KubeSummit</td>"))
                .body(containsString("<td>advisory-service</td><td>seat</td><td>created</td><td>user cora</td><td>email</td>"))
                .body(containsString("href=\"/privacy/subjects/export.json?contactId=" + FakePrivacyApi.NORA + "\""));
        // partner-service first; the others with the id and the address it found
        assertEquals("partner contactId=" + FakePrivacyApi.NORA + " email=null", FakePrivacyApi.ASKED.get(0));
        assertTrue(FakePrivacyApi.ASKED.contains("advisory contactId=" + FakePrivacyApi.NORA + " email=" + FakePrivacyApi.NORA_EMAIL));
        assertTrue(FakePrivacyApi.ASKED.contains("event contactId=" + FakePrivacyApi.NORA + " email=" + FakePrivacyApi.NORA_EMAIL));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void theDownloadIsOneJsonDocumentWithEveryServicesPartAsAnAttachment() {
        Response response = given().queryParam("contactId", FakePrivacyApi.NORA).when().get("/privacy/subjects/export.json");
        response.then().statusCode(200).contentType(containsString("application/json"))
                .header("Content-Disposition", containsString("attachment; filename=\"subject-access-" + FakePrivacyApi.NORA))
                .header("Cache-Control", equalTo("no-store"));
        JsonPath json = response.jsonPath();
        assertEquals("trellis-subject-access-export/1", json.getString("format"));
        assertEquals("felix", json.getString("generatedBy"));
        assertEquals(FakePrivacyApi.NORA, json.getString("subject.contactId"));
        assertEquals("Quist", json.getString("partner.contact.lastName"));
        assertEquals("subject", json.getString("partner.contact.consentHistory[1].actorKind"));
        assertEquals("VOTING", json.getString("partner.keyContactRoles[0].role"));
        assertEquals("Nora wants a TOC intro", json.getString("partner.touchpoints[0].notes"));
        assertEquals("Governing Board", json.getString("advisory.seats[0].boardName"));
        assertEquals("PRESENT", json.getString("advisory.attendance[0].presence"));
        assertEquals("2026-10-20T08:12:00Z", json.getString("event.registrations[0].registration.checkedInAt"));
        assertEquals("registration-confirmed", json.getString("event.mails[0].template"));
        assertEquals("contact", json.getString("partner.auditEntries[0].entityType"));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void anAddressKnownOnlyAsAGuestRegistrationIsFound() {
        given().queryParam("email", FakePrivacyApi.GUEST).when().get("/privacy/subjects").then().statusCode(200)
                .body(containsString("none (not a contact)"))
                .body(containsString("partner-service holds no contact for this person."))
                .body(containsString("<td>Gus Guest</td>"))
                .body(containsString("href=\"/privacy/subjects/export.json?email=guest%40example.org\""));
        assertTrue(FakePrivacyApi.ASKED.contains("event contactId=null email=" + FakePrivacyApi.GUEST));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void aBadIdOrAddressIsAFieldErrorBeforeAnyCall() {
        given().queryParam("contactId", "not-an-id").when().get("/privacy/subjects").then().statusCode(400)
                .body(containsString("<p class=\"error\" id=\"e-contactId\">Not a contact id</p>"))
                .body(containsString("value=\"not-an-id\""));
        given().queryParam("email", "nobody").when().get("/privacy/subjects").then().statusCode(400)
                .body(containsString("<p class=\"error\" id=\"e-email\">Not an e-mail address</p>"));
        assertTrue(FakePrivacyApi.ASKED.isEmpty(), FakePrivacyApi.ASKED.toString());
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void staffFindThePageInTheNavigationAndOnAContactsPage() {
        given().when().get("/privacy/subjects").then().statusCode(200)
                .body(containsString("<a href=\"/privacy/subjects\">Subject access</a>"))
                .body(containsString("<label for=\"f-contactId\">Contact id</label>"));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void theCommunityTeamIsRefusedAndNotShownTheLink() {
        given().queryParam("contactId", FakePrivacyApi.NORA).when().get("/privacy/subjects").then().statusCode(403)
                .body(not(containsString("Nora")));
        given().queryParam("contactId", FakePrivacyApi.NORA).when().get("/privacy/subjects/export.json").then()
                .statusCode(403);
        given().when().get("/partners").then().statusCode(200)
                .body(not(containsString("/privacy/subjects")));
        assertTrue(FakePrivacyApi.ASKED.isEmpty());
    }

    @Test
    @TestSecurity(user = "paula", roles = "partner")
    void aPartnerUserIsRefusedThePageAndTheDownload() {
        given().queryParam("contactId", FakePrivacyApi.NORA).when().get("/privacy/subjects").then().statusCode(403)
                .body(not(containsString("Nora")));
        given().queryParam("email", FakePrivacyApi.GUEST).when().get("/privacy/subjects/export.json").then()
                .statusCode(403).body(not(containsString("Gus")));
        assertTrue(FakePrivacyApi.ASKED.isEmpty());
    }
}
