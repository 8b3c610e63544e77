package dev.trellis.advisory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every route and method, called anonymously and with each role's token: the status says who may. */
@QuarkusTest
class RoleMatrixTest {
    /** method, path, body, then the status for anonymous, community-team, foundation-staff, partner (A). */
    private record Row(String method, String path, String body, int anonymous, int community, int staff, int partner) {
    }

    @Test
    void everyRouteAnswersEachRoleAsDeclared() {
        UUID board = Fixtures.board("{}");
        UUID partnerA = Fixtures.partner(UUID.fromString(TestTokens.PARTNER_A), "PLATINUM", null);
        UUID seat = Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), partnerA, "ELECTED", null, LocalDate.now(), null));
        UUID meeting = UUID.fromString(given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body("{\"title\":\"Roles\",\"startsAt\":\"" + LocalDate.now() + "T10:00:00\",\"timeZone\":\"UTC\",\"durationMinutes\":30}")
                .post("/api/boards/{id}/meetings", board).then().statusCode(201).extract().path("id"));
        String b = "/api/boards/" + board;
        String m = b + "/meetings/" + meeting;
        List<Row> table = List.of(
                new Row("GET", "/api/boards", null, 401, 200, 200, 403),
                new Row("POST", "/api/boards", "{}", 401, 403, 400, 403),
                new Row("POST", "/api/boards/what-if", "{}", 401, 400, 400, 403),
                new Row("GET", b, null, 401, 200, 200, 403),
                new Row("GET", b + "/policy", null, 401, 200, 200, 403),
                new Row("PUT", b + "/policy", "{}", 401, 403, 428, 403),
                new Row("GET", b + "/seats", null, 401, 200, 200, 200),
                new Row("POST", b + "/seats", "{}", 401, 403, 400, 403),
                new Row("GET", b + "/seats/" + seat, null, 401, 200, 200, 200),
                new Row("POST", b + "/seats/" + seat + "/vacate", "{}", 401, 403, 428, 403),
                new Row("GET", b + "/overrides", null, 401, 200, 200, 403),
                new Row("GET", b + "/compliance", null, 401, 200, 200, 403),
                new Row("GET", b + "/succession", null, 401, 200, 200, 403),
                new Row("GET", b + "/composition", null, 401, 200, 200, 200),
                new Row("GET", "/api/board-compositions", null, 401, 200, 200, 200),
                new Row("GET", b + "/meetings", null, 401, 200, 200, 200),
                new Row("POST", b + "/meetings", "{}", 401, 403, 400, 403),
                new Row("GET", m, null, 401, 200, 200, 200),
                new Row("GET", m + "/attendance", null, 401, 200, 200, 403),
                new Row("PUT", m + "/attendance", "{}", 401, 403, 400, 403),
                new Row("GET", m + "/resolutions", null, 401, 200, 200, 403),
                new Row("GET", m + "/resolutions/" + UUID.randomUUID(), null, 401, 404, 404, 403),
                new Row("POST", m + "/resolutions", "{}", 401, 403, 400, 403),
                new Row("POST", m + "/close", "{}", 401, 403, 409, 403),
                new Row("GET", b + "/calendar.ics", null, 401, 200, 200, 200),
                new Row("GET", b + "/calendar-feeds", null, 401, 200, 200, 200),
                new Row("GET", b + "/calendar-feeds/" + UUID.randomUUID(), null, 401, 404, 404, 404),
                new Row("DELETE", b + "/calendar-feeds/" + UUID.randomUUID(), null, 401, 404, 404, 404),
                new Row("GET", "/api/boards/calendar-feeds/no-such-secret.ics", null, 404, 404, 404, 404));
        List<String> wrong = new ArrayList<>();
        for (Row row : table) {
            check(wrong, row, "anonymous", null, row.anonymous());
            check(wrong, row, "community-team", TestTokens.communityTeam(), row.community());
            check(wrong, row, "foundation-staff", TestTokens.foundationStaff(), row.staff());
            check(wrong, row, "partner", TestTokens.partnerA(), row.partner());
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aPartnerSeesAnotherPartnersSeatOnlyAsAPublicComposition() {
        UUID board = Fixtures.board("{}");
        UUID partnerA = Fixtures.partner(UUID.fromString(TestTokens.PARTNER_A), "PLATINUM", null);
        UUID holder = Fixtures.contact();
        UUID seat = Fixtures.appoint(board, Fixtures.appointment(holder, partnerA, "ELECTED", null, LocalDate.now(), null));
        given().auth().oauth2(TestTokens.partnerB()).get("/api/boards/{id}/seats/{s}", board, seat).then().statusCode(404);
        given().auth().oauth2(TestTokens.partnerB()).get("/api/boards/{id}/seats", board).then().statusCode(200)
                .body("items.size()", equalTo(0));
        String composition = given().auth().oauth2(TestTokens.partnerB()).get("/api/boards/{id}/composition", board)
                .then().statusCode(200).body("companies.partnerId", hasItem(partnerA.toString()))
                .body("companies[0].seats", equalTo(1)).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(composition.contains(holder.toString()), composition);
    }

    private static void check(List<String> wrong, Row row, String who, String token, int expected) {
        RequestSpecification request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (row.body() != null) {
            request = request.contentType(ContentType.JSON).body(row.body());
        }
        int actual = request.request(row.method(), row.path()).then().extract().statusCode();
        if (actual != expected) {
            wrong.add(row.method() + " " + row.path() + " as " + who + ": " + actual + ", expected " + expected);
        }
    }
}
