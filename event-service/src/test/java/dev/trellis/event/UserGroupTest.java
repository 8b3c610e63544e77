package dev.trellis.event;

import static dev.trellis.event.Fixtures.team;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserGroupTest {

    static UUID group(String name) {
        String id = given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"city\":\"Tampere\",\"country\":\"FI\",\"organiserIds\":[\""
                        + UUID.randomUUID() + "\"]}")
                .post("/api/user-groups").then().statusCode(201).body("health", equalTo("DORMANT")).extract().path("id");
        return UUID.fromString(id);
    }

    @Test
    void healthAndEligibilityFollowTheMeetupsHeld() {
        UUID group = group("Tampere Rust " + UUID.randomUUID());
        Instant now = Instant.now();
        for (int daysAgo : new int[] {10, 90, 200}) {
            UUID meetup = Fixtures.draftEvent(null, now.minus(daysAgo, ChronoUnit.DAYS), group);
            Fixtures.publish(meetup);
        }
        UUID draft = Fixtures.draftEvent(null, now.minus(5, ChronoUnit.DAYS), group);
        UUID cancelled = Fixtures.draftEvent(null, now.minus(3, ChronoUnit.DAYS), group);
        Fixtures.status(cancelled, "CANCELLED");

        given().get("/api/user-groups/{id}", group).then().statusCode(200)
                .body("meetupsHeld", equalTo(3)).body("health", equalTo("ACTIVE")).body("eligible", equalTo(true))
                .body("meetups", hasSize(4)).body("meetups[0].status", equalTo("CANCELLED"));
        given().queryParam("userGroupId", group.toString()).get("/api/events").then().body("items", hasSize(4));
        given().auth().oauth2(team()).queryParam("userGroupId", group.toString()).get("/api/events").then()
                .body("items", hasSize(5)).body("items.id", org.hamcrest.Matchers.hasItem(draft.toString()));
    }

    @Test
    void aGroupWithOnlyOldMeetupsIsDormant() {
        UUID group = group("Oulu JVM " + UUID.randomUUID());
        Fixtures.publishedEvent(null, Instant.now().minus(61, ChronoUnit.DAYS));
        UUID meetup = Fixtures.draftEvent(null, Instant.now().minus(61, ChronoUnit.DAYS), group);
        Fixtures.publish(meetup);
        given().get("/api/user-groups/{id}", group).then().body("health", equalTo("DORMANT"))
                .body("eligible", equalTo(false)).body("meetupsHeld", equalTo(1));
    }

    @Test
    void aGroupIsPatchedWithIfMatchAndListedByName() {
        UUID group = group("AAA " + UUID.randomUUID());
        String etag = given().get("/api/user-groups/{id}", group).then().extract().header("ETag");
        UUID organiser = UUID.randomUUID();
        given().auth().oauth2(team()).contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"city\":\"Espoo\",\"organiserIds\":[\"" + organiser + "\"]}")
                .patch("/api/user-groups/{id}", group).then().statusCode(200)
                .body("city", equalTo("Espoo")).body("organiserIds", equalTo(List.of(organiser.toString())));
        given().auth().oauth2(team()).contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"city\":\"Turku\"}").patch("/api/user-groups/{id}", group).then().statusCode(412);
        given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"name\":\"X\",\"city\":\"Y\",\"country\":\"Finland\"}").post("/api/user-groups")
                .then().statusCode(400).body("errors[0].field", equalTo("country"));
        given().queryParam("limit", 200).get("/api/user-groups").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(group.toString()));
    }
}
