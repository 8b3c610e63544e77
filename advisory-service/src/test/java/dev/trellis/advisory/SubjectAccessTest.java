package dev.trellis.advisory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** advisory-service's part of a subject-access export: the person's seats, their attendance, the audit about both. */
@QuarkusTest
class SubjectAccessTest {
    static final LocalDate TODAY = LocalDate.now();
    static final String PATH = "/api/privacy/advisory/subjects";
    static final String TOC = """
            {"seats":[{"kind":"ELECTED","count":11}],"quorum":{"numerator":2,"denominator":3}}""";

    @Test
    void staffGetTheSeatsHeldOrStoodInForAndTheirAttendance() {
        UUID board = Fixtures.board(TOC);
        UUID nora = Fixtures.contact();
        UUID held = Fixtures.appoint(board, Fixtures.appointment(nora, null, "ELECTED", null, TODAY.minusYears(1), TODAY.plusYears(1)));
        UUID alternateOf = Fixtures.appoint(board, SeatHolderContactsTest.withAlternate(
                Fixtures.appointment(Fixtures.contact(), null, "ELECTED", null, TODAY.minusYears(1), TODAY.plusYears(1)), nora));
        UUID notHers = Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), null, "ELECTED", null,
                TODAY.minusYears(1), TODAY.plusYears(1)));
        UUID meeting = UUID.fromString(given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body("{\"title\":\"Subject access meeting\",\"startsAt\":\"" + TODAY.minusDays(1)
                        + "T10:00:00\",\"timeZone\":\"UTC\",\"durationMinutes\":60}")
                .post("/api/boards/{id}/meetings", board).then().statusCode(201).extract().path("id"));
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body("{\"attendance\":[{\"seatId\":\"" + held + "\",\"presence\":\"PRESENT\"},{\"seatId\":\"" + alternateOf
                        + "\",\"presence\":\"ABSENT\"},{\"seatId\":\"" + notHers + "\",\"presence\":\"PRESENT\"}]}")
                .put("/api/boards/{id}/meetings/{m}/attendance", board, meeting).then().statusCode(200);

        given().auth().oauth2(TestTokens.foundationStaff()).queryParam("contactId", nora.toString()).get(PATH)
                .then().statusCode(200)
                .body("service", equalTo("advisory-service")).body("found", equalTo(true))
                .body("seats.id", containsInAnyOrder(held.toString(), alternateOf.toString()))
                .body("seats.find { it.id == '" + held + "' }.as", equalTo("holder"))
                .body("seats.find { it.id == '" + alternateOf + "' }.as", equalTo("alternate"))
                .body("seats[0].boardId", equalTo(board.toString()))
                .body("attendance.seatId", containsInAnyOrder(held.toString(), alternateOf.toString()))
                .body("attendance.meetingTitle", hasItem("Subject access meeting"))
                .body("attendance.find { it.seatId == '" + held + "' }.presence", equalTo("PRESENT"))
                .body("attendance.seatId", not(hasItem(notHers.toString())))
                .body("auditEntries.entityType", hasItem("seat"))
                .body("auditEntries.entityType", hasItem("meeting-attendance"))
                .body("auditEntries.entityId", hasItem(held.toString()))
                .body("auditEntries.entityId", not(hasItem(notHers.toString())));
    }

    @Test
    void somebodyWithoutASeatIsAnEmptyAnswer() {
        given().auth().oauth2(TestTokens.foundationStaff()).queryParam("contactId", UUID.randomUUID().toString()).get(PATH)
                .then().statusCode(200).body("found", equalTo(false)).body("seats", empty()).body("auditEntries", empty());
        given().auth().oauth2(TestTokens.foundationStaff()).queryParam("email", "guest@example.org").get(PATH)
                .then().statusCode(200).body("found", equalTo(false));
        given().auth().oauth2(TestTokens.foundationStaff()).get(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("contactId"));
    }

    @Test
    void onlyFoundationStaffMayAsk() {
        for (String token : List.of(TestTokens.partnerA(), TestTokens.partnerB(), TestTokens.communityTeam())) {
            given().auth().oauth2(token).queryParam("contactId", UUID.randomUUID().toString()).get(PATH).then()
                    .statusCode(403).contentType("application/problem+json");
        }
        given().queryParam("contactId", UUID.randomUUID().toString()).get(PATH).then().statusCode(401);
    }
}
