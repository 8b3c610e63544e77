package dev.trellis.partner;

import static dev.trellis.partner.ContactFixtures.A;
import static dev.trellis.partner.ContactFixtures.affiliate;
import static dev.trellis.partner.ContactFixtures.contact;
import static dev.trellis.partner.ContactFixtures.etag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.trellis.contracts.partner.ContactErased;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Erasing a contact for privacy: what goes, what stays, who may, and what is published. */
@QuarkusTest
class ContactErasureTest {
    @Inject
    PartnerService partners;
    @Inject
    EntityManager em;

    @BeforeEach
    void partners() {
        ContactFixtures.partners(partners);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String erase(String token, String contactId) {
        return as(token).post("/api/contacts/" + contactId + "/erasure").then().extract().asString();
    }

    private List<Object[]> erasedEvents(String contactId) {
        return OutboxRows.about(em, ContactErased.TYPE, "contactId", contactId);
    }

    @Test
    void erasureLeavesPlaceholdersKeepsAffiliationsAndPublishesOneEvent() {
        String id = contact("Erin", "Forgotten");
        String affiliation = affiliate(id, A, "DEVELOPER", "2024-01-01");
        String path = "/api/contacts/" + id;
        as(TestTokens.communityTeam()).body(Map.of("phone", "+1 555 0100", "jobTitle", "Engineer"))
                .header("If-Match", etag(TestTokens.communityTeam(), path)).patch(path).then().statusCode(200);
        as(TestTokens.communityTeam()).body(Map.of("granted", true, "source", "WEB_FORM"))
                .put(path + "/consents/MARKETING_EMAIL").then().statusCode(200);

        String erasedAt = as(TestTokens.foundationStaff()).post(path + "/erasure").then().statusCode(200)
                .body("contactId", equalTo(id)).body("erasedAt", notNullValue()).extract().path("erasedAt");

        as(TestTokens.communityTeam()).get(path).then().statusCode(200)
                .body("firstName", equalTo("Erased")).body("lastName", equalTo("contact"))
                .body("email", equalTo("erased-" + id + "@erased.invalid"))
                .body("phone", nullValue()).body("jobTitle", nullValue())
                .body("consents", empty()).body("consentHistory", empty())
                .body("erasedAt", equalTo(erasedAt))
                .body("currentAffiliations", empty())
                .body("pastAffiliations.id", equalTo(List.of(affiliation)));

        List<Object[]> events = erasedEvents(id);
        Assertions.assertEquals(1, events.size(), "one contact-erased event");
        Assertions.assertEquals(id, events.get(0)[0], "keyed by the contact");
        Assertions.assertTrue(String.valueOf(events.get(0)[1]).endsWith("trellis.partner.events"));
        String data = String.valueOf(events.get(0)[2]);
        Assertions.assertFalse(data.contains("Erin") || data.contains("Forgotten"), "no personal data: " + data);

        as(TestTokens.foundationStaff()).post(path + "/erasure").then().statusCode(200)
                .body("erasedAt", equalTo(erasedAt));
        Assertions.assertEquals(1, erasedEvents(id).size(), "asking again publishes nothing more");
    }

    @Test
    void anErasedContactIsInNoListAndHiddenFromItsPartner() {
        String id = contact("Hidden", "Afterwards");
        affiliate(id, A, "TECHNICAL_LEAD", "2024-01-01");
        given().auth().oauth2(TestTokens.partnerA()).get("/api/partners/me/contacts/" + id).then().statusCode(200);

        erase(TestTokens.foundationStaff(), id);

        for (Map<String, Object> query : List.of(Map.<String, Object>of("q", "Afterwards"),
                Map.<String, Object>of("q", "erased-" + id), Map.<String, Object>of("partnerId", A, "limit", 200))) {
            List<String> ids = given().auth().oauth2(TestTokens.communityTeam()).queryParams(query)
                    .get("/api/contacts").then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
            Assertions.assertFalse(ids.contains(id), "listed by " + query);
        }
        List<String> own = given().auth().oauth2(TestTokens.partnerA()).queryParam("limit", 200)
                .get("/api/partners/me/contacts").then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        Assertions.assertFalse(own.contains(id));
        given().auth().oauth2(TestTokens.partnerA()).get("/api/partners/me/contacts/" + id).then().statusCode(404);
    }

    @Test
    void anErasedContactGetsNoNewDetailsConsentsOrAffiliations() {
        String id = contact("Frozen", "Record");
        String affiliation = affiliate(id, A, "DEVELOPER", "2024-01-01");
        String path = "/api/contacts/" + id;
        erase(TestTokens.foundationStaff(), id);
        String etag = etag(TestTokens.communityTeam(), path);

        as(TestTokens.communityTeam()).header("If-Match", etag).body(Map.of("firstName", "Back"))
                .patch(path).then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("contact-erased"));
        as(TestTokens.communityTeam()).body(Map.of("granted", true, "source", "WEB_FORM"))
                .put(path + "/consents/MARKETING_EMAIL").then().statusCode(409);
        as(TestTokens.communityTeam()).body(Map.of("partnerId", A, "role", "MARKETING", "startDate", "2025-01-01"))
                .post(path + "/affiliations").then().statusCode(409);
        as(TestTokens.communityTeam()).body(Map.of("partnerId", ContactFixtures.B, "role", "DEVELOPER",
                "date", LocalDate.now().toString())).post(path + "/moves").then().statusCode(409);
        given().auth().oauth2(TestTokens.partnerA()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("firstName", "Back")).patch("/api/partners/me/contacts/" + id).then().statusCode(404);

        as(TestTokens.communityTeam()).get(path).then().statusCode(200).header("ETag", equalTo(etag))
                .body("firstName", equalTo("Erased")).body("consentHistory", empty())
                .body("currentAffiliations", empty()).body("pastAffiliations", hasSize(1));
        // The erasure ended it already (issue 16), so ending it again is the usual conflict.
        as(TestTokens.communityTeam()).body(Map.of("endDate", LocalDate.now().toString()))
                .post(path + "/affiliations/" + affiliation + "/end").then().statusCode(409);
    }

