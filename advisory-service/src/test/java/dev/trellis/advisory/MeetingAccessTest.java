package dev.trellis.advisory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A partner whose organisation holds a seat on a board reads that board's meetings, and no other board's. */
@QuarkusTest
class MeetingAccessTest {
    static final LocalDate TODAY = LocalDate.now();

    @Test
    void aPartnerHoldingASeatReadsTheBoardsMeetingsAndAnotherPartnerDoesNot() {
        UUID board = Fixtures.board("{}");
        UUID partnerA = Fixtures.partner(UUID.fromString(TestTokens.PARTNER_A), "PLATINUM", null);
        Fixtures.appoint(board, Fixtures.appointment(Fixtures.employee(partnerA), partnerA, "ELECTED", null, TODAY.minusMonths(1), null));
        UUID meeting = meeting(board);

        given().auth().oauth2(TestTokens.partnerA()).get("/api/boards/{id}/meetings", board)
                .then().statusCode(200).body("items.id", contains(meeting.toString()));
        given().auth().oauth2(TestTokens.partnerA()).get("/api/boards/{id}/meetings/{m}", board, meeting)
                .then().statusCode(200).body("title", equalTo("Quarterly"));

        given().auth().oauth2(TestTokens.partnerB()).get("/api/boards/{id}/meetings", board)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partnerB()).get("/api/boards/{id}/meetings/{m}", board, meeting)
                .then().statusCode(404);
    }

    @Test
    void aSeatWhoseTermHasEndedOpensNoMeetings() {
        UUID board = Fixtures.board("{}");
        UUID partnerA = Fixtures.partner(UUID.fromString(TestTokens.PARTNER_A), "PLATINUM", null);
        Fixtures.appoint(board, Fixtures.appointment(Fixtures.employee(partnerA), partnerA, "ELECTED", null, TODAY.minusYears(2),
                TODAY.minusYears(1)));
        UUID meeting = meeting(board);
        given().auth().oauth2(TestTokens.partnerA()).get("/api/boards/{id}/meetings", board).then().statusCode(404);
        given().auth().oauth2(TestTokens.partnerA()).get("/api/boards/{id}/meetings/{m}", board, meeting).then().statusCode(404);
    }

    private static UUID meeting(UUID board) {
        return UUID.fromString(given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body("{\"title\":\"Quarterly\",\"startsAt\":\"" + TODAY.plusMonths(1) + "T17:00:00\",\"timeZone\":\"UTC\",\"durationMinutes\":60}")
                .post("/api/boards/{id}/meetings", board).then().statusCode(201).extract().path("id"));
    }
}
