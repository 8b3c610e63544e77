package dev.trellis.event;

import static dev.trellis.event.Fixtures.team;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventLifecycleTest {

    @Test
    void aDraftIsPatchedWithIfMatchThenPublishedAndCompleted() {
        UUID id = Fixtures.draftEvent(40, Instant.now().plus(5, ChronoUnit.DAYS), null);
        String etag = given().auth().oauth2(team()).get("/api/events/{id}", id).then().statusCode(200)
                .extract().header("ETag");

        given().auth().oauth2(team()).contentType("application/merge-patch+json")
                .body("{\"capacity\":60}").patch("/api/events/{id}", id).then().statusCode(428);
        given().auth().oauth2(team()).contentType("application/merge-patch+json").header("If-Match", "\"999\"")
                .body("{\"capacity\":60}").patch("/api/events/{id}", id).then().statusCode(412);
        given().auth().oauth2(team()).contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"capacity\":60,\"description\":\"Talks\",\"onlineUrl\":\"https://meet.example.org/x\"}")
                .patch("/api/events/{id}", id).then().statusCode(200)
                .body("capacity", equalTo(60)).body("description", equalTo("Talks")).body("venue", equalTo("Maria 01"))
                .header("ETag", not(equalTo(etag)));
        given().auth().oauth2(team()).contentType("application/merge-patch+json").header("If-Match", "*")
                .body("{\"capacty\":60}").patch("/api/events/{id}", id).then().statusCode(400)
                .body("errors[0].field", equalTo("capacty"));
        given().auth().oauth2(team()).contentType("application/merge-patch+json").header("If-Match", "*")
                .body("{\"onlineUrl\":\"http://127.0.0.1/admin\"}").patch("/api/events/{id}", id).then().statusCode(400)
                .body("errors[0].field", equalTo("onlineUrl"));

        Fixtures.publish(id);
        given().get("/api/events/{id}", id).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        // An event that has not started cannot be completed (a rule: 422); a published one cannot go back to
        // draft, nor a cancelled one be published (its status does not allow it: 409).
        given().auth().oauth2(team()).contentType(ContentType.JSON).header("If-Match", "*")
                .body("{\"status\":\"COMPLETED\"}").post("/api/events/{id}/status-changes", id)
                .then().statusCode(422).contentType("application/problem+json").body("type", notNullValue())
                .body("type", org.hamcrest.Matchers.endsWith("event-not-started"));
        given().auth().oauth2(team()).contentType(ContentType.JSON).header("If-Match", "*")
                .body("{\"status\":\"DRAFT\"}").post("/api/events/{id}/status-changes", id).then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("status-transition"));
        Fixtures.status(id, "CANCELLED");
        given().auth().oauth2(team()).contentType(ContentType.JSON).header("If-Match", "*")
                .body("{\"status\":\"PUBLISHED\"}").post("/api/events/{id}/status-changes", id).then().statusCode(409)
                .body("rules[0].rule", equalTo("status-transition"));
    }

    @Test
    void anEventWithoutVenueOrLinkCannotBePublished() {
        String id = given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"kind\":\"WEBINAR\",\"title\":\"Nowhere\",\"startsAt\":\"2027-05-01T10:00:00Z\","
                        + "\"endsAt\":\"2027-05-01T11:00:00Z\",\"timeZone\":\"UTC\"}")
                .post("/api/events").then().statusCode(201).extract().path("id");
        given().auth().oauth2(team()).contentType(ContentType.JSON).header("If-Match", "*")
                .body("{\"status\":\"PUBLISHED\"}").post("/api/events/{id}/status-changes", id)
                .then().statusCode(422).body("type", org.hamcrest.Matchers.endsWith("event-without-place"));
    }

    @Test
    void theListFiltersByStatusKindTimeAndUserGroupAndPagesByCursor() {
        Instant base = Instant.parse("2031-03-01T10:00:00Z").plus((long) (Math.random() * 10_000), ChronoUnit.DAYS);
        UUID first = Fixtures.publishedEvent(null, base);
        UUID second = Fixtures.publishedEvent(null, base.plus(1, ChronoUnit.HOURS));
        UUID draft = Fixtures.draftEvent(null, base.plus(2, ChronoUnit.HOURS), null);
        String from = base.toString();
        String to = base.plus(1, ChronoUnit.DAYS).toString();

        given().queryParam("from", from).queryParam("to", to).get("/api/events").then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of(first.toString(), second.toString())));
        given().auth().oauth2(team()).queryParam("from", from).queryParam("to", to).queryParam("status", "DRAFT")
                .get("/api/events").then().statusCode(200).body("items.id", equalTo(java.util.List.of(draft.toString())));
        given().queryParam("from", from).queryParam("to", to).queryParam("kind", "CONFERENCE")
                .get("/api/events").then().statusCode(200).body("items", hasSize(0));

        String next = given().queryParam("from", from).queryParam("to", to).queryParam("limit", 1)
                .get("/api/events").then().statusCode(200).body("items.id", equalTo(java.util.List.of(first.toString())))
                .header("Link", org.hamcrest.Matchers.containsString("rel=\"next\"")).extract().path("next");
        given().queryParam("from", from).queryParam("to", to).queryParam("limit", 1).queryParam("cursor", next)
                .get("/api/events").then().statusCode(200).body("items.id", equalTo(java.util.List.of(second.toString())));
        given().queryParam("status", "NOPE").get("/api/events").then().statusCode(400);
        given().queryParam("userGroupId", UUID.randomUUID()).get("/api/events").then().statusCode(200)
                .body("items", hasSize(0)).body("items.status", everyItem(not(equalTo("DRAFT"))));
        given().queryParam("limit", 200).get("/api/events").then().body("items.id", not(hasItem(draft.toString())));
    }
}
