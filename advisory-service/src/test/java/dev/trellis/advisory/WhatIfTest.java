package dev.trellis.advisory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.trellis.advisory.domain.Seat;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** POST /api/boards/what-if: the CNCF merger case through the API, and nothing changes. */
@QuarkusTest
class WhatIfTest {
    static final LocalDate TODAY = LocalDate.now();

    @Test
    void anAcquisitionThatBreaksAOnePerGroupCapIsReportedAndChangesNothing() {
        UUID board = Fixtures.board("{\"caps\":[{\"scope\":\"COMPANY_GROUP\",\"maxSeats\":1}]}");
        UUID acquirer = Fixtures.partner("GOLD", null);
        UUID acquired = Fixtures.partner("GOLD", null);
        UUID s1 = Fixtures.appoint(board, Fixtures.appointment(Fixtures.employee(acquirer), acquirer, "ELECTED", null, TODAY.minusMonths(1), null));
        UUID s2 = Fixtures.appoint(board, Fixtures.appointment(Fixtures.employee(acquired), acquired, "ELECTED", null, TODAY.minusMonths(1), null));
        long versions = QuarkusTransaction.requiringNew().call(() -> Seat.<Seat>findById(s1).version + Seat.<Seat>findById(s2).version);

        JsonPath answer = given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body("{\"changes\":[{\"type\":\"ACQUISITION\",\"acquirerPartnerId\":\"" + acquirer + "\",\"acquiredPartnerId\":\"" + acquired + "\"}]}")
                .post("/api/boards/what-if").then().statusCode(200).extract().jsonPath();
        String at = "boards.find { it.boardId == '" + board + "' }";
        Assertions.assertTrue(answer.getBoolean(at + ".affected"));
        Assertions.assertTrue(answer.getList(at + ".findings.rule").contains("company-group-cap"), answer.prettify());
        Assertions.assertTrue(answer.getList(at + ".findings.isNew").contains(true));

        // nothing changed: no flag, no new version of the seats
        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/boards/{id}/seats/{s}", board, s2).then().statusCode(200)
                .body("flags.size()", equalTo(0));
        Assertions.assertEquals(versions, (long) QuarkusTransaction.requiringNew()
                .call(() -> Seat.<Seat>findById(s1).version + Seat.<Seat>findById(s2).version));
    }

    @Test
    void aChangeWithoutTheFieldsItNeedsIsA400NamingThemAndPartnersMayNotAsk() {
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body("{\"changes\":[{\"type\":\"EMPLOYER_CHANGE\",\"contactId\":\"" + UUID.randomUUID() + "\"}]}")
                .post("/api/boards/what-if").then().statusCode(400).body("errors.field", contains("changes[0].newEmployerPartnerId"));
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON).body("{\"changes\":[]}")
                .post("/api/boards/what-if").then().statusCode(400).body("errors.field", hasItem("changes"));
        given().auth().oauth2(TestTokens.partnerA()).contentType(ContentType.JSON)
                .body("{\"changes\":[{\"type\":\"TIER_CHANGE\",\"partnerId\":\"" + UUID.randomUUID() + "\",\"tier\":\"GOLD\"}]}")
                .post("/api/boards/what-if").then().statusCode(403);
    }
}
