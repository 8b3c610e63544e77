package dev.trellis.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

/** The growth leads page against the fake API: what insights answered, for the foundation's people only. */
@QuarkusTest
class GrowthLeadsPageTest {

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void theTeamSeesProspectsAndUpgradesWithTheirNumbersAndNextActions() {
        given().when().get("/reports/growth-leads").then().statusCode(200)
                .body(containsString("<th scope=\"row\">vantage-robotics.example</th>"))
                .body(containsString("not in Trellis"))
                .body(containsString("Invite vantage-robotics.example to talk membership (limit 50)"))
                .body(containsString("<a href=\"/partners/" + FakeApi.PARTNER_B + "\">Borealis Systems</a>"))
                .body(containsString("<td>GOLD</td><td>PLATINUM</td>"))
                .body(containsString("Talk to Borealis Systems about PLATINUM"));
    }

    @Test
    @TestSecurity(user = "paula", roles = "partner")
    void aPartnerUserIsRefusedAndSeesNoLead() {
        given().when().get("/reports/growth-leads").then().statusCode(403)
                .body(not(containsString("vantage-robotics.example")));
    }
}
