package dev.trellis.advisory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Seat succession: who could take a seat that opens soon, and the rules that exclude the others. */
@QuarkusTest
class SuccessionTest {
    static final LocalDate TODAY = LocalDate.now();

    @Test
    void eachOpeningListsWhoCouldTakeItAndWhyTheOthersCannot() {
        UUID board = Fixtures.board("{\"tiers\":[{\"tier\":\"PLATINUM\",\"perMember\":1}]}");
        UUID crowded = Fixtures.partner("PLATINUM", null);
        UUID open = Fixtures.partner("PLATINUM", null);
        // crowded holds its one entitled seat for good, and a second one (appointed over the entitlement) that ends soon
        Fixtures.appoint(board, Fixtures.appointment(Fixtures.employee(crowded), crowded, "TIER_APPOINTED", "PLATINUM",
                TODAY.minusYears(1), null));
        String over = Fixtures.appointment(Fixtures.employee(crowded), crowded, "TIER_APPOINTED", "PLATINUM", TODAY.minusMonths(6),
                TODAY.plusDays(20));
        UUID ending = Fixtures.appoint(board, over.substring(0, over.length() - 1)
                + ",\"override\":{\"rules\":[\"tier-entitlement\"],\"reason\":\"Interim, until the election\"}}");
        UUID successor = Fixtures.employee(crowded);
        // open's seat ends within the window too, and its people may take it
        UUID openSeat = Fixtures.appoint(board, Fixtures.appointment(Fixtures.employee(open), open, "TIER_APPOINTED", "PLATINUM",
                TODAY.minusYears(1), TODAY.plusDays(40)));
        UUID openPerson = Fixtures.employee(open);

        JsonPath plan = given().auth().oauth2(TestTokens.foundationStaff()).queryParam("within", "P60D")
                .get("/api/boards/{id}/succession", board).then().statusCode(200)
                .body("openings.seatId", contains(ending.toString(), openSeat.toString())).extract().jsonPath();
        Assertions.assertEquals(TODAY.plusDays(21).toString(), plan.getString("openings[0].opensOn"));
        List<String> excluded = plan.getList("openings[0].excluded.contactId");
        Assertions.assertTrue(excluded.contains(successor.toString()), plan.prettify());
        Assertions.assertEquals(List.of(), plan.getList("openings[0].eligible"), "crowded is at its entitlement already");
        Assertions.assertTrue(plan.getList("openings[0].excluded[0].rules.rule").contains("tier-entitlement"), plan.prettify());
        Assertions.assertTrue(plan.getList("openings[1].eligible").contains(openPerson.toString()), plan.prettify());

        // a shorter window sees only the first opening; a bad window is a 400 naming it
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("within", "P30D").get("/api/boards/{id}/succession", board)
                .then().statusCode(200).body("openings.seatId", contains(ending.toString()));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("within", "soon").get("/api/boards/{id}/succession", board)
                .then().statusCode(400).body("errors.field", contains("within"));
        given().auth().oauth2(TestTokens.partnerA()).get("/api/boards/{id}/succession", board).then().statusCode(403);
    }
}
