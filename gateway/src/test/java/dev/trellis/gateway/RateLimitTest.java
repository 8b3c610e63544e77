package dev.trellis.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.gateway.testing.GatewayTestProfile;
import dev.trellis.gateway.testing.Scrape;
import dev.trellis.gateway.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Low limits (2 per user, 12 per IP, refilling one per 100 s): the user limit is tested first, since
 * every request of this class comes from 127.0.0.1 and so also spends the IP's tokens.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    public static class LowLimits extends GatewayTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("trellis.gateway.limits.per-user.requests-per-second", "0.01");
            config.put("trellis.gateway.limits.per-user.burst", "2");
            config.put("trellis.gateway.limits.per-ip.requests-per-second", "0.01");
            config.put("trellis.gateway.limits.per-ip.burst", "12");
            return config;
        }
    }

    @Test
    @Order(1)
    void userOverTheLimitGets429ProblemWithRetryAfterAndOtherUsersDoNot() {
        String alice = Tokens.forSubject("alice", "partner");
        // Every response a limit applied to announces it (draft-ietf-httpapi-ratelimit-headers): the
        // policies (q per w seconds, w being the time an empty bucket takes to refill) and what is left.
        given().auth().oauth2(alice).when().get("/api/partners").then().statusCode(200)
                .header("RateLimit-Policy", equalTo("\"per-ip\";q=12;w=1200, \"per-user\";q=2;w=200"))
                .header("RateLimit", matchesPattern("\"per-ip\";r=11;t=\\d+, \"per-user\";r=1;t=\\d+"));
        given().auth().oauth2(alice).when().get("/api/partners").then().statusCode(200)
                .header("RateLimit", matchesPattern("\"per-ip\";r=10;t=\\d+, \"per-user\";r=0;t=\\d+"));
        Response limited = given().auth().oauth2(alice).when().get("/api/partners");
        limited.then().statusCode(429)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("status", equalTo(429))
                .body("detail", containsString("your account"))
                .header("RateLimit-Policy", containsString("\"per-user\";q=2;w=200"))
                .header("RateLimit", matchesPattern(".*\"per-user\";r=0;t=\\d+"));
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1, limited.header("Retry-After"));
        assertTrue(limited.header("RateLimit").endsWith(";t=" + retryAfter), "RateLimit's t is the Retry-After: "
                + limited.header("RateLimit"));
        // The limit follows the token's subject, not the token: a fresh token for alice is limited too.
        given().auth().oauth2(Tokens.forSubject("alice", "partner")).when().get("/api/partners").then().statusCode(429);
        given().auth().oauth2(Tokens.forSubject("bob", "partner")).when().get("/api/partners").then().statusCode(200);
    }

    @Test
    @Order(2)
    void addressOverTheLimitGets429BeforeAnyTokenIsLookedAt() {
        int status = 0;
        for (int i = 0; i < 20 && status != 429; i++) {
            status = given().header("Authorization", "Bearer not.a.jwt").when().get("/api/partners")
                    .then().extract().statusCode();
        }
        Response limited = given().when().get("/api/events");
        limited.then().statusCode(429)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("detail", containsString("your address"))
                // Anonymous: only the address' policy applies.
                .header("RateLimit-Policy", equalTo("\"per-ip\";q=12;w=1200"))
                .header("RateLimit", matchesPattern("\"per-ip\";r=0;t=\\d+"));
        assertTrue(Long.parseLong(limited.header("Retry-After")) >= 1);
        // Even junk tokens stop costing verification work.
        given().header("Authorization", "Bearer not.a.jwt").when().get("/api/partners").then().statusCode(429);
    }

    @Test
    @Order(3)
    void everyRefusalIsCountedByTheLimitThatRefused() {
        // The management interface has no rate limit (its router runs none of the gateway's filters). A
        // request's timer is recorded as its response ends, so the last one may need a moment.
        Map<String, String> partners429 = Map.of("route", "partner-service", "upstream", "none", "status", "429");
        Scrape scrape = Scrape.of(management);
        for (int i = 0; i < 50 && scrape.sum("trellis_gateway_requests_seconds_count", partners429) < 4; i++) {
            scrape = Scrape.of(management);
        }
        // alice's third request and her fresh token's; then the address' eighth request (its 12 tokens:
        // 5 spent above, 7 in the loop), /api/events and the last junk token.
        assertEquals(2, scrape.sum("trellis_gateway_rate_limited_total", Map.of("limit", "per-user")), scrape.text());
        assertEquals(3, scrape.sum("trellis_gateway_rate_limited_total", Map.of("limit", "per-ip")), scrape.text());
        assertEquals(4, scrape.sum("trellis_gateway_requests_seconds_count", partners429));
        assertEquals(1, scrape.sum("trellis_gateway_requests_seconds_count",
                Map.of("route", "event-service", "upstream", "none", "status", "429")));
    }
}
