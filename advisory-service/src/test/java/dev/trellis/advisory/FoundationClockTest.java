package dev.trellis.advisory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Today" is the injected clock's day, never the JVM's: reports, compositions and vacancies follow it. */
@QuarkusTest
class FoundationClockTest {
    static final LocalDate TERM_START = LocalDate.of(2031, 1, 1);

    @Inject
    TestClock clock;

    @AfterEach
    void systemClockAgain() {
        clock.reset();
    }

    @Test
    void theComplianceReportIsForTheClocksToday() {
        UUID board = Fixtures.board("{}");
        clock.set(Instant.parse("2031-03-10T23:30:00Z"));
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/compliance", board)
                .then().statusCode(200).body("asOf", equalTo("2031-03-10"));
    }

    @Test
    void theCompositionCountsTheSeatsHeldOnTheClocksToday() {
        UUID board = Fixtures.board("{}");
        UUID partner = Fixtures.partner("GOLD", null);
        Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), partner, "ELECTED", null, TERM_START, TERM_START.plusYears(1)));

        clock.set(Instant.parse("2030-12-31T12:00:00Z"));
        given().auth().oauth2(TestTokens.partnerB()).get("/api/boards/{id}/composition", board)
                .then().statusCode(200).body("companies", empty());
        clock.set(Instant.parse("2031-01-01T00:00:00Z"));
        given().auth().oauth2(TestTokens.partnerB()).get("/api/boards/{id}/composition", board)
                .then().statusCode(200).body("companies.partnerId", contains(partner.toString()));
    }

    @Test
    void aSeatVacatedWithoutADateIsVacantFromTheClocksToday() {
        UUID board = Fixtures.board("{}");
        UUID seat = Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), null, "ELECTED", null, TERM_START, null));
        String etag = given().auth().oauth2(TestTokens.foundationStaff()).get("/api/boards/{id}/seats/{seat}", board, seat)
                .then().statusCode(200).extract().header("ETag");
        clock.set(Instant.parse("2031-06-15T08:00:00Z"));
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).header("If-Match", etag).body("{}")
                .post("/api/boards/{id}/seats/{seat}/vacate", board, seat)
                .then().statusCode(200).body("vacatedOn", equalTo("2031-06-15"));
    }
}
