package dev.trellis.partner;

import static io.restassured.RestAssured.given;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code quarkus.security.jaxrs.deny-unannotated-endpoints=true} comes from platform's
 * microprofile-config.properties, not from this service's application.properties. It is a build-time
 * key, so this proves that the platform's default reaches the build: an endpoint that says nothing about
 * who may call it is refused to everyone.
 */
@QuarkusTest
class UnannotatedEndpointTest {

    /** A resource of the test application only, with no security annotation. */
    @Path("/test/unannotated")
    public static class Unannotated {
        @GET
        public String get() {
            return "reached";
        }
    }

    @Test
    void anEndpointWithoutRolesIsDeniedToEveryone() {
        given().get("/test/unannotated").then().statusCode(401);
        for (String token : new String[] {TestTokens.communityTeam(), TestTokens.foundationStaff(), TestTokens.partnerA()}) {
            given().auth().oauth2(token).get("/test/unannotated").then().statusCode(403);
        }
    }
}
