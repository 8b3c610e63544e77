package dev.trellis.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.trellis.gateway.testing.GatewayTestProfile;
import dev.trellis.gateway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a token must be beyond signature, issuer, audience and expiry (GatewayTest): signed with the
 * realm's algorithm, RS256, and no other the same key could produce; not issued in the future; an
 * access token, not an ID token. Each refusal is a 401 problem with a Bearer challenge; each control
 * differs from its refused twin in that one respect and passes.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class TokenRulesTest {

    @ParameterizedTest
    @EnumSource(value = SignatureAlgorithm.class, names = {"RS384", "RS512", "PS256", "PS512"})
    void tokenSignedByTheTrustedKeyWithAnotherAlgorithmIs401(SignatureAlgorithm algorithm) {
        refused(Tokens.signedWith(algorithm, "partner"));
    }

    @Test
    void tokenSignedWithRs256Passes() {
        passes(Tokens.signedWith(SignatureAlgorithm.RS256, "partner"));
    }

    @Test
    void tokenIssuedInTheFutureIs401() {
        refused(Tokens.issuedIn(300, "partner"));
    }

    @Test
    void tokenIssuedWithinTheClockSkewPasses() {
        // A few seconds ahead is a clock that drifts, not a forgery; the skew is 30 s.
        passes(Tokens.issuedIn(5, "partner"));
    }

    @Test
    void idTokenIs401() {
        refused(Tokens.ofType("ID", "partner"));
    }

    @Test
    void tokenWithoutATypIs401() {
        refused(Tokens.ofType(null, "partner"));
    }

    @Test
    void accessTokenPasses() {
        passes(Tokens.ofType("Bearer", "partner"));
    }

    /** Every way a token is refused carries the challenge (RFC 6750, 3), not only a missing token. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void everyRefusalIs401ProblemWithBearerChallenge(String name, Supplier<String> token) {
        refused(token.get());
    }

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                Arguments.of("expired", (Supplier<String>) () -> Tokens.expired("partner")),
                Arguments.of("another audience", (Supplier<String>) () -> Tokens.forAudience("account", "partner")),
                Arguments.of("another issuer", (Supplier<String>) () -> Tokens.fromIssuer("https://evil.test", "partner")),
                Arguments.of("untrusted key", (Supplier<String>) () -> Tokens.signedByStranger("partner")),
                Arguments.of("not a JWT", (Supplier<String>) () -> "not.a.jwt"));
    }

    private static void refused(String token) {
        given().auth().oauth2(token).when().get("/api/partners")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("Content-Type", startsWith("application/problem+json"))
                .body("status", equalTo(401));
    }

    private static void passes(String token) {
        given().auth().oauth2(token).when().get("/api/partners").then().statusCode(200)
                .body("upstream", equalTo("partner-service"));
    }
}
