package dev.trellis.advisory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeatResourceTest {
    static final String GOVERNING = """
            {"tiers":[{"tier":"PLATINUM","perMember":1},{"tier":"GOLD","membersPerSeat":5,"max":3}],
             "caps":[{"scope":"COMPANY_GROUP","maxSeats":1}]}""";
    static final LocalDate START = LocalDate.now().withDayOfMonth(1);

    @Test
    void anAppointmentIsRefusedAtTheCompanyGroupCapNamingTheRule() {
        UUID board = Fixtures.board(GOVERNING);
        UUID parent = Fixtures.partner("PLATINUM", null);
        UUID subsidiary = Fixtures.partner("PLATINUM", parent);
        Fixtures.appoint(board, Fixtures.appointment(Fixtures.employee(parent), parent, "TIER_APPOINTED", "PLATINUM", START, null));

        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body(Fixtures.appointment(Fixtures.employee(subsidiary), subsidiary, "TIER_APPOINTED", "PLATINUM", START, null))
                .post("/api/boards/{id}/seats", board)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://trellis.dev/problems/company-group-cap"))
                .body("rules.rule", contains("company-group-cap"))
                .body("errors", nullValue());
    }

    @Test
    void aPersonalSeatCountsAgainstTheCapOfItsHoldersEmployersGroup() {
        UUID board = Fixtures.board("{\"seats\":[{\"kind\":\"ELECTED\",\"count\":11}],\"caps\":[{\"scope\":\"COMPANY_GROUP\",\"maxSeats\":2}]}");
        UUID parent = Fixtures.partner("PLATINUM", null);
        UUID subsidiary = Fixtures.partner("GOLD", parent);
        Fixtures.appoint(board, Fixtures.appointment(Fixtures.employee(parent), parent, "ELECTED", null, START, null));
        Fixtures.appoint(board, Fixtures.appointment(Fixtures.employee(subsidiary), subsidiary, "ELECTED", null, START, null));

        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body(Fixtures.appointment(Fixtures.employee(subsidiary), null, "ELECTED", null, START, null))
                .post("/api/boards/{id}/seats", board)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://trellis.dev/problems/company-group-cap"));
        // someone who works for no partner holds a personal seat under no company's cap
        Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), null, "ELECTED", null, START, null));
    }

    @Test
    void aRefusalIsAConflictNamedForTheFirstClashAndListsEveryRuleBroken() {
        UUID board = Fixtures.board("""
                {"tiers":[{"tier":"PLATINUM","perMember":1}],"caps":[{"scope":"COMPANY_GROUP","maxSeats":1}],
                 "terms":{"lengthMonths":24}}""");
        UUID partner = Fixtures.partner("PLATINUM", null);
        Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), partner, "TIER_APPOINTED", "PLATINUM", START,
                START.plusYears(1)));
        // a second seat for the same member (tier-entitlement, company-group-cap) with too long a term (term-length)
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body(Fixtures.appointment(Fixtures.contact(), partner, "TIER_APPOINTED", "PLATINUM", START, START.plusYears(3)))
                .post("/api/boards/{id}/seats", board)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://trellis.dev/problems/tier-entitlement"))
                .body("title", equalTo("Seat policy violated"))
                .body("rules.rule", contains("tier-entitlement", "company-group-cap", "term-length"))
                .body("rules.detail", everyItem(notNullValue()));
    }

    @Test
    void staffOverrideTheCapWithAReasonAndTheOverrideIsAudited() {
        UUID board = Fixtures.board(GOVERNING);
        UUID parent = Fixtures.partner("PLATINUM", null);
        UUID subsidiary = Fixtures.partner("PLATINUM", parent);
        Fixtures.appoint(board, Fixtures.appointment(Fixtures.employee(parent), parent, "TIER_APPOINTED", "PLATINUM", START, null));
        String body = Fixtures.appointment(Fixtures.employee(subsidiary), subsidiary, "TIER_APPOINTED", "PLATINUM", START, null);
        String overridden = body.substring(0, body.length() - 1)
                + ",\"override\":{\"rules\":[\"company-group-cap\"],\"reason\":\"Transitional seat after the merger\"}}";

        UUID seat = Fixtures.appoint(board, overridden);
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/overrides", board)
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].seatId", equalTo(seat.toString()))
                .body("items[0].rule", equalTo("company-group-cap"))
                .body("items[0].reason", equalTo("Transitional seat after the merger"))
                .body("items[0].overriddenBy", equalTo("felix"));
    }

    @Test
    void anOverrideCoversOnlyTheRulesItNames() {
        UUID board = Fixtures.board(GOVERNING);
        UUID gold = Fixtures.partner("GOLD", null);
        String body = Fixtures.appointment(Fixtures.contact(), gold, "TIER_APPOINTED", "PLATINUM", START, null);
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body(body.substring(0, body.length() - 1) + ",\"override\":{\"rules\":[\"company-group-cap\"],\"reason\":\"x\"}}")
                .post("/api/boards/{id}/seats", board)
                .then().statusCode(409).body("type", equalTo("https://trellis.dev/problems/tier-mismatch"));
    }

    @Test
    void anOverrideNeedsAReason() {
        UUID board = Fixtures.board(GOVERNING);
        String body = Fixtures.appointment(Fixtures.contact(), null, "ELECTED", null, START, null);
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body(body.substring(0, body.length() - 1) + ",\"override\":{\"rules\":[\"seat-kind\"],\"reason\":\" \"}}")
                .post("/api/boards/{id}/seats", board)
                .then().statusCode(400).body("errors[0].field", equalTo("override.reason"));
    }

    @Test
    void aTermThatTheRulesNeverAllowIsUnprocessable() {
        UUID board = Fixtures.board("{\"seats\":[{\"kind\":\"ELECTED\",\"count\":11}],\"terms\":{\"lengthMonths\":24}}");
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body(Fixtures.appointment(Fixtures.contact(), null, "ELECTED", null, START, START.plusYears(3)))
                .post("/api/boards/{id}/seats", board)
                .then().statusCode(422).body("type", equalTo("https://trellis.dev/problems/term-length"))
                .body("rules.rule", contains("term-length"));
    }

    @Test
    void aSeatIsVacatedWithIfMatchAndLeavesRoomForTheNext() {
        UUID board = Fixtures.board(GOVERNING);
        UUID platinum = Fixtures.partner("PLATINUM", null);
        UUID seat = Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), platinum, "TIER_APPOINTED", "PLATINUM", START, null));
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).body("{}")
                .post("/api/boards/{id}/seats/{seat}/vacate", board, seat).then().statusCode(428);
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).header("If-Match", "\"99\"").body("{}")
                .post("/api/boards/{id}/seats/{seat}/vacate", board, seat).then().statusCode(412);
        String etag = given().auth().oauth2(TestTokens.foundationStaff()).get("/api/boards/{id}/seats/{seat}", board, seat)
                .then().statusCode(200).extract().header("ETag");
        LocalDate from = LocalDate.now().plusDays(1);
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"effectiveDate\":\"" + from + "\",\"reason\":\"Resigned\"}")
                .post("/api/boards/{id}/seats/{seat}/vacate", board, seat)
                .then().statusCode(200).body("vacatedOn", equalTo(from.toString()));
        Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), platinum, "TIER_APPOINTED", "PLATINUM", from, null));
    }

    @Test
    void aPartnerSeesOnlyItsOwnSeats() {
        UUID board = Fixtures.board("{}");
        UUID mine = Fixtures.partner(UUID.fromString(TestTokens.PARTNER_A), "PLATINUM", null);
        UUID theirs = Fixtures.partner("PLATINUM", null);
        UUID own = Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), mine, "ELECTED", null, START, null));
        UUID other = Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), theirs, "ELECTED", null, START, null));
        given().auth().oauth2(TestTokens.partnerA()).get("/api/boards/{id}/seats", board)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(own.toString()));
        given().auth().oauth2(TestTokens.partnerA()).get("/api/boards/{id}/seats/{seat}", board, other).then().statusCode(404);
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/seats", board)
                .then().statusCode(200).body("items.id", hasItem(other.toString())).body("items", hasSize(2));
    }

    @Test
    void seatsAreFilteredByStatusAndNameTheirPartner() {
        UUID board = Fixtures.board("{}");
        UUID partner = Fixtures.partner("GOLD", null);
        LocalDate today = LocalDate.now();
        UUID held = Fixtures.appoint(board, Fixtures.appointment(Fixtures.employee(partner), partner, "ELECTED", null, today.minusMonths(1), null));
        UUID upcoming = Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), null, "ELECTED", null, today.plusMonths(1), null));
        UUID ended = Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), null, "ELECTED", null, today.minusYears(2),
                today.minusYears(1)));
        UUID vacated = Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), null, "ELECTED", null, today.minusMonths(2), null));
        String etag = given().auth().oauth2(TestTokens.foundationStaff()).get("/api/boards/{id}/seats/{seat}", board, vacated)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"reason\":\"Resigned\"}").post("/api/boards/{id}/seats/{seat}/vacate", board, vacated).then().statusCode(200);

        given().auth().oauth2(TestTokens.communityTeam()).queryParam("status", "HELD").get("/api/boards/{id}/seats", board)
                .then().statusCode(200).body("items.id", contains(held.toString()))
                .body("items[0].status", equalTo("HELD"))
                .body("items[0].partnerId", equalTo(partner.toString()))
                .body("items[0].partnerName", equalTo("Partner " + partner.toString().substring(0, 8)));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("status", "UPCOMING").get("/api/boards/{id}/seats", board)
                .then().statusCode(200).body("items.id", contains(upcoming.toString())).body("items[0].partnerName", nullValue());
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("status", "ENDED").get("/api/boards/{id}/seats", board)
                .then().statusCode(200).body("items.id", contains(ended.toString()));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("status", "VACATED").get("/api/boards/{id}/seats", board)
                .then().statusCode(200).body("items.id", contains(vacated.toString())).body("items[0].status", equalTo("VACATED"));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("status", "FLAGGED").get("/api/boards/{id}/seats", board)
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("status", "occupied").get("/api/boards/{id}/seats", board)
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/seats", board)
                .then().statusCode(200).body("items", hasSize(4));
    }

    @Test
    void seatsArePagedByCursor() {
        UUID board = Fixtures.board("{}");
        for (int i = 0; i < 3; i++) {
            Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), null, "ELECTED", null, START.plusDays(i), null));
        }
        String next = given().auth().oauth2(TestTokens.communityTeam()).queryParam("limit", 2).get("/api/boards/{id}/seats", board)
                .then().statusCode(200).body("items", hasSize(2)).body("next", notNullValue()).extract().path("next");
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("limit", 2).queryParam("cursor", next)
                .get("/api/boards/{id}/seats", board)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].termStart", equalTo(START.plusDays(2).toString()));
        String boardCursor = dev.trellis.platform.paging.Cursor.of("end user advisory board", UUID.randomUUID()).encode();
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("cursor", boardCursor).get("/api/boards/{id}/seats", board)
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void anInconsistentPolicyIsUnprocessableAndAStaleOneIsRefused() {
        UUID board = Fixtures.board("{}");
        String etag = given().auth().oauth2(TestTokens.foundationStaff()).get("/api/boards/{id}/policy", board)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"tiers\":[{\"tier\":\"GOLD\",\"perMember\":1,\"membersPerSeat\":5}]}")
                .put("/api/boards/{id}/policy", board).then().statusCode(422)
                .body("type", equalTo("https://trellis.dev/problems/invalid-policy"));
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"caps\":[{\"scope\":\"COMPANY_GROUP\",\"maxSeat\":1}]}")
                .put("/api/boards/{id}/policy", board).then().statusCode(422)
                .body("type", equalTo("https://trellis.dev/problems/invalid-policy"));
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"quorum\":{\"numerator\":2,\"denominator\":3}}")
                .put("/api/boards/{id}/policy", board).then().statusCode(200).body("quorum.numerator", equalTo(2));
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{}").put("/api/boards/{id}/policy", board).then().statusCode(412);
    }

    @Test
    void anEclipsePolicyRoundTripsAndRefusesATermOutsideApril() {
        UUID board = Fixtures.board("""
                {"tiers":[{"tier":"STRATEGIC","perMember":1}],
                 "seats":[{"kind":"ELECTED","ratioOfTier":"STRATEGIC","membersPerSeat":2,"min":1}],
                 "caps":[{"scope":"ORGANISATION","maxShare":{"numerator":1,"denominator":2},"kinds":["ELECTED"]}],
                 "terms":{"lengthMonths":12,"startsOn":"--04-01"}}""");
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/policy", board).then().statusCode(200)
                .body("terms.startsOn", equalTo("--04-01")).body("caps[0].kinds", contains("ELECTED"))
                .body("seats[0].ratioOfTier", equalTo("STRATEGIC"));
        LocalDate may = LocalDate.of(2027, 5, 1);
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body(Fixtures.appointment(Fixtures.contact(), null, "ELECTED", null, may, may.plusMonths(11)))
                .post("/api/boards/{id}/seats", board)
                .then().statusCode(422).body("type", equalTo("https://trellis.dev/problems/term-start"));
    }

    @Test
    void thePolicyExampleInTheReadmeIsAccepted() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        int start = readme.indexOf("```json\n") + "```json\n".length();
        String example = readme.substring(start, readme.indexOf("```", start));
        UUID board = Fixtures.board(example);
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/policy", board).then().statusCode(200)
                .body("totalSeats", equalTo(11)).body("attendance.suspendAfterMissed", equalTo(3));
    }
}
