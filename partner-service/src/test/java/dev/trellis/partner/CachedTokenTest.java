package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.testing.auth.TestTokens;
import dev.trellis.tokencache.CachingBearerAuthentication;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The services remember verified tokens too (trellis-token-cache). A token served from the cache
 * must still meet every check a freshly verified one meets: its roles, its organisation, its expiry.
 */
@QuarkusTest
class CachedTokenTest {
    private static final String OWN = "/api/partners/" + TestTokens.PARTNER_A;
    private static final String OTHER = "/api/partners/" + TestTokens.PARTNER_B;

    @Inject
    CachingBearerAuthentication authentication;
    @Inject
    PartnerService partners;

    @BeforeEach
    void bothPartnersExist() {
        ContactFixtures.partners(partners);
    }

    @Test
    void aTokenIsVerifiedOnceThenServedFromTheCache() {
        String token = TestTokens.token("cora", List.of("community-team"), null);
        int before = authentication.cachedTokens();
        given().auth().oauth2(token).get("/api/partners").then().statusCode(200);
        assertEquals(before + 1, authentication.cachedTokens());
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/partners").then().statusCode(200);
        }
        assertEquals(before + 1, authentication.cachedTokens());
    }

    @Test
    void aCachedPartnerTokenStillReachesOnlyItsOwnOrganisation() {
        String token = TestTokens.token("paula", List.of("partner"), TestTokens.PARTNER_A);
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).get(OWN).then().statusCode(200);
            given().auth().oauth2(token).get(OTHER).then().statusCode(403);
            given().auth().oauth2(token).contentType("application/json").body("{\"name\":\"Taken Over\"}")
                    .post("/api/partners").then().statusCode(403);
        }
    }

    @Test
    void aCachedTokenIsRefusedOnceItExpires() throws InterruptedException {
        String token = TestTokens.sign(TestTokens.claims("cora", List.of("community-team"), null).expiresIn(2));
        given().auth().oauth2(token).get("/api/partners").then().statusCode(200);
        given().auth().oauth2(token).get("/api/partners").then().statusCode(200);
        Thread.sleep(3_000);
        given().auth().oauth2(token).get("/api/partners")
                .then().statusCode(401).header("Content-Type", startsWith("application/problem+json"));
    }

    @Test
    void aTamperedCopyOfACachedTokenIsRefused() {
        String token = TestTokens.partnerA();
        given().auth().oauth2(token).get(OWN).then().statusCode(200);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(TestTokens.PARTNER_A, TestTokens.PARTNER_B);
        assertTrue(payload.contains(TestTokens.PARTNER_B));
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(tampered).get(OTHER).then().statusCode(401);
    }

    @Test
    void refusedTokensAreNeverCached() {
        int before = authentication.cachedTokens();
        String expired = TestTokens.sign(TestTokens.claims("cora", List.of("community-team"), null)
                .issuedAt(java.time.Instant.now().minusSeconds(3600)).expiresAt(java.time.Instant.now().minusSeconds(1800)));
        String foreign = TestTokens.sign(TestTokens.claims("cora", List.of("community-team"), null).audience("account"));
        for (String bad : new String[] { expired, foreign, "not.a.jwt" }) {
            for (int i = 0; i < 2; i++) {
                given().auth().oauth2(bad).get("/api/partners").then().statusCode(401);
            }
        }
        assertEquals(before, authentication.cachedTokens());
    }
}
