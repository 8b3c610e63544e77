package dev.trellis.advisory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Private calendar feeds: a secret address per user and board, readable without a token, showing what its owner may
 * see, and revocable for good.
 */
@QuarkusTest
class CalendarFeedTest {
    static final LocalDate TODAY = LocalDate.now();

    @Test
    void aFeedAddressServesTheBoardsMeetingsWithoutATokenUntilItIsRevoked() {
        UUID board = Fixtures.board("{}");
        meeting(board, "Quarterly review");
        JsonPath feed = create(board, TestTokens.communityTeam());
        String path = URI.create(feed.getString("feedUrl")).getPath();
        assertTrue(path.startsWith("/api/boards/calendar-feeds/") && path.endsWith(".ics"), path);

        given().get(path).then().statusCode(200).contentType(startsWith("text/calendar"))
                .header("Cache-Control", containsString("no-store"))
                .body(containsString("BEGIN:VCALENDAR")).body(containsString("SUMMARY:Quarterly review"));

        // The secret is shown once: reading the feed back shows no address.
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/calendar-feeds/{f}", board, feed.getString("id"))
                .then().statusCode(200).body("feedUrl", nullValue()).body("lastFetchedAt", notNullValue());

        given().auth().oauth2(TestTokens.communityTeam()).delete("/api/boards/{id}/calendar-feeds/{f}", board, feed.getString("id"))
                .then().statusCode(200).body("revokedAt", notNullValue());
        given().get(path).then().statusCode(404).contentType("application/problem+json").body(not(containsString("revoked")));
        given().auth().oauth2(TestTokens.communityTeam()).delete("/api/boards/{id}/calendar-feeds/{f}", board, feed.getString("id"))
                .then().statusCode(409).body("type", containsString("feed-revoked"));
    }

    @Test
    void aGuessedOrMangledSecretIsA404() {
        given().get("/api/boards/calendar-feeds/{s}.ics", "not-a-secret").then().statusCode(404);
        given().get("/api/boards/calendar-feeds/{s}.ics", "x".repeat(500)).then().statusCode(404);
    }

    @Test
    void aPartnerWithASeatGetsAFeedThatEndsWhenTheSeatDoes() {
        UUID board = Fixtures.board("{}");
        meeting(board, "Members' meeting");
        UUID partnerA = Fixtures.partner(UUID.fromString(TestTokens.PARTNER_A), "PLATINUM", null);
        UUID seat = Fixtures.appoint(board, Fixtures.appointment(Fixtures.employee(partnerA), partnerA, "ELECTED", null,
                TODAY.minusMonths(1), null));

        // With a token too: a seated partner reads the board's calendar; another partner learns nothing.
        given().auth().oauth2(TestTokens.partnerA()).get("/api/boards/{id}/calendar.ics", board)
                .then().statusCode(200).body(containsString("SUMMARY:Members' meeting"));
        given().auth().oauth2(TestTokens.partnerB()).get("/api/boards/{id}/calendar.ics", board).then().statusCode(404);
        given().auth().oauth2(TestTokens.partnerB()).post("/api/boards/{id}/calendar-feeds", board).then().statusCode(404);

        JsonPath feed = create(board, TestTokens.partnerA());
        String path = URI.create(feed.getString("feedUrl")).getPath();
        given().get(path).then().statusCode(200).body(containsString("SUMMARY:Members' meeting"));

        // Only its owner and foundation staff see or revoke it.
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/calendar-feeds/{f}", board, feed.getString("id"))
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/boards/{id}/calendar-feeds", board)
                .then().statusCode(200).body("items.id", hasItem(feed.getString("id")));
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/calendar-feeds", board)
                .then().statusCode(200).body("items.owner", everyItem(not(equalTo(feed.getString("owner")))));

        String etag = given().auth().oauth2(TestTokens.foundationStaff()).get("/api/boards/{id}/seats/{s}", board, seat)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"reason\":\"Resigned\"}").post("/api/boards/{id}/seats/{s}/vacate", board, seat).then().statusCode(200);
        given().get(path).then().statusCode(404);
    }

    private static JsonPath create(UUID board, String token) {
        return given().auth().oauth2(token).post("/api/boards/{id}/calendar-feeds", board)
                .then().statusCode(201).header("Location", containsString("/api/boards/" + board + "/calendar-feeds/"))
                .header("Cache-Control", containsString("no-store")).body("feedUrl", notNullValue())
                .extract().jsonPath();
    }

    private static void meeting(UUID board, String title) {
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body("{\"title\":\"" + title + "\",\"startsAt\":\"" + TODAY.plusMonths(1) + "T17:00:00\",\"timeZone\":\"UTC\",\"durationMinutes\":60}")
                .post("/api/boards/{id}/meetings", board).then().statusCode(201);
    }
}
