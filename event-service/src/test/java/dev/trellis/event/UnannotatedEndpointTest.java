package dev.trellis.event;

import static io.restassured.RestAssured.given;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/**
 * An endpoint that does not say who may call it is refused to everyone: deny-unannotated-endpoints, a
 * build-time key this service takes from platform's shared defaults, not from its own application.properties.
 */
@QuarkusTest
class UnannotatedEndpointTest {

    @Path("/test/unannotated")
    public static class Unannotated {
        @GET
        public String secret() {
            return "nobody should read this";
        }
    }

    @Test
    void anEndpointWithoutRoleAnnotationsIsDeniedToEveryone() {
        given().get("/test/unannotated").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.communityTeam()).get("/test/unannotated").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
