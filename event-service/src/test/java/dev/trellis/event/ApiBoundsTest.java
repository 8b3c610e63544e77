package dev.trellis.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** The OpenAPI document states the limits the service enforces, and they are the database columns' lengths. */
@QuarkusTest
class ApiBoundsTest {

    private static JsonPath document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    private static String event(String zone, int capacity) {
        return "{\"kind\":\"WEBINAR\",\"title\":\"Bounds webinar\",\"startsAt\":\"2027-03-01T17:00:00Z\","
                + "\"endsAt\":\"2027-03-01T18:00:00Z\",\"timeZone\":\"" + zone + "\",\"capacity\":" + capacity + "}";
    }

    @Test
    void theDocumentStatesTheColumnLengthsOfRequests() {
        JsonPath json = document();
        assertEquals(64, (Integer) json.get("components.schemas.EventRequest.properties.timeZone.maxLength"));
        assertEquals(64, (Integer) json.get("components.schemas.EventPatch.properties.timeZone.maxLength"));
        assertEquals(1_000_000, (Integer) json.get("components.schemas.EventRequest.properties.capacity.maximum"));
        assertEquals(40, (Integer) json.get("components.schemas.SponsorshipRequest.properties.level.maxLength"));
        assertEquals(3, (Integer) json.get("components.schemas.SponsorshipRequest.properties.currency.maxLength"));
        assertEquals(2, (Integer) json.get("components.schemas.UserGroupRequest.properties.country.maxLength"));
        // A bulk check-in answers one line per line of a body of at most 256K.
        assertEquals(262144, (Integer) json.get("components.schemas.BulkCheckInResponse.properties.lines.maxItems"));
    }

    @Test
    void aTimeZoneLongerThanItsColumnAndTooManySeatsAreRefused() {
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(event("Europe/Helsinki", 1_000_000)).post("/api/events")
                .then().statusCode(201).body("capacity", equalTo(1_000_000));
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(event("Europe/" + "A".repeat(64 - "Europe/".length() + 1), 1_000_001)).post("/api/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("timeZone")).body("errors.field", hasItem("capacity"));
    }
}
