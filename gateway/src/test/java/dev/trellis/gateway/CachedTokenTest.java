package dev.trellis.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.gateway.testing.GatewayTestProfile;
import dev.trellis.gateway.testing.Tokens;
import dev.trellis.tokencache.CachingBearerAuthentication;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Verified tokens are remembered; nothing about that may let a token through that OIDC would refuse. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class CachedTokenTest {

    @Inject
    CachingBearerAuthentication authentication;

    @Test
    void validTokenIsVerifiedOnceThenServedFromTheCache() {
        String token = Tokens.withRoles("partner");
        int before = authentication.cachedTokens();
        given().auth().oauth2(token).when().get("/api/partners").then().statusCode(200);
        assertEquals(before + 1, authentication.cachedTokens());
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/partners").then().statusCode(200);
        }
        assertEquals(before + 1, authentication.cachedTokens());
    }

    @Test
    void rolesOfACachedTokenStillDecide() {
        String token = Tokens.withRoles("offline_access");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).when().get("/api/partners").then().statusCode(403);
        }
    }

    @Test
    void cachedTokenIsRefusedOnceItExpires() throws InterruptedException {
        String token = Tokens.expiringIn(2, "partner");
        given().auth().oauth2(token).when().get("/api/partners").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/partners").then().statusCode(200);
        Thread.sleep(3_000);
        given().auth().oauth2(token).when().get("/api/partners")
                .then().statusCode(401).header("Content-Type", startsWith("application/problem+json"));
    }

    @Test
    void tamperedCopyOfACachedTokenIsRefused() {
        String token = Tokens.withRoles("partner");
        given().auth().oauth2(token).when().get("/api/partners").then().statusCode(200);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"partner\"", "\"foundation-staff\"");
        assertTrue(payload.contains("foundation-staff"));
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(tampered).when().get("/api/partners").then().statusCode(401);
    }

    @Test
    void refusedTokensAreNeverCached() {
        int before = authentication.cachedTokens();
        for (String bad : new String[] { Tokens.expired("partner"), Tokens.signedByStranger("partner"),
                Tokens.forAudience("account", "partner"), "not.a.jwt" }) {
            for (int i = 0; i < 2; i++) {
                given().auth().oauth2(bad).when().get("/api/partners").then().statusCode(401);
            }
        }
        assertEquals(before, authentication.cachedTokens());
    }
}
