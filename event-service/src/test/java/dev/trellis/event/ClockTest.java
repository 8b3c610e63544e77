package dev.trellis.event;

import static dev.trellis.event.Fixtures.team;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Registration windows, check-in times and user-group health go by the service's clock, not the machine's. */
@QuarkusTest
class ClockTest {
    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void registrationWindowCheckInAndHealthFollowTheServicesClock() {
        UUID event = Fixtures.publishedEvent(10, Instant.now().plus(1, ChronoUnit.DAYS));
        String registration = Fixtures.registerGuest(event, Fixtures.email())[0];
        UUID group = UserGroupTest.group("Clockwork " + UUID.randomUUID());
        Fixtures.publish(Fixtures.draftEvent(null, Instant.now().minus(10, ChronoUnit.DAYS), group));
        given().get("/api/user-groups/{id}", group).then().body("health", equalTo("ACTIVE"));

        clock.shift(Duration.ofDays(2)); // by the service's clock the event is over
        given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"name\":\"Too Late\",\"email\":\"" + Fixtures.email() + "\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(422)
                .body("type", endsWith("registration-closed"));
        String checkedInAt = given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"registrationId\":\"" + registration + "\"}").post("/api/events/{id}/check-ins", event)
                .then().statusCode(200).extract().path("checkedInAt");
        assertTrue(Instant.parse(checkedInAt).isAfter(Instant.now().plus(47, ChronoUnit.HOURS)),
                "checked in at the service's time: " + checkedInAt);

        clock.shift(Duration.ofDays(60)); // the meetup 10 days ago is 70 days ago
        given().get("/api/user-groups/{id}", group).then().body("health", equalTo("DORMANT"));
    }
}
