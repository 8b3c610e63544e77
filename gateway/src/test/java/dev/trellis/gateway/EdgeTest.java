package dev.trellis.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trellis.gateway.testing.GatewayTestProfile;
import dev.trellis.gateway.testing.RawHttp;
import dev.trellis.gateway.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Headers the services may trust because only the gateway sets them, and CORS. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class EdgeTest {

    private static final String ORIGIN = GatewayTestProfile.CORS_ORIGIN;
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @TestHTTPResource("/")
    URL gateway;

    private JsonObject headersSeenUpstream(Map<String, String> sent) {
        Map<String, String> headers = new LinkedHashMap<>(sent);
        headers.put("Authorization", "Bearer " + Tokens.withRoles("partner"));
        RawHttp.Response response = RawHttp.send(gateway.getPort(), "GET", "/api/partners/1", headers);
        assertEquals(200, response.status(), response.body());
        return new JsonObject(response.body()).getJsonObject("headers");
    }

    @Test
    void forwardedHeadersAreTheGatewaysNotTheCallers() {
        JsonObject seen = headersSeenUpstream(Map.of(
                "X-Forwarded-For", "10.9.8.7",
                "X-Forwarded-Host", "evil.test",
                "X-Forwarded-Proto", "https",
                "Forwarded", "for=10.9.8.7;host=evil.test",
                "X-Real-IP", "10.9.8.7"));

        assertEquals("127.0.0.1", seen.getString("x-forwarded-for"));
        assertEquals("http", seen.getString("x-forwarded-proto"));
        assertEquals("127.0.0.1:" + gateway.getPort(), seen.getString("x-forwarded-host"));
        assertNull(seen.getString("forwarded"));
        assertNull(seen.getString("x-real-ip"));
    }

    @Test
    void methodAndPathOverridesNeverReachAService() {
        JsonObject seen = headersSeenUpstream(Map.of(
                "X-HTTP-Method-Override", "DELETE",
                "X-Original-URL", "/q/health",
                "X-Rewrite-URL", "/q/health",
                "X-Original-Method", "DELETE"));

        for (String name : List.of("x-http-method-override", "x-original-url", "x-rewrite-url", "x-original-method")) {
            assertNull(seen.getString(name), name);
        }
    }

    @Test
    void requestIdReachesTheService() {
        JsonObject seen = headersSeenUpstream(Map.of("X-Request-Id", "abc-123"));
        assertEquals("abc-123", seen.getString("x-request-id"));
    }

    @Test
    void aValidTraceparentIsContinuedByTheGatewaysOwnSpan() {
        JsonObject seen = headersSeenUpstream(Map.of("traceparent", TRACEPARENT, "tracestate", "vendor=1"));
        String upstream = seen.getString("traceparent");
        assertNotNull(upstream, "the gateway's span context goes upstream");
        assertTrue(upstream.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), upstream);
        assertEquals(TRACEPARENT.substring(3, 35), upstream.substring(3, 35), "the caller's trace");
        assertNotEquals(TRACEPARENT.substring(36, 52), upstream.substring(36, 52), "a span of the gateway's own");
        assertEquals("vendor=1", seen.getString("tracestate"));
    }

    @Test
    void withoutATraceparentTheGatewayStartsTheTrace() {
        String upstream = headersSeenUpstream(Map.of()).getString("traceparent");
        assertNotNull(upstream);
        assertTrue(upstream.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), upstream);
    }

    @Test
    void aMalformedTraceparentNeverReachesTheServiceNorItsTracestate() {
        for (String junk : List.of("00-xyz", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01", TRACEPARENT + "-extra")) {
            JsonObject seen = headersSeenUpstream(Map.of("traceparent", junk, "tracestate", "vendor=1"));
            String upstream = seen.getString("traceparent");
            assertNotNull(upstream, junk);
            assertTrue(upstream.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), junk + " became " + upstream);
            assertNotEquals(junk, upstream);
            assertNull(seen.getString("tracestate"), junk);
        }
    }

    @Test
    void servicesHopByHopHeadersStayBetweenGatewayAndService() {
        RawHttp.Response response = RawHttp.send(gateway.getPort(), "GET", "/api/partners/1",
                Map.of("Authorization", "Bearer " + Tokens.withRoles("partner")));
        assertEquals(200, response.status());
        assertEquals(List.of(), response.header("Keep-Alive"));
        assertEquals(List.of(), response.header("X-Hop"), "named in the service's Connection header");
        assertEquals(List.of("close"), response.header("Connection"), "the caller asked for close; nothing else");
    }

    // ---- CORS ---------------------------------------------------------------------------------------

    @Test
    void preflightFromAnAllowedOriginIsAnsweredWithoutAToken() {
        given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,if-match")
                .when().options("/api/partners/1")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", ORIGIN)
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("PATCH"))
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.containsString("If-Match"))
                .header("Access-Control-Max-Age", "600")
                .header("Vary", org.hamcrest.Matchers.containsString("Origin"));
    }

    @Test
    void preflightFromAnUnknownOriginIs403ProblemWithoutCorsHeaders() {
        given().header("Origin", "https://evil.test").header("Access-Control-Request-Method", "GET")
                .when().options("/api/partners")
                .then().statusCode(403)
                .header("Content-Type", startsWith("application/problem+json"))
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue());
    }

    @Test
    void allowedOriginGetsItsOwnOriginBackNotTheServicesWildcard() {
        given().auth().oauth2(Tokens.withRoles("partner")).header("Origin", ORIGIN)
                .when().get("/api/partners")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", ORIGIN)
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("X-Request-Id"));
    }

    @Test
    void unknownOriginGetsNoCorsHeadersAtAll() {
        given().auth().oauth2(Tokens.withRoles("partner")).header("Origin", "https://evil.test")
                .when().get("/api/partners")
                .then().statusCode(200)
                .body("upstream", equalTo("partner-service"))
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Expose-Headers", nullValue());
    }

    @Test
    void withoutOriginTheServicesCorsHeadersAreStillDropped() {
        given().auth().oauth2(Tokens.withRoles("partner")).when().get("/api/partners")
                .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void gatewayErrorsCarryCorsHeadersSoBrowsersCanReadThem() {
        given().header("Origin", ORIGIN).when().get("/api/partners")
                .then().statusCode(401)
                .header("Access-Control-Allow-Origin", ORIGIN);
    }
}
