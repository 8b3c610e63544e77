package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.trellis.partner.demo.DemoData;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoDataTest {
    private static final String COBALT = "d0d0d0d0-0000-4000-8000-000000000003";
    private static final String TUNDRA = "d0d0d0d0-0000-4000-8000-000000000020";

    @Inject
    DemoData demo;

    @Test
    void demoDataGoesInThroughTheServicesOnceAndGivesEveryPartnerPeopleMembershipAndTouchpoints() {
        demo.load();
        Assertions.assertEquals(0, demo.load(), "a second load adds nothing");

        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/partners/" + COBALT + "/membership")
                .then().statusCode(200).body("tier", equalTo("PLATINUM"));
        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/partners/" + COBALT + "/affiliations")
                .then().statusCode(200).body("items", hasSize(3));
        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/partners/" + COBALT + "/membership/key-contacts")
                .then().statusCode(200).body("items.role", org.hamcrest.Matchers.contains("PRIMARY", "TECHNICAL"));
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/partners/" + COBALT + "/touchpoints")
                .then().statusCode(200).body("items", hasSize(2));
        // advisory-service's demo seats name these people by the same derived ids.
        given().auth().oauth2(TestTokens.communityTeam())
                .get("/api/contacts/" + DemoData.demoContactId(java.util.UUID.fromString(COBALT), "exec"))
                .then().statusCode(200).body("email", org.hamcrest.Matchers.startsWith("exec@"));
        given().auth().oauth2(TestTokens.communityTeam())
                .get("/api/contacts/" + DemoData.demoContactId(java.util.UUID.fromString(COBALT), "tech"))
                .then().statusCode(200).body("email", org.hamcrest.Matchers.startsWith("tech@"));
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/partners/" + TUNDRA)
                .then().statusCode(200).body("lifecycleStatus", equalTo("LAPSED"));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("owner", "cora").queryParam("due", "open")
                .queryParam("limit", 200).get("/api/touchpoints/next-steps").then().statusCode(200);
        given().auth().oauth2(TestTokens.partnerA()).get("/api/partners/me")
                .then().statusCode(200).body("profile.id", equalTo(TestTokens.PARTNER_A))
                // Other test classes may have given Acme its own membership first; the demo then leaves Acme alone.
                .body("membership.tier", org.hamcrest.Matchers.notNullValue());
    }
}
