package dev.trellis.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.gateway.testing.FakeUpstreams;
import dev.trellis.gateway.testing.GatewayTestProfile;
import dev.trellis.gateway.testing.RawHttp;
import dev.trellis.gateway.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class GatewayTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TestHTTPResource("/")
    URL gateway;

    /** The management interface's root, {@code http://host:port/q/}. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    // ---- routing ---------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "/api/partners, partner-service",
            "/api/partners/7f1c7a52-1d9e-4c55-9a2b-0d7a4c1e2f3a, partner-service",
            "/api/contacts/42, partner-service",
            "/api/touchpoints, partner-service",
            "/api/erasure-requests, partner-service",
            "/api/boards/9/seats, advisory-service",
            "/api/board-compositions, advisory-service",
            "/api/events/12, event-service",
            "/api/user-groups, event-service",
            "/api/calendar/events.ics, event-service",
            "/api/audit/partner, partner-service",
            "/api/audit/advisory, advisory-service",
            "/api/audit/event, event-service",
            "/api/privacy/partner/subjects, partner-service",
            "/api/privacy/advisory/subjects, advisory-service",
            "/api/privacy/event/subjects, event-service",
            "/api/privacy/event/retention-runs, event-service",
    })
    void memberTokenReachesTheServiceOwningThePrefix(String path, String service) {
        String token = Tokens.withRoles("partner");
        JsonObject seen = new JsonObject(given().auth().oauth2(token)
                .when().get(path)
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID))
                .extract().asString());

        assertEquals(service, seen.getString("upstream"));
        assertEquals(path, seen.getString("uri"));
        assertEquals("Bearer " + token, seen.getString("authorization"), "Authorization passes through unchanged");
        assertTrue(seen.getString("requestId").matches(UUID), "the upstream gets a generated request id");
    }

    @Test
    void everyRoleOfTheRealmMayCallTheApi() {
        for (String role : List.of("community-team", "foundation-staff", "partner")) {
            given().auth().oauth2(Tokens.withRoles(role)).when().get("/api/boards").then().statusCode(200);
        }
    }

    @Test
    void upstreamSeesTheNormalisedPathAndTheQueryAsSent() {
        RawHttp.Response response = RawHttp.send(gateway.getPort(), "GET",
                "/api/partners/a/./b/../%63?name=x%2Fy&limit=5", bearer(Tokens.withRoles("partner")));

        assertEquals(200, response.status());
        assertEquals("/api/partners/a/c?name=x%2Fy&limit=5", new JsonObject(response.body()).getString("uri"));
    }

    @Test
    void requestIdFromTheCallerIsKeptAndEchoedOnce() {
        RawHttp.Response response = RawHttp.send(gateway.getPort(), "GET", "/api/contacts",
                Map.of("Authorization", "Bearer " + Tokens.withRoles("partner"), "X-Request-Id", "trace-abc.123"));

        assertEquals(List.of("trace-abc.123"), response.header("X-Request-Id"), "the upstream's own id is dropped");
        assertEquals("trace-abc.123", new JsonObject(response.body()).getString("requestId"));
    }

    @Test
    void unusableRequestIdIsReplaced() {
        String sent = "x".repeat(200);
        String echoed = given().auth().oauth2(Tokens.withRoles("partner")).header("X-Request-Id", sent)
                .when().get("/api/contacts")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID))
                .extract().header("X-Request-Id");
        assertNotEquals(sent, echoed);
    }

    @Test
    void requestBodyIsStreamedToTheUpstream() {
        String body = "{\"name\":\"" + "a".repeat(300_000) + "\"}";
        given().auth().oauth2(Tokens.withRoles("community-team")).contentType(ContentType.JSON).body(body)
                .when().post("/api/partners")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("bodyLength", equalTo(body.length()));
    }

    @Test
    void webSocketUpgradeIsNotTunnelled() {
        RawHttp.Response response = RawHttp.send(gateway.getPort(), "GET", "/api/partners", Map.of(
                "Authorization", "Bearer " + Tokens.withRoles("partner"),
                "Connection", "Upgrade",
                "Upgrade", "websocket",
                "Sec-WebSocket-Version", "13",
                "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="));

        assertEquals(200, response.status(), "proxied as a plain request");
        assertTrue(new JsonObject(response.body()).getValue("upgrade") == null, "no Upgrade header reaches the upstream");
    }

    // ---- not found, bad paths, upstream down -------------------------------------------------------

    /** The test runs no insights or webhook service: a path of theirs is routed (503), not unowned (404). */
    @ParameterizedTest
    @ValueSource(strings = { "/api/insights/at-risk", "/api/privacy/insights/retention-runs",
            "/api/webhooks/subscriptions", "/api/privacy/webhook/retention-runs" })
    void pathsOfAServiceTheTestDoesNotRunAreRoutedToIt(String path) {
        problem(given().auth().oauth2(Tokens.withRoles("partner")).when().get(path).then(), 503)
                .body("detail", containsString("not reachable"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/unknown", "/api/partnersX", "/api/partners-x/1", "/api", "/api/" })
    void pathOwnedByNoServiceIs404Problem(String path) {
        problem(given().auth().oauth2(Tokens.withRoles("partner")).when().get(path).then(), 404)
                .header("X-Request-Id", notNullValue());
    }

    @Test
    void unreachableUpstreamIs503ProblemQuickly() {
        problem(given().auth().oauth2(Tokens.withRoles("partner")).when().get("/api/offline/1").then(), 503)
                .header("Retry-After", notNullValue())
                .time(lessThan(3_000L))
                .body("detail", containsString("not reachable"))
                .body("detail", org.hamcrest.Matchers.not(containsString("127.0.0.1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/partners/%2F..%2Fq/health",
            "/api/partners/%2f..%2f..%2fq%2fhealth",
            "/api/partners/..;/..;/q/health",
            "/api/partners/x;jsessionid=1",
            "/api/partners/%5C..%5Cq",
            "/api/partners/%252e%252e/q",
    })
    void ambiguousPathIsRejectedNotForwarded(String target) {
        RawHttp.Response response = RawHttp.send(gateway.getPort(), "GET", target, bearer(Tokens.withRoles("partner")));

        assertEquals(400, response.status());
        assertEquals(List.of("application/problem+json"), response.header("Content-Type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/partners/../../q/health",
            "/api/partners/%2e%2e/%2E%2E/q/health",
            "/api/partners/./../../q/health/ready",
    })
    void dotSegmentsResolveInsideTheGatewayNeverAtTheUpstream(String target) {
        RawHttp.Response response = RawHttp.send(gateway.getPort(), "GET", target, bearer(Tokens.withRoles("partner")));

        // Resolved to the gateway's own /q/health, which its public port closes (health is on the management port).
        assertEquals(403, response.status());
        assertEquals(List.of("application/problem+json"), response.header("Content-Type"));
        assertTrue(!response.body().contains("upstream"), response.body());
    }

    @Test
    void noUpstreamEverReceivesAQPath() {
        // Try every trick first, in case this test runs before the others.
        for (String target : List.of("/api/partners/../../q/health", "/api/partners/%2F..%2Fq/health",
                "/api/boards/..%2F..%2Fq/metrics", "/api/events/%2e%2e/%2e%2e/q/dev", "/api/calendar/..;/..;/q/health")) {
            RawHttp.send(gateway.getPort(), "GET", target, bearer(Tokens.withRoles("partner")));
            RawHttp.send(gateway.getPort(), "GET", target, Map.of());
        }
        for (String service : FakeUpstreams.SERVICES) {
            URI upstream = URI.create(ConfigProvider.getConfig()
                    .getValue("trellis.gateway.routes." + service + ".upstream", String.class));
            RawHttp.Response seen = RawHttp.send(upstream.getPort(), "GET", FakeUpstreams.SEEN, Map.of());
            for (Object uri : new JsonArray(seen.body())) {
                assertTrue(!uri.toString().startsWith("/q") && !uri.toString().contains("/q/"),
                        service + " received " + uri);
            }
        }
    }

    // ---- authentication and permissions ------------------------------------------------------------

    @Test
    void noTokenIs401ProblemWithBearerChallenge() {
        problem(given().when().get("/api/partners").then(), 401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("X-Request-Id", matchesPattern(UUID))
                .body("detail", equalTo("A valid bearer token is required"));
    }

    @Test
    void tokenForAnotherAudienceIs401() {
        problem(given().auth().oauth2(Tokens.forAudience("account", "partner")).when().get("/api/partners").then(), 401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void expiredTokenIs401() {
        problem(given().auth().oauth2(Tokens.expired("partner")).when().get("/api/partners").then(), 401);
    }

    @Test
    void tokenFromAnotherIssuerIs401() {
        problem(given().auth().oauth2(Tokens.fromIssuer("https://evil.test/issuer", "partner"))
                .when().get("/api/partners").then(), 401);
    }

    @Test
    void tokenSignedByAnUntrustedKeyIs401() {
        problem(given().auth().oauth2(Tokens.signedByStranger("partner")).when().get("/api/partners").then(), 401);
    }

    @Test
    void malformedTokenIs401() {
        problem(given().header("Authorization", "Bearer not.a.jwt").when().get("/api/partners").then(), 401);
    }

    @Test
    void tokenWithoutATrellisRoleIs403Problem() {
        problem(given().auth().oauth2(Tokens.withRoles("offline_access")).when().get("/api/partners").then(), 403)
                .body("detail", equalTo("Your role does not allow this request"));
    }

    @Test
    void anonymousMayReadTheCalendarFeed() {
        given().when().get("/api/calendar/events.ics")
                .then().statusCode(200)
                .body("upstream", equalTo("event-service"))
                .body("uri", equalTo("/api/calendar/events.ics"))
                .body("authorization", nullValue());
        given().when().head("/api/calendar/events.ics").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/events", "/api/events/12", "/api/user-groups", "/api/user-groups/3/events" })
    void anonymousMayReadEventsAndUserGroups(String path) {
        given().when().get(path).then().statusCode(200).body("upstream", equalTo("event-service"));
    }

    @ParameterizedTest
    @CsvSource({ "POST, /api/events", "PUT, /api/events/12", "PATCH, /api/user-groups/3", "DELETE, /api/calendar/x",
            "OPTIONS, /api/events", "POST, /api/partners", "GET, /api/boards", "HEAD, /api/contacts" })
    void anonymousMayNotWriteOrReadPrivateData(String method, String path) {
        given().when().request(method, path).then().statusCode(401);
    }

    @Test
    void aGuestMayCancelOneRegistrationWithoutAToken() {
        // event-service checks the X-Cancel-Token; the gateway opens only DELETE below .../registrations
        // (Quarkus' trailing /* also matches the collection itself, where event-service has no DELETE).
        given().header("X-Cancel-Token", "t").when().delete("/api/events/12/registrations/34")
                .then().statusCode(200).body("upstream", equalTo("event-service"));
    }

    @ParameterizedTest
    @CsvSource({ "GET, /api/events/12/registrations/34/x", "PATCH, /api/events/12/registrations/34",
            "POST, /api/events/12/registrations/34", "DELETE, /api/events/12", "DELETE, /api/events/12/sponsorships/34", "POST, /api/events/12/registrations" })
    void anonymousMayNotDoAnythingElseWithRegistrations(String method, String path) {
        given().when().request(method, path).then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = { "POST", "PUT", "PATCH", "DELETE", "OPTIONS" })
    void memberMayUseEveryMethodOnTheEventPaths(String method) {
        given().auth().oauth2(Tokens.withRoles("foundation-staff")).when().request(method, "/api/events/12")
                .then().statusCode(200)
                .body("method", equalTo(method));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/health", "/q/health/live", "/q/health/ready", "/q/health/started" })
    void healthAnswersOnTheManagementInterfaceOnly(String path) {
        given().when().get(URI.create(management.toString()).resolve(path)).then().statusCode(200).body("status", equalTo("UP"));
        problem(given().when().get(path).then(), 401);
        given().auth().oauth2(Tokens.withRoles("foundation-staff")).when().get(path)
                .then().statusCode(403).header("Content-Type", startsWith("application/problem+json"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/anything", "/apix/partners", "/partners" })
    void aPathNoRouteServesIsA404ProblemToAnyone(String path) {
        problem(given().when().get(path).then(), 404);
        problem(given().auth().oauth2(Tokens.withRoles("foundation-staff")).when().get(path).then(), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/metrics", "/q/dev-ui", "/q/openapi" })
    void theGatewaysOwnEndpointsAreClosed(String path) {
        problem(given().when().get(path).then(), 401);
        given().auth().oauth2(Tokens.withRoles("foundation-staff")).when().get(path)
                .then().statusCode(403).header("Content-Type", startsWith("application/problem+json"));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("type", equalTo("about:blank"))
                .body("title", notNullValue())
                .body("status", is(status))
                .body("detail", notNullValue())
                .body(org.hamcrest.Matchers.not(containsString("Exception")));
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
