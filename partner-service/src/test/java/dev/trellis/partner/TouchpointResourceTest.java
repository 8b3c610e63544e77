package dev.trellis.partner;

import static dev.trellis.partner.TouchpointFixtures.addStep;
import static dev.trellis.partner.TouchpointFixtures.log;
import static dev.trellis.partner.TouchpointFixtures.step;
import static dev.trellis.partner.TouchpointFixtures.touchpoint;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.trellis.partner.demo.DemoData;
import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TouchpointResourceTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String LOGGED = "dev.trellis.partner.touchpoint-logged.v1";

    @Inject
    PartnerService partners;
    @Inject
    EntityManager em;

    @BeforeEach
    void partners() {
        partners.registerIfAbsent(DemoData.ACME_CLOUD, "Acme Cloud", "https://acme-cloud.example", "US", LifecycleStatus.ACTIVE);
        partners.registerIfAbsent(DemoData.BOREALIS_SYSTEMS, "Borealis Systems", null, "FI", LifecycleStatus.ACTIVE);
    }

    /** A partner of its own per test, so that lists and filters see only that test's touchpoints. */
    private String freshPartner() {
        UUID id = UUID.randomUUID();
        partners.registerIfAbsent(id, "Touchpoint Test " + id, null, null, LifecycleStatus.ACTIVE);
        return id.toString();
    }

    /** A person of {@code partner} since 2024 (attendees must be people of the touchpoint's partner on its day). */
    private static UUID personOf(String partner) {
        String id = ContactFixtures.contact("Attending", "Person");
        ContactFixtures.affiliate(id, partner, "DEVELOPER", "2024-01-01");
        return UUID.fromString(id);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void partnersAreForbiddenOnEveryTouchpointRouteEvenForTheirOwnOrganisation() {
        String touchpointId = log(TestTokens.communityTeam(), TestTokens.PARTNER_A,
                touchpoint(TODAY.minusDays(3), "CALL", List.of())).getString("id");
        String stepId = addStep(TestTokens.communityTeam(), touchpointId, step("Follow up", "cora", TODAY)).getString("id");
        for (String token : List.of(TestTokens.partnerA(), TestTokens.partnerB())) {
            List<ValidatableResponse> responses = List.of(
                    as(token).get("/api/partners/" + TestTokens.PARTNER_A + "/touchpoints").then(),
                    as(token).get("/api/partners/" + TestTokens.PARTNER_B + "/touchpoints").then(),
                    as(token).body(touchpoint(TODAY, "CALL", List.of())).post("/api/partners/" + TestTokens.PARTNER_A + "/touchpoints").then(),
                    as(token).get("/api/touchpoints/" + touchpointId).then(),
                    as(token).header("If-Match", "*").body(Map.of("summary", "mine now")).patch("/api/touchpoints/" + touchpointId).then(),
                    as(token).body(step("x", "cora", TODAY)).post("/api/touchpoints/" + touchpointId + "/next-steps").then(),
                    as(token).get("/api/touchpoints/next-steps?owner=cora&due=all").then(),
                    as(token).get("/api/touchpoints/next-steps/" + stepId).then(),
                    as(token).header("If-Match", "*").body(Map.of("done", true)).patch("/api/touchpoints/next-steps/" + stepId).then());
            for (ValidatableResponse response : responses) {
                response.statusCode(403).contentType("application/problem+json")
                        .body(not(containsString("INTERNAL-NOTE")));
            }
        }
    }

    @Test
    void touchpointRoutesNeedAToken() {
        given().get("/api/partners/" + TestTokens.PARTNER_A + "/touchpoints").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void foundationStaffReadTouchpointsButCannotWriteThem() {
        String touchpointId = log(TestTokens.communityTeam(), TestTokens.PARTNER_A,
                touchpoint(TODAY.minusDays(2), "MEETING", List.of())).getString("id");
        String staff = TestTokens.foundationStaff();
        as(staff).get("/api/partners/" + TestTokens.PARTNER_A + "/touchpoints").then().statusCode(200)
                .body("items.id", hasItem(touchpointId));
        as(staff).get("/api/touchpoints/" + touchpointId).then().statusCode(200).header("ETag", notNullValue())
                .body("notes", containsString("INTERNAL-NOTE"));
        as(staff).body(touchpoint(TODAY, "CALL", List.of())).post("/api/partners/" + TestTokens.PARTNER_A + "/touchpoints")
                .then().statusCode(403);
        as(staff).header("If-Match", "*").body(Map.of("summary", "changed")).patch("/api/touchpoints/" + touchpointId)
                .then().statusCode(403);
        as(staff).body(step("x", "felix", TODAY)).post("/api/touchpoints/" + touchpointId + "/next-steps")
                .then().statusCode(403);
    }

    @Test
    void communityTeamLogsATouchpointWithAttendeesAndNextSteps() {
        UUID contact = personOf(TestTokens.PARTNER_A);
        Map<String, Object> body = touchpoint(TODAY.minusDays(1), "BUSINESS_REVIEW", List.of(contact, contact));
        body.put("attendeeStaff", List.of("Cora", "felix"));
        body.put("nextSteps", List.of(step("Send TOC intro", "cora", TODAY.plusDays(7))));
        var response = as(TestTokens.communityTeam()).body(body).post("/api/partners/" + TestTokens.PARTNER_A + "/touchpoints")
                .then().statusCode(201).header("ETag", equalTo("\"0\"")).extract();
        String id = response.jsonPath().getString("id");
        Assertions.assertTrue(response.header("Location").endsWith("/api/touchpoints/" + id), response.header("Location"));
        as(TestTokens.communityTeam()).get("/api/touchpoints/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("partnerId", equalTo(TestTokens.PARTNER_A))
                .body("type", equalTo("BUSINESS_REVIEW"))
                .body("attendeeContactIds", equalTo(List.of(contact.toString())))
                .body("attendeeStaff", equalTo(List.of("cora", "felix")))
                .body("loggedBy", equalTo("cora"))
                .body("executive", equalTo(false))
                .body("nextSteps[0].owner", equalTo("cora"))
                .body("nextSteps[0].done", equalTo(false))
                .body("notes", containsString("INTERNAL-NOTE"));
    }

    @Test
    void aTouchpointIsExecutiveWhenAContactAttendeeWasAnExecutiveOnThatDay() {
        String partner = freshPartner();
        LocalDate sponsorSince = TODAY.minusDays(30);
        UUID sponsor = UUID.fromString(ContactFixtures.contact("Esther", "Sponsor"));
        ContactFixtures.affiliate(sponsor.toString(), partner, "EXECUTIVE_SPONSOR", sponsorSince.toString());
        // Before she became its sponsor she was its technical lead: an attendee then, but not an executive.
        ContactFixtures.affiliate(sponsor.toString(), partner, "TECHNICAL_LEAD", sponsorSince.minusDays(100).toString());
        // She also works with partner B, not as an executive.
        ContactFixtures.affiliate(sponsor.toString(), TestTokens.PARTNER_B, "DEVELOPER", sponsorSince.minusDays(100).toString());
        UUID developer = UUID.fromString(ContactFixtures.contact("Dev", "Eloper"));
        ContactFixtures.affiliate(developer.toString(), partner, "DEVELOPER", sponsorSince.minusDays(100).toString());

        var plain = log(TestTokens.communityTeam(), partner, touchpoint(TODAY.minusDays(5), "CALL", List.of(developer)));
        Assertions.assertFalse(plain.getBoolean("executive"));
        var exec = log(TestTokens.communityTeam(), partner, touchpoint(TODAY.minusDays(5), "CALL", List.of(developer, sponsor)));
        Assertions.assertTrue(exec.getBoolean("executive"));
        // The same sponsor before the role started does not make a touchpoint executive.
        var before = log(TestTokens.communityTeam(), partner, touchpoint(sponsorSince.minusDays(1), "CALL", List.of(sponsor)));
        Assertions.assertFalse(before.getBoolean("executive"));
        // An executive of another partner is not an executive of this one.
        var elsewhere = log(TestTokens.communityTeam(), TestTokens.PARTNER_B, touchpoint(TODAY.minusDays(5), "CALL", List.of(sponsor)));
        Assertions.assertFalse(elsewhere.getBoolean("executive"));

        // Changing attendees or the date recomputes the flag.
        String plainId = plain.getString("id");
        as(TestTokens.communityTeam()).header("If-Match", "\"0\"").body(Map.of("attendeeContactIds", List.of(developer, sponsor)))
                .patch("/api/touchpoints/" + plainId).then().statusCode(200).body("executive", equalTo(true))
                .header("ETag", equalTo("\"1\""));
        as(TestTokens.communityTeam()).header("If-Match", "\"1\"").body(Map.of("occurredOn", sponsorSince.minusDays(2).toString()))
                .patch("/api/touchpoints/" + plainId).then().statusCode(200).body("executive", equalTo(false));

        as(TestTokens.foundationStaff()).queryParam("executive", "true").get("/api/partners/" + partner + "/touchpoints")
                .then().statusCode(200).body("items.id", equalTo(List.of(exec.getString("id"))));
    }

    @Test
    void touchpointsArePagedNewestFirstAndFilteredByTypeAndDates() {
        String partner = freshPartner();
        List<String> expected = new ArrayList<>();
        for (int daysAgo : new int[] {1, 10, 5, 20, 5}) {
            log(TestTokens.communityTeam(), partner, touchpoint(TODAY.minusDays(daysAgo), daysAgo == 5 ? "EMAIL" : "CALL", List.of()));
        }
        List<String> dates = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(TestTokens.communityTeam()).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/partners/" + partner + "/touchpoints").then().statusCode(200).extract().jsonPath();
            dates.addAll(page.getList("items.occurredOn", String.class));
            ids.addAll(page.getList("items.id", String.class));
            cursor = page.getString("next");
            pages++;
        } while (cursor != null);
        Assertions.assertEquals(3, pages);
        for (int daysAgo : new int[] {1, 5, 5, 10, 20}) {
            expected.add(TODAY.minusDays(daysAgo).toString());
        }
        Assertions.assertEquals(expected, dates);
        Assertions.assertEquals(5, ids.stream().distinct().count());
        Assertions.assertTrue(ids.get(1).compareTo(ids.get(2)) > 0, "same day: id descending");

        as(TestTokens.communityTeam()).queryParam("type", "EMAIL").get("/api/partners/" + partner + "/touchpoints")
                .then().statusCode(200).body("items.size()", equalTo(2)).body("items.type", equalTo(List.of("EMAIL", "EMAIL")));
        as(TestTokens.communityTeam()).queryParam("from", TODAY.minusDays(10).toString()).queryParam("to", TODAY.minusDays(5).toString())
                .get("/api/partners/" + partner + "/touchpoints").then().statusCode(200).body("items.occurredOn",
                        equalTo(List.of(TODAY.minusDays(5).toString(), TODAY.minusDays(5).toString(), TODAY.minusDays(10).toString())));
    }

    @Test
    void badListParametersAreProblemsNamingTheParameter() {
        String path = "/api/partners/" + TestTokens.PARTNER_A + "/touchpoints";
        Function<ValidatableResponse, ValidatableResponse> problem = r -> r.statusCode(400).contentType("application/problem+json");
        problem.apply(as(TestTokens.communityTeam()).queryParam("type", "LUNCH").get(path).then()).body("errors[0].field", equalTo("type"));
        problem.apply(as(TestTokens.communityTeam()).queryParam("executive", "maybe").get(path).then()).body("errors[0].field", equalTo("executive"));
        problem.apply(as(TestTokens.communityTeam()).queryParam("from", "yesterday").get(path).then()).body("errors[0].field", equalTo("from"));
        problem.apply(as(TestTokens.communityTeam()).queryParam("cursor", "bm9wZQ").get(path).then()).body("errors[0].field", equalTo("cursor"));
        problem.apply(as(TestTokens.communityTeam()).queryParam("limit", 500).get(path).then()).body("errors[0].field", equalTo("limit"));
        as(TestTokens.communityTeam()).get("/api/partners/" + UUID.randomUUID() + "/touchpoints").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void updatingATouchpointNeedsTheCurrentETag() {
        String id = log(TestTokens.communityTeam(), TestTokens.PARTNER_A, touchpoint(TODAY.minusDays(2), "CALL", List.of())).getString("id");
        as(TestTokens.communityTeam()).body(Map.of("summary", "no precondition")).patch("/api/touchpoints/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        as(TestTokens.communityTeam()).header("If-Match", "\"0\"").body(Map.of("summary", "first edit", "notes", ""))
                .patch("/api/touchpoints/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("summary", equalTo("first edit")).body("notes", equalTo(null));
        as(TestTokens.communityTeam()).header("If-Match", "\"0\"").body(Map.of("summary", "lost update"))
                .patch("/api/touchpoints/" + id).then().statusCode(412).contentType("application/problem+json");
        as(TestTokens.communityTeam()).get("/api/touchpoints/" + id).then().body("summary", equalTo("first edit"));
        as(TestTokens.communityTeam()).header("If-Match", "*").body(Map.of("summary", "x")).patch("/api/touchpoints/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    /**
     * PATCH is a JSON merge patch (RFC 7396): a field left out stays as it is, a field sent as null is cleared
     * where it may be empty, and refused naming the field where it may not. (It used to treat null as "unchanged".)
     */
    @Test
    void aTouchpointPatchIsAMergePatchWhereNullClearsOrIsRefusedNamingTheField() {
        String team = TestTokens.communityTeam();
        UUID contact = personOf(TestTokens.PARTNER_A);
        String id = log(team, TestTokens.PARTNER_A, touchpoint(TODAY.minusDays(2), "CALL", List.of(contact))).getString("id");
        String path = "/api/touchpoints/" + id;

        as(team).header("If-Match", "\"0\"").body("{\"summary\": \"only the summary\"}").patch(path).then()
                .statusCode(200).header("ETag", equalTo("\"1\""))
                .body("summary", equalTo("only the summary")).body("notes", startsWith("INTERNAL-NOTE"))
                .body("type", equalTo("CALL")).body("occurredOn", equalTo(TODAY.minusDays(2).toString()))
                .body("attendeeContactIds", contains(contact.toString())).body("attendeeStaff", contains("cora"));

        as(team).header("If-Match", "\"1\"").body("{\"notes\": null, \"attendeeContactIds\": null, \"attendeeStaff\": null}")
                .patch(path).then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("notes", nullValue()).body("attendeeContactIds", empty()).body("attendeeStaff", empty())
                .body("summary", equalTo("only the summary")).body("type", equalTo("CALL"));

        for (String required : List.of("occurredOn", "type", "summary")) {
            as(team).header("If-Match", "\"2\"").body("{\"" + required + "\": null}").patch(path).then()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", contains(required));
        }
        as(team).get(path).then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("summary", equalTo("only the summary")).body("type", equalTo("CALL"))
                .body("occurredOn", equalTo(TODAY.minusDays(2).toString()));
    }

    @Test
    void invalidTouchpointsAreRefusedNamingTheField() {
        String path = "/api/partners/" + TestTokens.PARTNER_A + "/touchpoints";
        // Up to a day ahead is accepted (time zones); more is refused.
        log(TestTokens.communityTeam(), TestTokens.PARTNER_A, touchpoint(TODAY.plusDays(1), "CALL", List.of()));
        invalid(path, touchpoint(TODAY.plusDays(2), "CALL", List.of()), "occurredOn");

        Map<String, Object> blank = touchpoint(TODAY, "CALL", List.of());
        blank.put("summary", "   ");
        invalid(path, blank, "summary");
        invalid(path, touchpoint(TODAY, "LUNCH", List.of()), "type");
        Map<String, Object> noDate = touchpoint(TODAY, "CALL", List.of());
        noDate.remove("occurredOn");
        invalid(path, noDate, "occurredOn");
        Map<String, Object> badContact = touchpoint(TODAY, "CALL", List.of());
        badContact.put("attendeeContactIds", List.of("not-a-uuid"));
        invalid(path, badContact, "attendeeContactIds[0]");
        Map<String, Object> badStaff = touchpoint(TODAY, "CALL", List.of());
        badStaff.put("attendeeStaff", List.of("cora; drop table"));
        invalid(path, badStaff, "attendeeStaff[0]");
        Map<String, Object> longNotes = touchpoint(TODAY, "CALL", List.of());
        longNotes.put("notes", "n".repeat(10_001));
        invalid(path, longNotes, "notes");
        Map<String, Object> crowd = touchpoint(TODAY, "CALL", List.of());
        List<UUID> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(UUID.randomUUID());
        }
        crowd.put("attendeeContactIds", many);
        invalid(path, crowd, "attendeeContactIds");
        // A next step may not be due before the touchpoint it came from.
        Map<String, Object> earlyStep = touchpoint(TODAY.minusDays(3), "CALL", List.of());
        earlyStep.put("nextSteps", List.of(step("ok", "cora", TODAY), step("too early", "cora", TODAY.minusDays(4))));
        invalid(path, earlyStep, "nextSteps[1].dueOn");
        Map<String, Object> blankStep = touchpoint(TODAY, "CALL", List.of());
        blankStep.put("nextSteps", List.of(Map.of("description", "", "owner", "cora", "dueOn", TODAY.toString())));
        invalid(path, blankStep, "nextSteps[0].description");
        as(TestTokens.communityTeam()).body("{\"occurredOn\": ").post(path).then().statusCode(400)
                .contentType("application/problem+json");
        as(TestTokens.communityTeam()).body(touchpoint(TODAY, "CALL", List.of())).post("/api/partners/" + UUID.randomUUID() + "/touchpoints")
                .then().statusCode(404);

        String id = log(TestTokens.communityTeam(), TestTokens.PARTNER_A, touchpoint(TODAY.minusDays(1), "CALL", List.of())).getString("id");
        as(TestTokens.communityTeam()).header("If-Match", "*").body(Map.of("summary", " ")).patch("/api/touchpoints/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("summary"));
        as(TestTokens.communityTeam()).header("If-Match", "*").body(Map.of("occurredOn", TODAY.plusDays(3).toString()))
                .patch("/api/touchpoints/" + id).then().statusCode(400).body("errors[0].field", equalTo("occurredOn"));
    }

    private static void invalid(String path, Map<String, Object> body, String field) {
        as(TestTokens.communityTeam()).body(body).post(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    @Test
    void loggingATouchpointRecordsExactlyOneEventKeyedByThePartnerWithoutSummaryOrNotes() {
        UUID contact = personOf(TestTokens.PARTNER_B);
        String id = log(TestTokens.communityTeam(), TestTokens.PARTNER_B, touchpoint(TODAY.minusDays(1), "MEETING", List.of(contact)))
                .getString("id");
        // Changes after logging are no new touchpoint-logged.
        addStep(TestTokens.communityTeam(), id, step("Follow up", "cora", TODAY));
        as(TestTokens.communityTeam()).header("If-Match", "\"0\"").body(Map.of("summary", "edited"))
                .patch("/api/touchpoints/" + id).then().statusCode(200);

        List<Object[]> rows = OutboxRows.about(em, LOGGED, "touchpointId", id);
        Assertions.assertEquals(1, rows.size(), "exactly one touchpoint-logged event");
        Object[] row = rows.get(0);
        Assertions.assertEquals(TestTokens.PARTNER_B, row[0]);
        Assertions.assertEquals("test.partner-service.trellis.partner.events", row[1]);
        String data = (String) row[2];
        Assertions.assertTrue(data.contains(contact.toString()), data);
        Assertions.assertTrue(data.contains("\"type\":\"MEETING\""), data);
        Assertions.assertFalse(data.contains("INTERNAL-NOTE") || data.contains("Quarterly review") || data.contains("notes")
                || data.contains("summary"), data);
    }

    @Test
    void theTouchpointResponseShowsItsNextStepsSoonestFirst() {
        String id = log(TestTokens.communityTeam(), TestTokens.PARTNER_A, touchpoint(TODAY.minusDays(1), "CALL", List.of())).getString("id");
        addStep(TestTokens.communityTeam(), id, step("later", "cora", TODAY.plusDays(9)));
        var sooner = addStep(TestTokens.communityTeam(), id, step("sooner", "cora", TODAY.plusDays(2)));
        Assertions.assertEquals(id, sooner.getString("touchpointId"));
        as(TestTokens.foundationStaff()).get("/api/touchpoints/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("nextSteps.description", equalTo(List.of("sooner", "later")));
        var response = as(TestTokens.communityTeam()).body(step("located", "cora", TODAY)).post("/api/touchpoints/" + id + "/next-steps")
                .then().statusCode(201).header("ETag", equalTo("\"0\"")).extract();
        Assertions.assertTrue(response.header("Location").endsWith("/api/touchpoints/next-steps/" + response.jsonPath().getString("id")));
        as(TestTokens.communityTeam()).body(step("x", "cora", TODAY)).post("/api/touchpoints/" + UUID.randomUUID() + "/next-steps")
                .then().statusCode(404);
    }

}
