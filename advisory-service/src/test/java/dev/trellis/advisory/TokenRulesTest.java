package dev.trellis.advisory;

import static io.restassured.RestAssured.given;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A service holds tokens to the same rules as the gateway (platform's shared OIDC settings and token-cache's
 * IssuedAtCheck): RS256 only, access tokens only (typ Bearer), none issued in the future. Each refusal next to a
 * control that differs only in that respect. One service stands for all: the settings are shared.
 */
@QuarkusTest
class TokenRulesTest {

    private static JwtClaimsBuilder claims() {
        return TestTokens.claims("felix", List.of("foundation-staff"), null);
    }

    @Test
    void theControlPasses() {
        given().auth().oauth2(TestTokens.sign(claims())).get("/api/boards").then().statusCode(200);
    }

    @Test
    void anIdTokenIsNoAccessToken() {
        given().auth().oauth2(TestTokens.sign(claims().claim("typ", "ID"))).get("/api/boards").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
    }

    @Test
    void anotherSignatureAlgorithmUnderTheSameKeyIsRefused() {
        given().auth().oauth2(claims().jws().algorithm(SignatureAlgorithm.RS384).sign(TestTokens.key())).get("/api/boards")
                .then().statusCode(401);
        given().auth().oauth2(claims().jws().algorithm(SignatureAlgorithm.RS256).sign(TestTokens.key())).get("/api/boards")
                .then().statusCode(200);
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        given().auth().oauth2(TestTokens.sign(claims().issuedAt(Instant.now().plusSeconds(600)).expiresAt(Instant.now().plusSeconds(900))))
                .get("/api/boards").then().statusCode(401);
        given().auth().oauth2(TestTokens.sign(claims().issuedAt(Instant.now().plusSeconds(5)))).get("/api/boards").then().statusCode(200);
    }
}
