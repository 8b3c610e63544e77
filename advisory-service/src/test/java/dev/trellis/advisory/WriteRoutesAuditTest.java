package dev.trellis.advisory;

import static dev.trellis.platform.testing.audit.WriteRoutes.changesNothing;
import static dev.trellis.platform.testing.audit.WriteRoutes.scenario;
import static io.restassured.RestAssured.given;

import dev.trellis.platform.testing.audit.WriteRoutes;
import dev.trellis.platform.testing.audit.WriteRoutes.Scenario;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every write route of the role matrix that advisory-service serves leaves an audit entry naming its caller. */
@QuarkusTest
class WriteRoutesAuditTest {
    private static final String STAFF = "foundation-staff";
    private static final LocalDate TODAY = LocalDate.now();

    private static UUID seat(UUID board) {
        return Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), null, "ELECTED", null,
                TODAY.minusYears(1), TODAY.plusYears(1)));
    }

    private static UUID meeting(UUID board) {
        LocalDate day = TODAY.minusDays(1);
        return UUID.fromString(given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body("{\"title\":\"Audit " + day + "\",\"startsAt\":\"" + day + "T16:00:00\",\"timeZone\":\"Europe/Berlin\","
                        + "\"durationMinutes\":60}")
                .post("/api/boards/{id}/meetings", board).then().statusCode(201).extract().path("id"));
    }

    @TestFactory
    Stream<DynamicTest> everyWriteRouteLeavesAnEntryByItsCaller() {
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("POST /api/boards", scenario(a -> given().auth().oauth2(a.token(STAFF)).contentType(ContentType.JSON)
                .body("{\"name\":\"Board " + UUID.randomUUID() + "\",\"kind\":\"GOVERNING_BOARD\"}")
                .post("/api/boards").then().statusCode(201)));
        scenarios.put("POST /api/boards/what-if", changesNothing(a -> given().auth().oauth2(a.token(STAFF))
                .contentType(ContentType.JSON).body("{\"changes\":[{\"type\":\"ACQUISITION\",\"acquirerPartnerId\":\""
                        + Fixtures.partner("GOLD", null) + "\",\"acquiredPartnerId\":\"" + Fixtures.partner("GOLD", null) + "\"}]}")
                .post("/api/boards/what-if").then().statusCode(200)));
        scenarios.put("PUT /api/boards/{board}/policy", scenario(a -> given().auth().oauth2(a.token(STAFF))
                .contentType(ContentType.JSON).header("If-Match", "*").body("{\"seats\":[{\"kind\":\"ELECTED\",\"count\":5}]}")
                .put("/api/boards/{id}/policy", Fixtures.board("{}")).then().statusCode(200)));
        scenarios.put("POST /api/boards/{board}/seats", scenario(a -> given().auth().oauth2(a.token(STAFF))
                .contentType(ContentType.JSON).body(Fixtures.appointment(Fixtures.contact(), null, "ELECTED", null,
                        TODAY.minusYears(1), TODAY.plusYears(1)))
                .post("/api/boards/{id}/seats", Fixtures.board(MeetingResourceTest.TOC)).then().statusCode(201)));
        scenarios.put("POST /api/boards/{board}/seats/{none}/vacate", scenario(a -> {
            UUID board = Fixtures.board(MeetingResourceTest.TOC);
            given().auth().oauth2(a.token(STAFF)).contentType(ContentType.JSON).header("If-Match", "*")
                    .body("{\"reason\":\"Resigned\"}").post("/api/boards/{id}/seats/{s}/vacate", board, seat(board))
                    .then().statusCode(200);
        }));
        scenarios.put("POST /api/boards/{board}/meetings", scenario(a -> given().auth().oauth2(a.token(STAFF))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"Kick-off\",\"startsAt\":\"2027-09-15T17:00:00\",\"timeZone\":\"Europe/Berlin\",\"durationMinutes\":60}")
                .post("/api/boards/{id}/meetings", Fixtures.board("{}")).then().statusCode(201)));
        scenarios.put("PUT /api/boards/{board}/meetings/{none}/attendance", scenario(a -> {
            UUID board = Fixtures.board(MeetingResourceTest.TOC);
            UUID seat = seat(board);
            given().auth().oauth2(a.token(STAFF)).contentType(ContentType.JSON)
                    .body("{\"attendance\":[{\"seatId\":\"" + seat + "\",\"presence\":\"PRESENT\"}]}")
                    .put("/api/boards/{id}/meetings/{m}/attendance", board, meeting(board)).then().statusCode(200);
        }));
        scenarios.put("POST /api/boards/{board}/meetings/{none}/resolutions", scenario(a -> {
            UUID board = Fixtures.board(MeetingResourceTest.TOC);
            UUID seat = seat(board);
            UUID meeting = meeting(board);
            given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                    .body("{\"attendance\":[{\"seatId\":\"" + seat + "\",\"presence\":\"PRESENT\"}]}")
                    .put("/api/boards/{id}/meetings/{m}/attendance", board, meeting).then().statusCode(200);
            given().auth().oauth2(a.token(STAFF)).contentType(ContentType.JSON)
                    .body("{\"title\":\"Adopt\",\"votes\":[{\"seatId\":\"" + seat + "\",\"vote\":\"YES\"}]}")
                    .post("/api/boards/{id}/meetings/{m}/resolutions", board, meeting).then().statusCode(201);
        }));
        scenarios.put("POST /api/boards/{board}/meetings/{none}/close", scenario(a -> {
            UUID board = Fixtures.board(MeetingResourceTest.TOC);
            UUID seat = seat(board);
            UUID meeting = meeting(board);
            given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                    .body("{\"attendance\":[{\"seatId\":\"" + seat + "\",\"presence\":\"PRESENT\"}]}")
                    .put("/api/boards/{id}/meetings/{m}/attendance", board, meeting).then().statusCode(200);
            given().auth().oauth2(a.token(STAFF)).contentType(ContentType.JSON).body("{\"minutes\":\"Minutes\"}")
                    .post("/api/boards/{id}/meetings/{m}/close", board, meeting).then().statusCode(200);
        }));
        scenarios.put("DELETE /api/boards/{board}/calendar-feeds/{none}", scenario(a -> {
            UUID board = Fixtures.board("{}");
            String token = a.token("community-team");
            String feed = given().auth().oauth2(token).post("/api/boards/{id}/calendar-feeds", board)
                    .then().statusCode(201).extract().path("id");
            given().auth().oauth2(token).delete("/api/boards/{id}/calendar-feeds/{f}", board, feed).then().statusCode(200);
        }));
        return WriteRoutes.prove("/api/audit/advisory", scenarios, "/api/boards", "/api/board-compositions");
    }
}
