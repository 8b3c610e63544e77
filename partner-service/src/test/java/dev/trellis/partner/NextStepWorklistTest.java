package dev.trellis.partner;

import static dev.trellis.partner.TouchpointFixtures.addStep;
import static dev.trellis.partner.TouchpointFixtures.log;
import static dev.trellis.partner.TouchpointFixtures.step;
import static dev.trellis.partner.TouchpointFixtures.touchpoint;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.trellis.partner.demo.DemoData;
import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NextStepWorklistTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    PartnerService partners;

    /** A community-team member of its own per test, so that each worklist holds only that test's steps. */
    private String user;
    private String token;
    private String touchpointId;

    @BeforeEach
    void setUp() {
        partners.registerIfAbsent(DemoData.ACME_CLOUD, "Acme Cloud", "https://acme-cloud.example", "US", LifecycleStatus.ACTIVE);
        user = "staff" + UUID.randomUUID().toString().substring(0, 8);
        token = TestTokens.token(user, List.of("community-team"), null);
        touchpointId = log(token, TestTokens.PARTNER_A, touchpoint(TODAY.minusDays(30), "MEETING", List.of())).getString("id");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private String stepDue(String description, int daysFromToday) {
        return addStep(token, touchpointId, step(description, user, TODAY.plusDays(daysFromToday))).getString("id");
    }

    private List<String> worklist(String tokenOfCaller, String owner, String due) {
        var request = as(tokenOfCaller);
        if (owner != null) {
            request = request.queryParam("owner", owner);
        }
        if (due != null) {
            request = request.queryParam("due", due);
        }
        return request.get("/api/touchpoints/next-steps").then().statusCode(200).extract().jsonPath()
                .getList("items.description", String.class);
    }

    @Test
    void ownerMeListsTheCallersOpenStepsSoonestDueFirst() {
        stepDue("in a week", 7);
        stepDue("yesterday", -1);
        stepDue("today", 0);
        // felix owns steps once he has called the service as staff (NextStepOwnerTest).
        as(TestTokens.foundationStaff()).get("/api/touchpoints/next-steps").then().statusCode(200);
        addStep(TestTokens.communityTeam(), touchpointId, step("someone else's", "felix", TODAY));
        Assertions.assertEquals(List.of("yesterday", "today", "in a week"), worklist(token, "me", "open"));
        // owner=me and due=open are the defaults.
        Assertions.assertEquals(List.of("yesterday", "today", "in a week"), worklist(token, null, null));
    }

    @Test
    void overdueMeansNotDoneAndDueBeforeToday() {
        String doneLate = stepDue("done late", -5);
        stepDue("overdue", -2);
        stepDue("due today", 0);
        stepDue("due tomorrow", 1);
        as(token).header("If-Match", "\"0\"").body(Map.of("done", true)).patch("/api/touchpoints/next-steps/" + doneLate)
                .then().statusCode(200);
        Assertions.assertEquals(List.of("overdue"), worklist(token, "me", "overdue"));
        as(token).queryParam("due", "overdue").get("/api/touchpoints/next-steps").then()
                .body("items[0].overdue", equalTo(true))
                .body("items[0].partnerId", equalTo(TestTokens.PARTNER_A))
                .body("items[0].touchpointId", equalTo(touchpointId));
    }

    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void eachRecordedStepAndEachChangeOfItsDueDateOrDoneStatePublishesNextStepChangedWithoutDescriptionOrOwner() {
        String id = stepDue("publish me", 3);
        as(token).header("If-Match", "\"0\"").body(Map.of("done", true)).patch("/api/touchpoints/next-steps/" + id)
                .then().statusCode(200);
        as(token).header("If-Match", "\"1\"").body(Map.of("description", "renamed")).patch("/api/touchpoints/next-steps/" + id)
                .then().statusCode(200);
        @SuppressWarnings("unchecked")
        List<String> data = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select cast(data as text) from outbox_event where type = ?1 and data->>'nextStepId' = ?2 order by seq")
                .setParameter(1, "dev.trellis.partner.next-step-changed.v1").setParameter(2, id).getResultList());
        Assertions.assertEquals(2, data.size(), "recorded, then done; a new description publishes nothing: " + data);
        Assertions.assertTrue(data.get(0).contains("\"done\":false") && data.get(1).contains("\"done\":true"), data.toString());
        Assertions.assertTrue(data.stream().noneMatch(d -> d.contains("publish me") || d.contains(user)), "no description, no owner");
    }

    @Test
    void aDoneStepLeavesTheOpenListStaysInAllAndCanBeReopened() {
        String id = stepDue("tick me", 3);
        stepDue("still open", 4);
        as(token).header("If-Match", "\"0\"").body(Map.of("done", true)).patch("/api/touchpoints/next-steps/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("done", equalTo(true))
                .body("doneAt", notNullValue()).body("version", equalTo(1));
        Assertions.assertEquals(List.of("still open"), worklist(token, "me", "open"));
        Assertions.assertEquals(List.of("tick me", "still open"), worklist(token, "me", "all"));
        as(token).header("If-Match", "\"1\"").body(Map.of("done", false)).patch("/api/touchpoints/next-steps/" + id)
                .then().statusCode(200).body("done", equalTo(false)).body("doneAt", nullValue());
        Assertions.assertEquals(List.of("tick me", "still open"), worklist(token, "me", "open"));
    }

    @Test
    void staffReadAnotherOwnersWorklistByUsername() {
        stepDue("for the named owner", 2);
        Assertions.assertEquals(List.of("for the named owner"), worklist(TestTokens.foundationStaff(), user, "open"));
        Assertions.assertEquals(List.of("for the named owner"), worklist(TestTokens.communityTeam(), user.toUpperCase(), "all"));
    }

    @Test
    void aStepIsReassignedAndMovedWithTheCurrentETag() {
        String id = stepDue("reassign me", 2);
        String other = "other" + UUID.randomUUID().toString().substring(0, 8);
        as(TestTokens.token(other, List.of("community-team"), null)).get("/api/touchpoints/next-steps").then().statusCode(200);
        as(token).header("If-Match", "\"0\"")
                .body(Map.of("owner", other, "dueOn", TODAY.plusDays(9).toString(), "description", "reassigned"))
                .patch("/api/touchpoints/next-steps/" + id).then().statusCode(200)
                .body("owner", equalTo(other)).body("dueOn", equalTo(TODAY.plusDays(9).toString()));
        Assertions.assertEquals(List.of(), worklist(token, "me", "all"));
        Assertions.assertEquals(List.of("reassigned"), worklist(token, other, "open"));
        as(TestTokens.foundationStaff()).get("/api/touchpoints/next-steps/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""));
    }

    @Test
    void updatingAStepNeedsTheCurrentETag() {
        String id = stepDue("guarded", 2);
        as(token).body(Map.of("done", true)).patch("/api/touchpoints/next-steps/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        as(token).header("If-Match", "\"0\"").body(Map.of("description", "first")).patch("/api/touchpoints/next-steps/" + id)
                .then().statusCode(200);
        as(token).header("If-Match", "\"0\"").body(Map.of("description", "stale")).patch("/api/touchpoints/next-steps/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        as(token).header("If-Match", "*").body(Map.of("done", true)).patch("/api/touchpoints/next-steps/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void invalidStepChangesAreRefusedNamingTheField() {
        String id = stepDue("validated", 2);
        String path = "/api/touchpoints/next-steps/" + id;
        as(token).header("If-Match", "*").body(Map.of("dueOn", TODAY.minusDays(31).toString())).patch(path)
                .then().statusCode(400).body("errors[0].field", equalTo("dueOn"));
        as(token).header("If-Match", "*").body(Map.of("description", "  ")).patch(path)
                .then().statusCode(400).body("errors[0].field", equalTo("description"));
        as(token).header("If-Match", "*").body(Map.of("owner", "not a username")).patch(path)
                .then().statusCode(400).body("errors[0].field", equalTo("owner"));
        as(token).header("If-Match", "*").body(Map.of("done", "perhaps")).patch(path)
                .then().statusCode(400).body("errors[0].field", equalTo("done"));
        // A merge patch: a step's fields cannot be cleared, so null is refused naming the field (not ignored).
        for (String field : List.of("description", "owner", "dueOn", "done")) {
            as(token).header("If-Match", "*").body("{\"" + field + "\": null}").patch(path)
                    .then().statusCode(400).body("errors[0].field", equalTo(field));
        }
        as(token).body(step("too early", user, TODAY.minusDays(31))).post("/api/touchpoints/" + touchpointId + "/next-steps")
                .then().statusCode(400).body("errors[0].field", equalTo("dueOn"));
        // Due on the touchpoint's own date is fine.
        addStep(token, touchpointId, step("same day", user, TODAY.minusDays(30)));
        as(token).queryParam("due", "someday").get("/api/touchpoints/next-steps").then().statusCode(400)
                .body("errors[0].field", equalTo("due"));
        as(token).queryParam("owner", "../etc").get("/api/touchpoints/next-steps").then().statusCode(400)
                .body("errors[0].field", equalTo("owner"));
    }

    @Test
    void theWorklistIsPagedByDueDateThenId() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            stepDue("step " + i, i % 2 == 0 ? 1 : 2);
        }
        List<String> seen = new ArrayList<>();
        List<String> dues = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(token).queryParam("limit", 2).queryParam("due", "all");
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/touchpoints/next-steps").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            dues.addAll(page.getList("items.dueOn", String.class));
            cursor = page.getString("next");
        } while (cursor != null);
        for (int i = 0; i < 3; i++) {
            expected.add(TODAY.plusDays(1).toString());
        }
        expected.add(TODAY.plusDays(2).toString());
        expected.add(TODAY.plusDays(2).toString());
        Assertions.assertEquals(expected, dues);
        Assertions.assertEquals(5, seen.stream().distinct().count());
        Assertions.assertTrue(seen.get(0).compareTo(seen.get(1)) < 0 && seen.get(1).compareTo(seen.get(2)) < 0);
    }

    @Test
    void partnersCannotSeeAnyWorklistOrStep() {
        String id = stepDue("hidden", 1);
        for (String partner : List.of(TestTokens.partnerA(), TestTokens.partnerB())) {
            as(partner).get("/api/touchpoints/next-steps").then().statusCode(403);
            as(partner).queryParam("owner", user).get("/api/touchpoints/next-steps").then().statusCode(403);
            as(partner).get("/api/touchpoints/next-steps/" + id).then().statusCode(403);
        }
        as(TestTokens.foundationStaff()).header("If-Match", "*").body(Map.of("done", true))
                .patch("/api/touchpoints/next-steps/" + id).then().statusCode(403);
    }
}
