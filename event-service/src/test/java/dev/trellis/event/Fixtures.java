package dev.trellis.event;

import static io.restassured.RestAssured.given;

import dev.trellis.platform.testing.auth.TestTokens;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Events made through the API, as the community team would. */
final class Fixtures {
    private Fixtures() {
    }

    static String team() {
        return TestTokens.communityTeam();
    }

    /** A published event with {@code capacity} seats (null: no limit) starting at {@code startsAt}, lasting 3 hours. */
    static UUID publishedEvent(Integer capacity, Instant startsAt) {
        UUID id = draftEvent(capacity, startsAt, null);
        publish(id);
        return id;
    }

    static UUID publishedEvent(Integer capacity) {
        return publishedEvent(capacity, Instant.now().plus(10, ChronoUnit.DAYS));
    }

    static UUID draftEvent(Integer capacity, Instant startsAt, UUID userGroupId) {
        String body = "{\"kind\":\"MEETUP\",\"title\":\"Meetup " + UUID.randomUUID() + "\",\"startsAt\":\""
                + startsAt.truncatedTo(ChronoUnit.SECONDS) + "\",\"endsAt\":\""
                + startsAt.plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                + "\",\"timeZone\":\"Europe/Helsinki\",\"venue\":\"Maria 01\""
                + (capacity == null ? "" : ",\"capacity\":" + capacity)
                + (userGroupId == null ? "" : ",\"userGroupId\":\"" + userGroupId + "\"") + "}";
        String id = given().auth().oauth2(team()).contentType(ContentType.JSON).body(body).post("/api/events")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    static void publish(UUID event) {
        status(event, "PUBLISHED");
    }

    static void status(UUID event, String status) {
        given().auth().oauth2(team()).contentType(ContentType.JSON).header("If-Match", "*")
                .body("{\"status\":\"" + status + "\"}").post("/api/events/{id}/status-changes", event)
                .then().statusCode(200);
    }

    /** Registers a guest as the community team; returns the response's registration id and status. */
    static String[] registerGuest(UUID event, String email) {
        var response = given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"name\":\"Guest " + email + "\",\"email\":\"" + email + "\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(201).extract();
        return new String[] {response.path("id"), response.path("status")};
    }

    static String email() {
        return "guest-" + UUID.randomUUID() + "@example.org";
    }
}
