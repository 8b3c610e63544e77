package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every change of partner-service's records leaves an audit entry naming who made it; staff read them. */
@QuarkusTest
class AuditTrailTest {

    private static JsonPath trail(String token, String query) {
        return given().auth().oauth2(token).get("/api/audit/partner?" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static String newPartner(String name) {
        return given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "emailDomains", List.of(UUID.randomUUID().toString().substring(0, 8) + ".example")))
                .post("/api/partners").then().statusCode(201).extract().path("id");
    }

    @Test
    void creatingAndChangingAPartnerRecordsTheActorAndEachFieldBeforeAndAfter() {
        String name = "Audit " + UUID.randomUUID();
        String id = newPartner(name);
        String etag = given().auth().oauth2(TestTokens.communityTeam()).get("/api/partners/" + id)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(TestTokens.communityTeam()).contentType("application/merge-patch+json")
                .header("If-Match", etag).body(Map.of("country", "DE", "emailDomains", List.of("audit-" + id.substring(0, 8) + ".example")))
                .patch("/api/partners/" + id).then().statusCode(200);

        JsonPath entries = trail(TestTokens.foundationStaff(), "entityType=partner&entityId=" + id);
        assertEquals(List.of("updated", "created"), entries.getList("items.action"), "newest first");
        assertEquals(List.of("cora", "cora"), entries.getList("items.actor"));
        assertEquals(List.of("user", "user"), entries.getList("items.actorKind"));
        assertEquals(name, entries.getString("items[1].changes.name.after"));
        assertNull(entries.get("items[1].changes.name.before"));
        assertNotNull(entries.get("items[1].changes.emailDomains.after[0]"), "the element collection on create");
        assertNull(entries.get("items[0].changes.country.before"));
        assertEquals("DE", entries.getString("items[0].changes.country.after"));
        assertEquals(List.of("audit-" + id.substring(0, 8) + ".example"), entries.getList("items[0].changes.emailDomains.after"));
        assertFalse(entries.getMap("items[0].changes").containsKey("version"), "technical fields are left out");
        assertNotNull(entries.get("items[0].requestId"));
    }

    @Test
    void personalDataIsRecordedAsChangedWithoutItsValues() {
        String email = "audit." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String id = given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Ada", "lastName", "Lovelace", "email", email, "phone", "+44 20 7946 0000"))
                .post("/api/contacts").then().statusCode(201).extract().path("id");

        JsonPath entries = trail(TestTokens.communityTeam(), "entityType=contact&entityId=" + id);
        assertEquals("created", entries.getString("items[0].action"));
        Map<String, Object> changes = entries.getMap("items[0].changes");
        for (String field : List.of("firstName", "lastName", "email", "phone")) {
            assertEquals(Map.of("masked", true), changes.get(field), field);
        }
        String raw = given().auth().oauth2(TestTokens.communityTeam()).get("/api/audit/partner?entityId=" + id)
                .then().statusCode(200).extract().asString();
        assertFalse(raw.contains("Lovelace") || raw.contains(email) || raw.contains("7946"), raw);
    }

    @Test
    void aRefusedWriteRecordsNothing() {
        String id = newPartner("Audit refused " + UUID.randomUUID());
        given().auth().oauth2(TestTokens.communityTeam()).contentType("application/merge-patch+json")
                .header("If-Match", "\"999\"").body(Map.of("country", "FR"))
                .patch("/api/partners/" + id).then().statusCode(412);
        assertEquals(List.of("created"), trail(TestTokens.communityTeam(), "entityType=partner&entityId=" + id)
                .getList("items.action"));
    }

    @Test
    void theTrailFiltersByActorAndTimeAndPages() {
        Instant before = Instant.now();
        String felix = given().auth().oauth2(TestTokens.token("audit-felix", List.of("community-team"), null))
                .contentType(ContentType.JSON).body(Map.of("name", "Audit by actor " + UUID.randomUUID()))
                .post("/api/partners").then().statusCode(201).extract().path("id");
        newPartner("Audit other " + UUID.randomUUID());

        JsonPath mine = trail(TestTokens.communityTeam(), "actor=audit-felix&from=" + before);
        assertTrue(mine.getList("items.entityId").contains(felix));
        assertEquals(List.of("audit-felix"), mine.getList("items.actor").stream().distinct().toList());
        assertTrue(trail(TestTokens.communityTeam(), "actor=audit-felix&to=" + before).getList("items.entityId")
                .stream().noneMatch(felix::equals));

        JsonPath first = trail(TestTokens.communityTeam(), "limit=1&from=" + before);
        assertEquals(1, first.getList("items").size());
        String next = first.getString("next");
        assertNotNull(next);
        JsonPath second = trail(TestTokens.communityTeam(), "limit=1&from=" + before + "&cursor=" + next);
        assertFalse(first.getString("items[0].id").equals(second.getString("items[0].id")));
    }

    @Test
    void onlyStaffReadTheTrail() {
        given().auth().oauth2(TestTokens.partnerA()).get("/api/audit/partner").then().statusCode(403);
        given().get("/api/audit/partner").then().statusCode(401);
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/audit/event").then().statusCode(404);
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/audit/partner?limit=500").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/audit/partner?from=yesterday").then().statusCode(400);
    }
}
