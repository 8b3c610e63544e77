package dev.trellis.event;

import static dev.trellis.event.Fixtures.team;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CheckInTest {
    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void checkInNineDaysBeforeTheEventIsRefusedOneAtATimeAndInBulk() {
        UUID event = Fixtures.publishedEvent(10, Instant.now().plus(9, ChronoUnit.DAYS));
        String ada = Fixtures.email();
        String adaId = Fixtures.registerGuest(event, ada)[0];

        given().auth().oauth2(team()).contentType(ContentType.JSON).body("{\"registrationId\":\"" + adaId + "\"}")
                .post("/api/events/{id}/check-ins", event).then().statusCode(422)
                .contentType("application/problem+json").body("type", endsWith("/check-in-not-open"))
                .body("rules[0].rule", equalTo("check-in-not-open"));
        given().auth().oauth2(team()).contentType("text/csv").body("email\n" + ada + "\nnobody@example.org\n")
                .post("/api/events/{id}/check-ins", event).then().statusCode(200)
                .body("lines.outcome", equalTo(List.of("NOT_OPEN", "UNKNOWN")))
                .body("lines[0].registrationId", equalTo(adaId))
                .body("checkedIn", equalTo(0)).body("notOpen", equalTo(1));
        given().auth().oauth2(team()).get("/api/events/{e}/registrations/{r}", event, adaId).then()
                .body("status", equalTo("REGISTERED")).body("checkedInAt", nullValue());
    }

    @Test
    void checkInOpensADayBeforeTheStartByTheServicesClock() {
        UUID event = Fixtures.publishedEvent(10, Instant.now().plus(9, ChronoUnit.DAYS));
        String ada = Fixtures.email();
        String adaId = Fixtures.registerGuest(event, ada)[0];
        String benId = Fixtures.registerGuest(event, Fixtures.email())[0];

        clock.shift(Duration.ofDays(8).minusHours(1)); // 25 hours before the start: not yet
        given().auth().oauth2(team()).contentType(ContentType.JSON).body("{\"registrationId\":\"" + adaId + "\"}")
                .post("/api/events/{id}/check-ins", event).then().statusCode(422);
        clock.shift(Duration.ofDays(8).plusHours(1)); // 23 hours before the start
        given().auth().oauth2(team()).contentType(ContentType.JSON).body("{\"registrationId\":\"" + benId + "\"}")
                .post("/api/events/{id}/check-ins", event).then().statusCode(200).body("status", equalTo("ATTENDED"));
        given().auth().oauth2(team()).contentType("text/csv").body(ada + "\n")
                .post("/api/events/{id}/check-ins", event).then().statusCode(200)
                .body("lines.outcome", equalTo(List.of("CHECKED_IN")));
    }

    @Test
    void bulkCheckInReportsEachLineAndCompletingTurnsTheRestIntoNoShows() {
        UUID event = Fixtures.publishedEvent(3, Instant.now().minus(1, ChronoUnit.HOURS));
        String ada = Fixtures.email();
        String ben = Fixtures.email();
        String cleo = Fixtures.email();
        String dan = Fixtures.email();
        String adaId = Fixtures.registerGuest(event, ada)[0];
        String benId = Fixtures.registerGuest(event, ben)[0];
        String cleoId = Fixtures.registerGuest(event, cleo)[0];
        String danId = Fixtures.registerGuest(event, dan)[0]; // waitlisted

        given().auth().oauth2(team()).contentType(ContentType.JSON).body("{\"registrationId\":\"" + adaId + "\"}")
                .post("/api/events/{id}/check-ins", event).then().statusCode(200)
                .body("status", equalTo("ATTENDED")).body("checkedInAt", notNullValue());

        String csv = "email\r\n\"" + ada.toUpperCase() + "\",Ada\r\n" + ben + "\r\n\r\nnobody@example.org\r\n" + dan
                + "\r\nnot-an-email\r\n" + ben + "\r\n";
        given().auth().oauth2(team()).contentType("text/csv").body(csv).post("/api/events/{id}/check-ins", event)
                .then().statusCode(200)
                .body("lines.outcome", equalTo(List.of("ALREADY", "CHECKED_IN", "UNKNOWN", "WAITLISTED", "INVALID", "ALREADY")))
                .body("lines.line", equalTo(List.of(2, 3, 5, 6, 7, 8)))
                .body("checkedIn", equalTo(1)).body("already", equalTo(2)).body("unknown", equalTo(1));

        // Undo Ben's check-in, then complete: Ben and Cleo never came.
        given().auth().oauth2(team()).delete("/api/events/{id}/check-ins/{r}", event, benId).then().statusCode(200)
                .body("status", equalTo("REGISTERED"));
        given().auth().oauth2(team()).delete("/api/events/{id}/check-ins/{r}", event, benId).then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("not-checked-in"));
        Fixtures.status(event, "COMPLETED");

        given().auth().oauth2(team()).get("/api/events/{e}/registrations/{r}", event, adaId).then().body("status", equalTo("ATTENDED"));
        given().auth().oauth2(team()).get("/api/events/{e}/registrations/{r}", event, benId).then().body("status", equalTo("NO_SHOW"));
        given().auth().oauth2(team()).get("/api/events/{e}/registrations/{r}", event, cleoId).then().body("status", equalTo("NO_SHOW"));
        given().auth().oauth2(team()).get("/api/events/{e}/registrations/{r}", event, danId).then().body("status", equalTo("WAITLISTED"));
        given().auth().oauth2(team()).contentType(ContentType.JSON).body("{\"registrationId\":\"" + cleoId + "\"}")
                .post("/api/events/{id}/check-ins", event).then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("check-in-closed"));
    }

    @Test
    void checkingInTwiceIsAConflictAndOnlyTheCommunityTeamChecksIn() {
        UUID event = Fixtures.publishedEvent(5, Instant.now().plus(1, ChronoUnit.HOURS));
        String id = Fixtures.registerGuest(event, Fixtures.email())[0];
        given().auth().oauth2(TestTokens.partnerA()).contentType(ContentType.JSON).body("{\"registrationId\":\"" + id + "\"}")
                .post("/api/events/{id}/check-ins", event).then().statusCode(403);
        given().auth().oauth2(team()).contentType(ContentType.JSON).body("{\"registrationId\":\"" + id + "\"}")
                .post("/api/events/{id}/check-ins", event).then().statusCode(200);
        given().auth().oauth2(team()).contentType(ContentType.JSON).body("{\"registrationId\":\"" + id + "\"}")
                .post("/api/events/{id}/check-ins", event).then().statusCode(409);
        given().auth().oauth2(team()).contentType(ContentType.JSON).body("{\"registrationId\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/events/{id}/check-ins", event).then().statusCode(404);
    }
}
