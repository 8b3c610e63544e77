package dev.trellis.partner;

import static dev.trellis.partner.TouchpointFixtures.addStep;
import static dev.trellis.partner.TouchpointFixtures.log;
import static dev.trellis.partner.TouchpointFixtures.step;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A next step's owner is a staff member partner-service knows: someone who has called it with a staff
 * role. A username nobody has signed in with is a 400 naming the field.
 */
@QuarkusTest
class NextStepOwnerTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    PartnerService partners;

    private String touchpointId;

    @BeforeEach
    void aTouchpoint() {
        ContactFixtures.partners(partners);
        touchpointId = log(TestTokens.communityTeam(), TestTokens.PARTNER_A,
                TouchpointFixtures.touchpoint(TODAY.minusDays(1), "CALL", List.of())).getString("id");
    }

    private static RequestSpecification team() {
        return given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON);
    }

    @Test
    void anOwnerNobodyHasSignedInAsIsA400NamingTheField() {
        team().body(step("Call them back", "nobody-such-user", TODAY.plusDays(3)))
                .post("/api/touchpoints/" + touchpointId + "/next-steps").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("owner"));

        Map<String, Object> body = TouchpointFixtures.touchpoint(TODAY.minusDays(1), "CALL", List.of());
        body.put("nextSteps", List.of(step("ok", "cora", TODAY), step("nobody", "nobody-such-user", TODAY)));
        team().body(body).post("/api/partners/" + TestTokens.PARTNER_A + "/touchpoints").then().statusCode(400)
                .body("errors.field", contains("nextSteps[1].owner"));

        String stepId = addStep(TestTokens.communityTeam(), touchpointId, step("mine", "cora", TODAY)).getString("id");
        team().header("If-Match", "*").body(Map.of("owner", "nobody-such-user"))
                .patch("/api/touchpoints/next-steps/" + stepId).then().statusCode(400)
                .body("errors.field", contains("owner"));
        team().get("/api/touchpoints/next-steps/" + stepId).then().body("owner", equalTo("cora"));
    }

    @Test
    void anOwnerWhoHasCalledTheServiceWithAStaffRoleIsAccepted() {
        String colleague = "colleague" + UUID.randomUUID().toString().substring(0, 8);
        team().body(step("Intro", colleague, TODAY.plusDays(2)))
                .post("/api/touchpoints/" + touchpointId + "/next-steps").then().statusCode(400);
        // Once the colleague has signed in with a staff role (any request), they can own steps.
        given().auth().oauth2(TestTokens.token(colleague, List.of("foundation-staff"), null))
                .get("/api/touchpoints/next-steps").then().statusCode(200);
        team().body(step("Intro", colleague.toUpperCase(), TODAY.plusDays(2)))
                .post("/api/touchpoints/" + touchpointId + "/next-steps").then().statusCode(201)
                .body("owner", equalTo(colleague));
    }

    @Test
    void aPartnerUserIsNoStaffOwner() {
        String portal = "portal" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.token(portal, List.of("partner"), TestTokens.PARTNER_A))
                .get("/api/partners/me").then().statusCode(200);
        team().body(step("Not staff", portal, TODAY.plusDays(2)))
                .post("/api/touchpoints/" + touchpointId + "/next-steps").then().statusCode(400)
                .body("errors.field", contains("owner"));
    }
}