    @Test
    void anErasedContactLosesItsKeyContactRolesAndCannotBeGivenOne() {
        String partner = as(TestTokens.communityTeam()).body(Map.of("name", "Erasure " + UUID.randomUUID(),
                "lifecycleStatus", "ACTIVE")).post("/api/partners").then().statusCode(201).extract().path("id");
        as(TestTokens.foundationStaff()).body(Map.of("tier", "GOLD", "termStart", LocalDate.now().minusMonths(6).toString(),
                        "termEnd", LocalDate.now().plusMonths(6).toString(), "autoRenew", true))
                .put("/api/partners/" + partner + "/membership").then().statusCode(201);
        String id = contact("Billing", "Person");
        affiliate(id, partner, "BILLING", LocalDate.now().minusYears(1).toString());
        String keyContacts = "/api/partners/" + partner + "/membership/key-contacts";
        as(TestTokens.foundationStaff()).body(Map.of("contactId", id)).put(keyContacts + "/BILLING").then().statusCode(200);

        erase(TestTokens.foundationStaff(), id);

        as(TestTokens.foundationStaff()).get(keyContacts).then().statusCode(200).body("items", empty());
        as(TestTokens.foundationStaff()).body(Map.of("contactId", id)).put(keyContacts + "/BILLING")
                .then().statusCode(400).body("errors[0].field", equalTo("contactId"));
    }

    @Test
    void anErasedContactAttendsNoNewTouchpointButStaysOnPastOnes() {
        String id = contact("Past", "Attendee");
        affiliate(id, A, "DEVELOPER", "2024-01-01");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<UUID> attendees = List.of(UUID.fromString(id));
        String touchpoint = as(TestTokens.communityTeam()).body(TouchpointFixtures.touchpoint(today.minusDays(3), "CALL", attendees))
                .post("/api/partners/" + A + "/touchpoints").then().statusCode(201).extract().path("id");

        erase(TestTokens.foundationStaff(), id);

        as(TestTokens.communityTeam()).body(TouchpointFixtures.touchpoint(today.minusDays(1), "CALL", attendees))
                .post("/api/partners/" + A + "/touchpoints").then().statusCode(400)
                .body("errors[0].field", equalTo("attendeeContactIds[0]"));
        String other = contact("Other", "Touchpoint");
        affiliate(other, A, "DEVELOPER", "2024-01-01");
        String fresh = as(TestTokens.communityTeam())
                .body(TouchpointFixtures.touchpoint(today.minusDays(1), "CALL", List.of(UUID.fromString(other))))
                .post("/api/partners/" + A + "/touchpoints").then().statusCode(201).extract().path("id");
        as(TestTokens.communityTeam()).header("If-Match", "*").body(Map.of("attendeeContactIds", List.of(other, id)))
                .patch("/api/touchpoints/" + fresh).then().statusCode(400)
                .body("errors[0].field", equalTo("attendeeContactIds[1]"));
        as(TestTokens.communityTeam()).header("If-Match", "*")
                .body(Map.of("summary", "Follow-up call", "attendeeContactIds", List.of(id)))
                .patch("/api/touchpoints/" + touchpoint).then().statusCode(200)
                .body("summary", equalTo("Follow-up call")).body("attendeeContactIds", equalTo(List.of(id)));
    }

