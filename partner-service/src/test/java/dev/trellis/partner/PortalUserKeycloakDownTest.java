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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keycloak unreachable: the portal routes answer 503 problem+json, never 500. */
@QuarkusTest
@TestProfile(PortalUserKeycloakDownTest.Unreachable.class)
class PortalUserKeycloakDownTest {

    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
            return Map.of("trellis.portal.server-url", "http://127.0.0.1:9");
        }
    }

    @Inject
    PartnerService partners;

    @BeforeEach
    void partner() {
        partners.registerIfAbsent(DemoData.ACME_CLOUD, "Acme Cloud", "https://acme-cloud.example", "US", LifecycleStatus.ACTIVE);
    }

    @Test
    void anUnreachableKeycloakIsA503ProblemOnEveryPortalRoute() {
        String base = "/api/partners/" + TestTokens.PARTNER_A + "/portal-users";
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("email", "someone@acme-cloud.example", "firstName", "Some", "lastName", "One"))
                .post(base).then().statusCode(503).contentType("application/problem+json")
                .body("status", equalTo(503)).body(not(containsString("Exception")));
        given().auth().oauth2(TestTokens.communityTeam()).get(base).then().statusCode(503)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.communityTeam()).delete(base + "/" + java.util.UUID.randomUUID()).then()
                .statusCode(503).contentType("application/problem+json");
    }
}
