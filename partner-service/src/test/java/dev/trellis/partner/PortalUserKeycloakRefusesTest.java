package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import dev.trellis.partner.demo.DemoData;
import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keycloak refuses partner-service's credentials: the portal routes answer 502 problem+json, never 500 or 401. */
@QuarkusTest
@TestProfile(PortalUserKeycloakRefusesTest.WrongSecret.class)
class PortalUserKeycloakRefusesTest {

    public static class WrongSecret implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trellis.portal.client-secret", "not-the-secret");
        }
    }

    @Inject
    PartnerService partners;

    @BeforeEach
    void partner() {
        partners.registerIfAbsent(DemoData.ACME_CLOUD, "Acme Cloud", "https://acme-cloud.example", "US", LifecycleStatus.ACTIVE);
    }

    @BeforeAll
    static void keycloak() {
        PortalKeycloak.requireRunning();
    }

    @Test
    void aKeycloakThatRefusesOurCredentialsIsA502ProblemOnEveryPortalRoute() {
        String base = "/api/partners/" + TestTokens.PARTNER_A + "/portal-users";
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("email", "someone@acme-cloud.example", "firstName", "Some", "lastName", "One"))
                .post(base).then().statusCode(502).contentType("application/problem+json")
                .body("status", equalTo(502)).body(not(containsString("Exception")));
        given().auth().oauth2(TestTokens.communityTeam()).get(base).then().statusCode(502)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.communityTeam()).delete(base + "/" + java.util.UUID.randomUUID()).then()
                .statusCode(502).contentType("application/problem+json");
    }
}
