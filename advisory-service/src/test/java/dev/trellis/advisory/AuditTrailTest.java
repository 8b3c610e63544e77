package dev.trellis.advisory;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Boards, policies, seats and overrides leave audit entries naming who made each change. */
@QuarkusTest
class AuditTrailTest {
    static final LocalDate START = LocalDate.now().withDayOfMonth(1);

    private static JsonPath trail(String query) {
        return given().auth().oauth2(TestTokens.communityTeam()).get("/api/audit/advisory?" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aBoardItsPolicyASeatItsOverrideAndItsVacancyAreEachRecordedWithTheirActor() {
        UUID board = Fixtures.board(SeatResourceTest.GOVERNING);
        JsonPath boardEntries = trail("entityType=board&entityId=" + board);
        assertEquals(List.of("updated", "created"), boardEntries.getList("items.action"));
        assertEquals(List.of("felix", "felix"), boardEntries.getList("items.actor"));
        assertNotNull(boardEntries.get("items[0].changes.policy.after"), "the policy before and after");

        UUID parent = Fixtures.partner("PLATINUM", null);
        UUID subsidiary = Fixtures.partner("PLATINUM", parent);
        Fixtures.appoint(board, Fixtures.appointment(Fixtures.employee(parent), parent, "TIER_APPOINTED", "PLATINUM", START, null));
        String body = Fixtures.appointment(Fixtures.employee(subsidiary), subsidiary, "TIER_APPOINTED", "PLATINUM", START, null);
        UUID seat = Fixtures.appoint(board, body.substring(0, body.length() - 1)
                + ",\"override\":{\"rules\":[\"company-group-cap\"],\"reason\":\"Transitional seat after the merger\"}}");

        JsonPath seatEntries = trail("entityType=seat&entityId=" + seat);
        assertEquals("created", seatEntries.getString("items[0].action"));
        assertEquals("felix", seatEntries.getString("items[0].actor"));
        assertEquals(subsidiary.toString(), seatEntries.getString("items[0].changes.partnerId.after"));
        assertEquals("TIER_APPOINTED", seatEntries.getString("items[0].changes.kind.after"));

        JsonPath overrides = trail("entityType=policy-override&actor=felix");
        Map<String, Object> override = overrides.getMap("items.find { it.changes.seatId.after == '" + seat + "' }");
        assertNotNull(override, "the override's entry");
        @SuppressWarnings("unchecked")
        Map<String, Object> changes = (Map<String, Object>) override.get("changes");
        assertEquals(Map.of("masked", true), changes.get("reason"), "the free-text reason is masked");
        assertFalse(overrides.prettify().contains("merger"));

        String etag = given().auth().oauth2(TestTokens.foundationStaff()).get("/api/boards/{id}/seats/{s}", board, seat)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"reason\":\"Resigned\"}").post("/api/boards/{id}/seats/{s}/vacate", board, seat)
                .then().statusCode(200);
        JsonPath vacated = trail("entityType=seat&entityId=" + seat);
        assertEquals("updated", vacated.getString("items[0].action"));
        assertEquals(LocalDate.now().toString(), vacated.getString("items[0].changes.vacatedOn.after"));
    }

    @Test
    void readModelsFedByEventsAreNotAuditedAndOnlyStaffReadTheTrail() {
        UUID partner = Fixtures.partner("GOLD", null);
        assertTrue(trail("entityId=" + partner).getList("items").isEmpty());
        given().auth().oauth2(TestTokens.partnerA()).get("/api/audit/advisory").then().statusCode(403);
        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/audit/advisory").then().statusCode(200);
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/audit/partner").then().statusCode(404);
    }
}