    /** The event types recorded about a contact (its own events and its affiliations'), in the order written. */
    @SuppressWarnings("unchecked")
    private List<String> eventTypesAbout(String contactId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select type from outbox_event where data->>'contactId' = :id order by seq")
                .setParameter("id", contactId).getResultList());
    }

    @Test
    void erasureEndsEveryOpenAffiliationOnTheDayAndPublishesTheEndsBeforeTheErasure() {
        String partner = as(TestTokens.communityTeam()).body(Map.of("name", "Sponsor Co " + UUID.randomUUID(),
                "lifecycleStatus", "ACTIVE")).post("/api/partners").then().statusCode(201).extract().path("id");
        String id = contact("Sponsor", "Gone");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String sponsor = affiliate(id, partner, "EXECUTIVE_SPONSOR", "2024-01-01");
        String developer = affiliate(id, A, "DEVELOPER", "2024-06-01");
        String path = "/api/contacts/" + id;
        as(TestTokens.communityTeam()).get("/api/partners/" + partner + "/affiliations").then().statusCode(200)
                .body("items.contactId", org.hamcrest.Matchers.hasItem(id));

        erase(TestTokens.foundationStaff(), id);

        as(TestTokens.communityTeam()).get(path).then().statusCode(200)
                .body("currentAffiliations", empty())
                .body("pastAffiliations.id", org.hamcrest.Matchers.containsInAnyOrder(sponsor, developer))
                .body("pastAffiliations.endDate", equalTo(List.of(today.toString(), today.toString())));
        // Nobody lists the person as a current executive sponsor or contact of either partner.
        for (String p : List.of(partner, A)) {
            List<String> current = as(TestTokens.communityTeam()).queryParam("limit", 200)
                    .get("/api/partners/" + p + "/affiliations").then().statusCode(200)
                    .extract().jsonPath().getList("items.contactId", String.class);
            Assertions.assertFalse(current.contains(id), "still a current affiliation of " + p);
        }
        as(TestTokens.communityTeam()).queryParam("current", false).get("/api/partners/" + partner + "/affiliations")
                .then().statusCode(200).body("items.find { it.id == '" + sponsor + "' }.endDate", equalTo(today.toString()));
        // One affiliation-ended per open affiliation, written before contact-erased, in the same transaction.
        List<String> types = eventTypesAbout(id);
        int erased = types.indexOf(ContactErased.TYPE);
        Assertions.assertEquals(List.of("dev.trellis.partner.affiliation-ended.v1", "dev.trellis.partner.affiliation-ended.v1"),
                types.subList(erased - 2, erased), "events: " + types);
        Assertions.assertEquals(erased, types.size() - 1, "contact-erased comes last: " + types);
        Assertions.assertEquals(1, ContactFixtures.events(em, "dev.trellis.partner.affiliation-ended.v1", sponsor).size());
        // Ending it again is a conflict: it ended already.
        as(TestTokens.communityTeam()).body(Map.of("endDate", today.toString()))
                .post(path + "/affiliations/" + sponsor + "/end").then().statusCode(409)
                .body("type", endsWith("affiliation-conflict"));
    }

    @Test
    void onlyFoundationStaffEraseAndAnUnknownContactIsNotFound() {
        String id = contact("Kept", "Safe");
        String path = "/api/contacts/" + id;
        as(TestTokens.communityTeam()).post(path + "/erasure").then().statusCode(403).contentType("application/problem+json");
        as(TestTokens.partnerA()).post(path + "/erasure").then().statusCode(403);
        given().contentType(ContentType.JSON).post(path + "/erasure").then().statusCode(401);
        as(TestTokens.foundationStaff()).post("/api/contacts/" + UUID.randomUUID() + "/erasure")
                .then().statusCode(404).contentType("application/problem+json");
        as(TestTokens.foundationStaff()).post("/api/contacts/not-a-uuid/erasure").then().statusCode(404);

        as(TestTokens.communityTeam()).get(path).then().statusCode(200)
                .body("firstName", equalTo("Kept")).body("erasedAt", nullValue());
        Assertions.assertEquals(0, erasedEvents(id).size());
    }
}
