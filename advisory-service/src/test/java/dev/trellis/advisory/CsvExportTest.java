package dev.trellis.advisory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** A board's seats as text/csv: the JSON list's rows, the caller's visibility, safe cells. */
@QuarkusTest
class CsvExportTest {
    static final List<String> HEADER = List.of("id", "boardId", "kind", "holderContactId", "partnerId", "partnerName",
            "tierBasis", "termStart", "termEnd", "alternateContactId", "status", "votingStatus", "vacatedOn",
            "vacateReason", "flags");
    static final LocalDate START = LocalDate.now().minusMonths(3);

    static List<List<String>> parse(String body) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(body)) {
            return it.readAll();
        }
    }

    private static List<String> jsonIds(String token, UUID board, String status) {
        var request = given().auth().oauth2(token).accept(ContentType.JSON);
        if (status != null) {
            request.queryParam("status", status);
        }
        return request.get("/api/boards/{id}/seats", board).then().statusCode(200).extract().path("items.id");
    }

    private static List<List<String>> csv(String token, UUID board, String status) throws IOException {
        var request = given().auth().oauth2(token).accept("text/csv");
        if (status != null) {
            request.queryParam("status", status);
        }
        String body = request.get("/api/boards/{id}/seats", board).then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"seats-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"")
                .extract().asString();
        List<List<String>> table = parse(body);
        Assertions.assertEquals(HEADER, table.get(0));
        return table.subList(1, table.size());
    }

    @Test
    void seatsCsvHasTheJsonRowsForTheSameFilterAndAPartnerOnlyItsOwn() throws IOException {
        UUID board = Fixtures.board("{}");
        UUID mine = Fixtures.partner(UUID.fromString(TestTokens.PARTNER_A), "PLATINUM", null);
        UUID theirs = Fixtures.partner("PLATINUM", null);
        UUID own = Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), mine, "ELECTED", null, START, null));
        UUID other = Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), theirs, "ELECTED", null, START, null));
        UUID vacated = Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), null, "ELECTED", null, START, null));
        String etag = given().auth().oauth2(TestTokens.foundationStaff()).get("/api/boards/{id}/seats/{seat}", board, vacated)
                .then().statusCode(200).extract().header("ETag");
        String reason = "-1+1 resigned, \"early\"\nsee minutes";
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("reason", reason)).post("/api/boards/{id}/seats/{seat}/vacate", board, vacated)
                .then().statusCode(200);

        List<List<String>> all = csv(TestTokens.communityTeam(), board, null);
        Assertions.assertEquals(jsonIds(TestTokens.communityTeam(), board, null), all.stream().map(r -> r.get(0)).toList());
        Assertions.assertEquals(3, all.size());
        List<String> gone = all.stream().filter(r -> r.get(0).equals(vacated.toString())).findFirst().orElseThrow();
        Assertions.assertEquals("'" + reason, gone.get(13), "quoted, and neutralised as a formula");
        Assertions.assertEquals("VACATED", gone.get(10));

        List<List<String>> held = csv(TestTokens.foundationStaff(), board, "VACATED");
        Assertions.assertEquals(jsonIds(TestTokens.foundationStaff(), board, "VACATED"), held.stream().map(r -> r.get(0)).toList());

        List<List<String>> partner = csv(TestTokens.partnerA(), board, null);
        Assertions.assertEquals(jsonIds(TestTokens.partnerA(), board, null), partner.stream().map(r -> r.get(0)).toList());
        Assertions.assertEquals(List.of(own.toString()), partner.stream().map(r -> r.get(0)).toList());
        Assertions.assertFalse(partner.toString().contains(other.toString()));
    }

    @Test
    void boardsCsvHasTheJsonPageAndIsStaffOnly() throws IOException {
        Fixtures.board("{}");
        List<String> jsonIds = given().auth().oauth2(TestTokens.communityTeam()).queryParam("limit", 200).get("/api/boards")
                .then().statusCode(200).extract().path("items.id");
        String body = given().auth().oauth2(TestTokens.communityTeam()).accept("text/csv").queryParam("limit", 200)
                .get("/api/boards").then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<List<String>> table = parse(body);
        Assertions.assertEquals(List.of("id", "name", "kind"), table.get(0));
        Assertions.assertEquals(jsonIds, table.subList(1, table.size()).stream().map(r -> r.get(0)).toList());
        given().auth().oauth2(TestTokens.partnerA()).accept("text/csv").get("/api/boards").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void refusalsAreTheJsonListsAsProblemJson() {
        UUID board = Fixtures.board("{}");
        given().auth().oauth2(TestTokens.communityTeam()).accept("text/csv").queryParam("status", "occupied")
                .get("/api/boards/{id}/seats", board).then().statusCode(400).contentType("application/problem+json");
        UUID unknown = UUID.randomUUID();
        int json = given().auth().oauth2(TestTokens.partnerA()).get("/api/boards/{id}/seats", unknown).then().extract().statusCode();
        given().auth().oauth2(TestTokens.partnerA()).accept("text/csv").get("/api/boards/{id}/seats", unknown).then()
                .statusCode(json);
        given().auth().oauth2(TestTokens.communityTeam()).accept("text/html").get("/api/boards/{id}/seats", board).then()
                .statusCode(406).contentType("application/problem+json");
        given().accept("text/csv").get("/api/boards/{id}/seats", board).then().statusCode(401);
    }

    @Test
    void theOpenApiDocumentListsTextCsvForSeats() {
        var doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Object> content = doc.getMap("paths.'/api/boards/{id}/seats'.get.responses.'200'.content");
        Assertions.assertTrue(content.containsKey("text/csv") && content.containsKey("application/json"), content.keySet().toString());
    }
}
