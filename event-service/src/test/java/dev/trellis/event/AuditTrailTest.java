package dev.trellis.event;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Events and registrations (check-in and cancellation included) leave audit entries naming who made each change. */
@QuarkusTest
class AuditTrailTest {

    private static JsonPath trail(String query) {
        return given().auth().oauth2(TestTokens.foundationStaff()).get("/api/audit/event?" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anEventAndARegistrationThroughCheckInAndCancellationAreRecordedWithTheirActor() {
        UUID event = Fixtures.publishedEvent(10, Instant.now().plus(12, ChronoUnit.HOURS));
        JsonPath eventEntries = trail("entityType=event&entityId=" + event);
        assertEquals(List.of("updated", "created"), eventEntries.getList("items.action"));
        assertEquals(List.of("cora", "cora"), eventEntries.getList("items.actor"));
        assertEquals("DRAFT", eventEntries.getString("items[0].changes.status.before"));
        assertEquals("PUBLISHED", eventEntries.getString("items[0].changes.status.after"));

        String email = Fixtures.email();
        String registration = Fixtures.registerGuest(event, email)[0];
        given().auth().oauth2(Fixtures.team()).contentType(ContentType.JSON)
                .body("{\"registrationId\":\"" + registration + "\"}")
                .post("/api/events/{id}/check-ins", event).then().statusCode(200);
        given().auth().oauth2(Fixtures.team()).delete("/api/events/{id}/check-ins/{r}", event, registration)
                .then().statusCode(200);
        given().auth().oauth2(Fixtures.team()).delete("/api/events/{id}/registrations/{r}", event, registration)
                .then().statusCode(200);

        JsonPath entries = trail("entityType=registration&entityId=" + registration);
        assertEquals(List.of("updated", "updated", "updated", "created"), entries.getList("items.action"));
        assertEquals(List.of("cora"), entries.getList("items.actor").stream().distinct().toList());
        Map<String, Object> created = entries.getMap("items[3].changes");
        assertEquals(Map.of("masked", true), created.get("name"));
        assertEquals(Map.of("masked", true), created.get("email"));
        assertEquals(event.toString(), entries.getString("items[3].changes.eventId.after"));
        assertNotNull(entries.get("items[2].changes.checkedInAt.after"), "the check-in");
        assertNull(entries.get("items[1].changes.checkedInAt.after"), "the check-in undone");
        assertEquals("CANCELLED", entries.getString("items[0].changes.status.after"));
        assertFalse(entries.prettify().contains(email));
    }

    @Test
    void onlyStaffReadTheTrail() {
        given().auth().oauth2(TestTokens.partnerA()).get("/api/audit/event").then().statusCode(403);
        given().get("/api/audit/event").then().statusCode(401);
    }
}
