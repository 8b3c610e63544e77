package dev.trellis.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventResourceTest {

    private static String event(String title, String startsAt, String endsAt, String zone) {
        return "{\"kind\":\"MEETUP\",\"title\":\"" + title + "\",\"startsAt\":\"" + startsAt + "\",\"endsAt\":\"" + endsAt
                + "\",\"timeZone\":\"" + zone + "\"}";
    }

    @Test
    void draftsAreVisibleToTheCommunityTeamOnly() {
        String title = "Draft meetup " + UUID.randomUUID();
        String location = given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(event(title, "2027-02-01T17:00:00Z", "2027-02-01T20:00:00Z", "Europe/Berlin"))
                .post("/api/events").then().statusCode(201).body("status", equalTo("DRAFT"))
                .extract().header("Location");

        given().auth().oauth2(TestTokens.communityTeam()).get(location).then().statusCode(200).body("title", equalTo(title));
        given().get(location).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partnerA()).get(location).then().statusCode(404);
        given().queryParam("limit", 200).get("/api/events")
                .then().statusCode(200).body("items.status", everyItem(not(equalTo("DRAFT"))))
                .body("items.title", not(hasItem(title)));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("limit", 200).get("/api/events")
                .then().statusCode(200).body("items.title", hasItem(title));
    }

    @Test
    void creatingEventsNeedsTheCommunityTeam() {
        String body = event("Webinar", "2027-02-01T17:00:00Z", "2027-02-01T18:00:00Z", "UTC");
        given().contentType(ContentType.JSON).body(body).post("/api/events")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partnerA()).contentType(ContentType.JSON).body(body).post("/api/events")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void badEventsAreRefusedNamingTheField() {
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(event("Backwards", "2027-02-01T17:00:00Z", "2027-02-01T16:00:00Z", "UTC"))
                .post("/api/events").then().statusCode(400).body("errors[0].field", equalTo("endsAt"));
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(event("Nowhere", "2027-02-01T17:00:00Z", "2027-02-01T18:00:00Z", "Mars/Olympus_Mons"))
                .post("/api/events").then().statusCode(400).body("errors[0].field", equalTo("timeZone"));
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(event("Someday", "next tuesday", "2027-02-01T18:00:00Z", "UTC"))
                .post("/api/events").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("startsAt"));
    }

    @Test
    void aFilterThatDoesNotParseIsA400NamingIt() {
        for (String[] bad : new String[][] {{"status", "ONGOING"}, {"kind", "party"}, {"from", "tomorrow"},
                {"to", "2027-13-01"}, {"userGroupId", "42"}}) {
            given().queryParam(bad[0], bad[1]).get("/api/events")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad[0]));
        }
        given().queryParam("status", "published").queryParam("from", "2020-01-01T00:00:00Z").get("/api/events")
                .then().statusCode(200);
    }
}
