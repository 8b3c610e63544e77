package dev.trellis.partner;

import static dev.trellis.partner.ContactFixtures.A;
import static dev.trellis.partner.ContactFixtures.B;
import static dev.trellis.partner.ContactFixtures.affiliate;
import static dev.trellis.partner.ContactFixtures.contact;
import static dev.trellis.partner.ContactFixtures.etag;
import static dev.trellis.partner.ContactFixtures.events;
import static dev.trellis.partner.ContactFixtures.eventsAbout;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.persistence.ExecutiveAttendees;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AffiliationResourceTest {
    private static final String STARTED = "dev.trellis.partner.affiliation-started.v1";
    private static final String ENDED = "dev.trellis.partner.affiliation-ended.v1";
    private static final String TOPIC = "test.partner-service.trellis.partner.events";

    @Inject
    PartnerService partners;
    @Inject
    EntityManager em;
    @Inject
    ExecutiveAttendees executiveAttendees;

    @BeforeEach
    void partners() {
        ContactFixtures.partners(partners);
    }

    private static String end(String contactId, String affiliationId, String endDate, int status) {
        return given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("endDate", endDate))
                .post("/api/contacts/" + contactId + "/affiliations/" + affiliationId + "/end")
                .then().statusCode(status).extract().asString();
    }

    private static io.restassured.response.ValidatableResponse move(String token, String contactId, String partnerId,
            String role, String date) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("partnerId", partnerId, "role", role, "date", date))
                .post("/api/contacts/" + contactId + "/moves").then();
    }

    @Test
    void startingAnAffiliationRecordsExactlyOneStartedEventKeyedByThePartner() {
        String contact = contact("Start", "Event");
        var response = given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("partnerId", A, "role", "EXECUTIVE_SPONSOR", "startDate", "2024-03-01"))
                .post("/api/contacts/" + contact + "/affiliations").then().statusCode(201)
                .body("partnerId", equalTo(A)).body("role", equalTo("EXECUTIVE_SPONSOR"))
                .body("startDate", equalTo("2024-03-01")).body("endDate", nullValue()).body("source", equalTo("MANUAL"))
                .extract();
        String id = response.path("id");
        given().auth().oauth2(TestTokens.foundationStaff()).get(response.header("Location"))
                .then().statusCode(200).body("id", equalTo(id));
        List<Object[]> started = events(em, STARTED, id);
        Assertions.assertEquals(1, started.size());
        Assertions.assertEquals(A, started.get(0)[0]);
        Assertions.assertEquals(TOPIC, started.get(0)[1]);
        String data = (String) started.get(0)[2];
        for (String fact : List.of(id, contact, A, "EXECUTIVE_SPONSOR", "2024-03-01")) {
            Assertions.assertTrue(data.contains(fact), data);
        }
        Assertions.assertEquals(1, eventsAbout(em, id));
    }

    @Test
    void endingAnAffiliationKeepsItAndRecordsExactlyOneEndedEvent() {
        String contact = contact("End", "Event");
        String id = affiliate(contact, B, "TECHNICAL_LEAD", "2022-02-15");
        String before = etag(TestTokens.communityTeam(), "/api/contacts/" + contact);
        end(contact, id, "2025-05-30", 200);
        List<Object[]> ended = events(em, ENDED, id);
        Assertions.assertEquals(1, ended.size());
        Assertions.assertEquals(B, ended.get(0)[0]);
        Assertions.assertTrue(((String) ended.get(0)[2]).contains("\"endDate\":\"2025-05-30\""));
        Assertions.assertTrue(((String) ended.get(0)[2]).contains("\"startDate\":\"2022-02-15\""));
        Assertions.assertEquals(2, eventsAbout(em, id), "one started, one ended");
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/contacts/" + contact).then().statusCode(200)
                .header("ETag", not(equalTo(before)))
                .body("currentAffiliations", empty())
                .body("pastAffiliations.id", contains(id))
                .body("pastAffiliations[0].endDate", equalTo("2025-05-30"));
    }

    @Test
    void anAffiliationCannotEndBeforeItStartsNorEndTwice() {
        String contact = contact("Bad", "End");
        String id = affiliate(contact, A, "DEVELOPER", "2024-06-01");
        Assertions.assertTrue(end(contact, id, "2024-05-31", 400).contains("endDate"));
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON).body("{}")
                .post("/api/contacts/" + contact + "/affiliations/" + id + "/end")
                .then().statusCode(400).body("errors.field", hasItem("endDate"));
        Assertions.assertEquals(1, eventsAbout(em, id), "only the start");
        end(contact, id, "2024-06-01", 200);
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("endDate", "2024-12-31"))
                .post("/api/contacts/" + contact + "/affiliations/" + id + "/end")
                .then().statusCode(409).contentType("application/problem+json");
        Assertions.assertEquals(2, eventsAbout(em, id));
        String stranger = contact("Not", "Owner");
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("endDate", "2024-12-31"))
                .post("/api/contacts/" + stranger + "/affiliations/" + id + "/end").then().statusCode(404);
    }

    @Test
    void invalidAffiliationsAreRefusedNamingTheField() {
        String contact = contact("Invalid", "Affiliation");
        String path = "/api/contacts/" + contact + "/affiliations";
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("partnerId", A, "role", "CHIEF_WIZARD", "startDate", "2024-01-01")).post(path)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("role"));
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("partnerId", A, "role", "DEVELOPER", "startDate", "2024-13-01")).post(path)
                .then().statusCode(400).body("errors.field", hasItem("startDate"));
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("partnerId", A, "role", "DEVELOPER")).post(path)
                .then().statusCode(400).body("errors.field", hasItem("startDate"));
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("partnerId", UUID.randomUUID().toString(), "role", "DEVELOPER", "startDate", "2024-01-01"))
                .post(path).then().statusCode(400).body("errors.field", hasItem("partnerId"));
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("partnerId", A, "role", "DEVELOPER", "startDate", "2024-01-01"))
                .post("/api/contacts/" + UUID.randomUUID() + "/affiliations").then().statusCode(404);
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/contacts/" + contact)
                .then().body("currentAffiliations", empty());
    }

    @Test
    void theSameRoleAtTheSamePartnerCannotOverlap() {
        String contact = contact("Twice", "Overlap");
        String first = affiliate(contact, A, "BILLING", "2024-01-01");
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("partnerId", A, "role", "BILLING", "startDate", "2025-01-01"))
                .post("/api/contacts/" + contact + "/affiliations").then().statusCode(409)
                .body("type", endsWith("/affiliation-conflict"));
        affiliate(contact, A, "VOTING_CONTACT", "2025-01-01");
        end(contact, first, "2024-12-31", 200);
        affiliate(contact, A, "BILLING", "2025-01-01");
    }

    @Test
    void onlyTheCommunityTeamChangesAffiliations() {
        String contact = contact("Role", "Check");
        String id = affiliate(contact, A, "DEVELOPER", "2024-01-01");
        for (String token : List.of(TestTokens.foundationStaff(), TestTokens.partnerA())) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("partnerId", A, "role", "MARKETING", "startDate", "2024-01-01"))
                    .post("/api/contacts/" + contact + "/affiliations").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("endDate", "2024-12-31"))
                    .post("/api/contacts/" + contact + "/affiliations/" + id + "/end").then().statusCode(403);
            move(token, contact, B, "DEVELOPER", "2025-01-01").statusCode(403);
        }
        given().auth().oauth2(TestTokens.partnerA()).get("/api/contacts/" + contact + "/affiliations/" + id)
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("endDate", "2024-12-31"))
                .post("/api/contacts/" + contact + "/affiliations/" + id + "/end").then().statusCode(401);
        Assertions.assertEquals(1, eventsAbout(em, id));
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/contacts/" + contact)
                .then().body("currentAffiliations.id", contains(id));
    }

    @Test
    void aMoveEndsOpenAffiliationsTheDayBeforeAndStartsTheNewOne() {
        String contact = contact("Moving", "Person");
        String dev = affiliate(contact, A, "DEVELOPER", "2021-01-01");
        String lead = affiliate(contact, A, "TECHNICAL_LEAD", "2023-01-01");
        String old = affiliate(contact, A, "MARKETING", "2020-01-01");
        end(contact, old, "2020-12-31", 200);
        String started = move(TestTokens.communityTeam(), contact, B, "EXECUTIVE_SPONSOR", "2025-07-01")
                .statusCode(201)
                .body("ended.id", containsInAnyOrder(dev, lead))
                .body("ended.endDate", contains("2025-06-30", "2025-06-30"))
                .body("started.partnerId", equalTo(B)).body("started.startDate", equalTo("2025-07-01"))
                .extract().path("started.id");

        for (String ended : List.of(dev, lead)) {
            List<Object[]> rows = events(em, ENDED, ended);
            Assertions.assertEquals(1, rows.size());
            Assertions.assertEquals(A, rows.get(0)[0]);
            Assertions.assertTrue(((String) rows.get(0)[2]).contains("\"endDate\":\"2025-06-30\""));
        }
        Assertions.assertEquals(1, events(em, ENDED, old).size(), "the already-ended one is not ended again");
        List<Object[]> start = events(em, STARTED, started);
        Assertions.assertEquals(1, start.size());
        Assertions.assertEquals(B, start.get(0)[0]);
        Assertions.assertEquals(1, eventsAbout(em, started));

        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/contacts/" + contact).then().statusCode(200)
                .body("currentAffiliations.id", contains(started))
                .body("pastAffiliations.id", containsInAnyOrder(dev, lead, old));
        given().auth().oauth2(TestTokens.partnerA()).get("/api/partners/me/contacts/" + contact).then().statusCode(404);
        given().auth().oauth2(TestTokens.partnerB()).get("/api/partners/me/contacts/" + contact).then().statusCode(200)
                .body("roles.role", contains("EXECUTIVE_SPONSOR"));
    }

    @Test
    void aMoveBeforeAnOpenAffiliationStartsChangesNothing() {
        String contact = contact("Early", "Mover");
        String id = affiliate(contact, A, "DEVELOPER", "2025-03-01");
        move(TestTokens.communityTeam(), contact, B, "DEVELOPER", "2025-03-01")
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("date"));
        move(TestTokens.communityTeam(), contact, UUID.randomUUID().toString(), "DEVELOPER", "2025-06-01")
                .statusCode(400).body("errors.field", hasItem("partnerId"));
        Assertions.assertEquals(1, eventsAbout(em, id));
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/contacts/" + contact).then()
                .body("currentAffiliations.id", contains(id)).body("currentAffiliations[0].endDate", nullValue());
        Number rows = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "select count(*) from affiliation where contact_id = cast(:c as uuid)").setParameter("c", contact)
                .getSingleResult());
        Assertions.assertEquals(1, rows.intValue(), "no half-done move");
    }

    @Test
    void staffListAPartnersCurrentOrAllAffiliations() {
        String id = UUID.randomUUID().toString();
        partners.registerIfAbsent(UUID.fromString(id), "Listing Partner", null, null, LifecycleStatus.ACTIVE);
        String ann = contact("Ann", "Current");
        String ben = contact("Ben", "Former");
        String cat = contact("Cat", "Current");
        String annAff = affiliate(ann, id, "DEVELOPER", "2024-01-01");
        String benAff = affiliate(ben, id, "DEVELOPER", "2023-01-01");
        String catAff = affiliate(cat, id, "BILLING", "2024-01-01");
        end(ben, benAff, "2023-12-31", 200);
        String path = "/api/partners/" + id + "/affiliations";
        given().auth().oauth2(TestTokens.foundationStaff()).get(path).then().statusCode(200)
                .body("items.id", containsInAnyOrder(annAff, catAff)).body("items.firstName", hasItem("Ann"));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("current", true).get(path).then().statusCode(200)
                .body("items.id", containsInAnyOrder(annAff, catAff));
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(TestTokens.communityTeam()).queryParam("current", false)
                    .queryParam("limit", 1);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get(path).then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items.id", String.class));
            cursor = page.getString("next");
        } while (cursor != null);
        Assertions.assertEquals(benAff, all.get(0), "sorted by start date");
        Assertions.assertEquals(Set.of(annAff, benAff, catAff), Set.copyOf(all));
        Assertions.assertEquals(3, all.size());
    }

    @Test
    void partnersCannotListAffiliationsOfAnyPartner() {
        given().auth().oauth2(TestTokens.partnerA()).get("/api/partners/" + A + "/affiliations").then().statusCode(403);
        given().auth().oauth2(TestTokens.partnerA()).get("/api/partners/" + B + "/affiliations")
                .then().statusCode(403).body("items", nullValue());
        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/partners/" + UUID.randomUUID() + "/affiliations")
                .then().statusCode(404);
    }

    @Test
    void executivesAreThoseWhoHeldTheExecutiveRoleAtThePartnerOnTheDay() {
        String exec = contact("Exec", "Sponsor");
        String dev = contact("Just", "Developer");
        String elsewhere = contact("Exec", "Elsewhere");
        String execAff = affiliate(exec, A, "EXECUTIVE_SPONSOR", "2024-01-01");
        end(exec, execAff, "2024-12-31", 200);
        affiliate(dev, A, "DEVELOPER", "2024-01-01");
        affiliate(elsewhere, B, "EXECUTIVE_SPONSOR", "2024-01-01");
        UUID partner = UUID.fromString(A);
        List<UUID> attendees = List.of(UUID.fromString(exec), UUID.fromString(dev), UUID.fromString(elsewhere));
        Assertions.assertEquals(Set.of(UUID.fromString(exec)),
                executiveAttendees.executives(partner, attendees, LocalDate.of(2024, 12, 31)));
        Assertions.assertEquals(Set.of(), executiveAttendees.executives(partner, attendees, LocalDate.of(2025, 1, 1)));
        Assertions.assertEquals(Set.of(), executiveAttendees.executives(partner, attendees, LocalDate.of(2023, 12, 31)));
        Assertions.assertEquals(Set.of(), executiveAttendees.executives(partner, List.of(), LocalDate.of(2024, 6, 1)));
        Assertions.assertEquals(Set.of(UUID.fromString(exec)), QuarkusTransaction.requiringNew().call(
                () -> executiveAttendees.executives(partner, attendees, LocalDate.of(2024, 6, 1))));
    }
}
