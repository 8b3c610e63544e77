package dev.trellis.advisory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.trellis.advisory.domain.PartnerView;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ComplianceResourceTest {

    @Test
    void theReportShowsEntitlementsCapsEndingTermsAndLapsedPartners() {
        UUID board = Fixtures.board("""
                {"tiers":[{"tier":"PLATINUM","perMember":1}],"seats":[{"kind":"ELECTED","count":2}],
                 "caps":[{"scope":"COMPANY_GROUP","maxSeats":2}]}""");
        UUID a = Fixtures.partner("PLATINUM", null);
        Fixtures.partner("PLATINUM", null); // a second member: entitled to a seat it has not filled
        LocalDate today = LocalDate.now();
        UUID aSeat = Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), a, "TIER_APPOINTED", "PLATINUM", today.minusYears(1), today.plusDays(30)));
        Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), a, "ELECTED", null, today.minusYears(1), today.plusYears(1)));
        QuarkusTransaction.requiringNew().run(() -> PartnerView.<PartnerView>findById(a).lifecycleStatus = "LAPSED");

        var report = given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/compliance", board)
                .then().statusCode(200).extract().jsonPath();
        int platinumMembers = report.getInt("tiers[0].members");
        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/boards/{id}/compliance", board).then().statusCode(200)
                .body("tiers[0].tier", equalTo("PLATINUM"))
                .body("tiers[0].entitled", equalTo(platinumMembers))
                .body("tiers[0].filled", equalTo(1))
                .body("seatKinds[0].kind", equalTo("ELECTED"))
                .body("seatKinds[0].vacancies", equalTo(1))
                .body("companies", hasSize(1))
                .body("companies[0].companyId", equalTo(a.toString()))
                .body("companies[0].held", equalTo(2))
                .body("companies[0].overCap", equalTo(false))
                .body("termsEndingSoon.seatId", contains(aSeat.toString()))
                .body("membershipNotCurrent", hasSize(2))
                .body("holderChangedEmployer", empty())
                .body("votingSuspended", empty());
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("on", "yesterday").get("/api/boards/{id}/compliance", board)
                .then().statusCode(400).body("errors[0].field", equalTo("on"));
        given().auth().oauth2(TestTokens.partnerA()).get("/api/boards/{id}/compliance", board).then().statusCode(403);
    }
}
