package dev.trellis.advisory;

import static io.restassured.RestAssured.given;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The shared security defaults (platform's microprofile-config.properties) take effect in this service. */
@QuarkusTest
class SecurityDefaultsTest {

    @Test
    void anEndpointThatDeclaresNoRolesIsRefusedToEveryone() {
        given().get("/api/test-probes/unannotated").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/test-probes/unannotated")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partnerA()).get("/api/test-probes/unannotated").then().statusCode(403);
    }
}
