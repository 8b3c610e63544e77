package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** partner-service's part of a subject-access export, and the touchpoint notes' disclosure flag. */
@QuarkusTest
class SubjectAccessTest {
    private static final String PATH = "/api/privacy/partner/subjects";

    @Inject
    PartnerService partners;

    @BeforeEach
    void partners() {
        ContactFixtures.partners(partners);
    }

    @Test
    void staffGetTheContactWithAffiliationsConsentsRolesTouchpointsAndAudit() {
        String partner = given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("name", "Subject Access " + UUID.randomUUID(), "lifecycleStatus", "ACTIVE"))
                .post("/api/partners").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body(Map.of("tier", "GOLD", "termStart", LocalDate.now().minusMonths(6).toString(),
                        "termEnd", LocalDate.now().plusMonths(6).toString(), "autoRenew", true))
                .put("/api/partners/" + partner + "/membership").then().statusCode(201);
        String nora = ContactFixtures.contact("Nora", "Subject");
        String other = ContactFixtures.contact("Otto", "Other");
        String affiliation = ContactFixtures.affiliate(nora, partner, "EXECUTIVE_SPONSOR", LocalDate.now().minusYears(1).toString());
        ContactFixtures.affiliate(other, partner, "DEVELOPER", LocalDate.now().minusYears(1).toString());
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("granted", true, "source", "WEB_FORM")).put("/api/contacts/" + nora + "/consents/MARKETING_EMAIL")
                .then().statusCode(200).body("actorKind", equalTo("staff")).body("actor", equalTo("cora"));
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).body(Map.of("contactId", nora))
                .put("/api/partners/" + partner + "/membership/key-contacts/VOTING").then().statusCode(200);
        Map<String, Object> open = TouchpointFixtures.touchpoint(LocalDate.now().minusDays(2), "MEETING",
                List.of(UUID.fromString(nora), UUID.fromString(other)));
        String disclosed = TouchpointFixtures.log(TestTokens.communityTeam(), partner, open).getString("id");
        Map<String, Object> closed = TouchpointFixtures.touchpoint(LocalDate.now().minusDays(5), "CALL", List.of(UUID.fromString(nora)));
        closed.put("notesDisclosable", false);
        JsonPath withheld = TouchpointFixtures.log(TestTokens.communityTeam(), partner, closed);
        org.junit.jupiter.api.Assertions.assertFalse(withheld.getBoolean("notesDisclosable"));
        String notAttended = TouchpointFixtures.log(TestTokens.communityTeam(), partner,
                TouchpointFixtures.touchpoint(LocalDate.now().minusDays(1), "CALL", List.of(UUID.fromString(other)))).getString("id");

        JsonPath part = given().auth().oauth2(TestTokens.foundationStaff()).queryParam("contactId", nora).get(PATH)
                .then().statusCode(200)
                .body("service", equalTo("partner-service")).body("found", equalTo(true))
                .body("contact.id", equalTo(nora)).body("contact.firstName", equalTo("Nora"))
                .body("contact.currentAffiliations.id", contains(affiliation))
                .body("contact.consentHistory[0].purpose", equalTo("MARKETING_EMAIL"))
                .body("contact.consentHistory[0].actorKind", equalTo("staff"))
                .body("contact.consentHistory[0].actor", equalTo("cora"))
                .body("keyContactRoles.role", contains("VOTING"))
                .body("keyContactRoles[0].partnerId", equalTo(partner))
                .body("touchpoints.id", contains(disclosed, withheld.getString("id")))
                .body("touchpoints.id", not(hasItem(notAttended)))
                .body("touchpoints[0].notes", equalTo("INTERNAL-NOTE CFO is unhappy with the Gold price"))
                .body("touchpoints[0].notesWithheld", equalTo(false))
                .body("touchpoints[1].notes", nullValue())
                .body("touchpoints[1].notesWithheld", equalTo(true))
                .extract().jsonPath();
        // other attendees are other people's data
        org.junit.jupiter.api.Assertions.assertFalse(part.prettify().contains(other), "another attendee is named");
        List<String> audited = part.getList("auditEntries.entityType");
        org.junit.jupiter.api.Assertions.assertTrue(audited.containsAll(
                List.of("contact", "affiliation", "consent", "key-contact", "touchpoint-attendee")), audited.toString());
        org.junit.jupiter.api.Assertions.assertTrue(part.getList("auditEntries.entityId").contains(nora));

        // by address, case-insensitively: the same contact
        String email = part.getString("contact.email");
        given().auth().oauth2(TestTokens.foundationStaff()).queryParam("email", email.toUpperCase()).get(PATH)
                .then().statusCode(200).body("contact.id", equalTo(nora));
    }

    @Test
    void anUnknownPersonIsAnEmptyAnswerAndAQueryNeedsAnIdOrAnAddress() {
        given().auth().oauth2(TestTokens.foundationStaff()).queryParam("email", "nobody-" + UUID.randomUUID() + "@example.org")
                .get(PATH).then().statusCode(200).body("found", equalTo(false)).body("contact", nullValue())
                .body("touchpoints", empty()).body("auditEntries", empty());
        given().auth().oauth2(TestTokens.foundationStaff()).queryParam("contactId", UUID.randomUUID().toString())
                .get(PATH).then().statusCode(200).body("found", equalTo(false));
        given().auth().oauth2(TestTokens.foundationStaff()).get(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("contactId"));
        given().auth().oauth2(TestTokens.foundationStaff()).queryParam("contactId", "not-a-uuid").get(PATH)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void onlyFoundationStaffMayAsk() {
        String nora = ContactFixtures.contact("Nora", "Refused");
        for (String token : List.of(TestTokens.partnerA(), TestTokens.partnerB(), TestTokens.communityTeam())) {
            given().auth().oauth2(token).queryParam("contactId", nora).get(PATH).then().statusCode(403)
                    .contentType("application/problem+json").body(not(org.hamcrest.Matchers.containsString("Nora")));
        }
        given().queryParam("contactId", nora).get(PATH).then().statusCode(401);
    }

    @Test
    void theTeamMarksATouchpointsNotesNotDisclosableAndBack() {
        String nora = ContactFixtures.contact("Nora", "Notes");
        ContactFixtures.affiliate(nora, ContactFixtures.A, "DEVELOPER", LocalDate.now().minusYears(1).toString());
        JsonPath logged = TouchpointFixtures.log(TestTokens.communityTeam(), ContactFixtures.A,
                TouchpointFixtures.touchpoint(LocalDate.now().minusDays(1), "CALL", List.of(UUID.fromString(nora))));
        org.junit.jupiter.api.Assertions.assertTrue(logged.getBoolean("notesDisclosable"), "disclosable by default");
        String path = "/api/touchpoints/" + logged.getString("id");
        String etag = ContactFixtures.etag(TestTokens.communityTeam(), path);
        given().auth().oauth2(TestTokens.communityTeam()).contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("notesDisclosable", false)).patch(path).then().statusCode(200).body("notesDisclosable", equalTo(false));
        given().auth().oauth2(TestTokens.foundationStaff()).queryParam("contactId", nora).get(PATH).then().statusCode(200)
                .body("touchpoints[0].notesWithheld", equalTo(true)).body("touchpoints[0].notes", nullValue());
        etag = ContactFixtures.etag(TestTokens.communityTeam(), path);
        java.util.HashMap<String, Object> clear = new java.util.HashMap<>();
        clear.put("notesDisclosable", null);
        given().auth().oauth2(TestTokens.communityTeam()).contentType("application/merge-patch+json").header("If-Match", etag)
                .body(clear).patch(path).then().statusCode(400).body("errors.field", hasItem("notesDisclosable"));
        given().auth().oauth2(TestTokens.communityTeam()).contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("notesDisclosable", true)).patch(path).then().statusCode(200).body("notesDisclosable", equalTo(true));
        given().auth().oauth2(TestTokens.foundationStaff()).queryParam("contactId", nora).get(PATH).then().statusCode(200)
                .body("touchpoints[0].notes", equalTo("INTERNAL-NOTE CFO is unhappy with the Gold price"));
    }
}
