package dev.trellis.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.gateway.testing.FakeUpstreams;
import dev.trellis.gateway.testing.GatewayTestProfile;
import dev.trellis.gateway.testing.RawHttp;
import dev.trellis.gateway.testing.Scrape;
import dev.trellis.gateway.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The gateway's meters on the management interface move when requests pass, with the right tags. The
 * application is shared with the other tests of this profile, so every check compares a scrape before
 * with one after. (429s are counted in {@link RateLimitTest}, which has low limits.)
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class MetricsTest {

    private static final String REQUESTS = "trellis_gateway_requests_seconds_count";
    private static final String TOKEN = Tokens.withRoles("partner");
    /** What a label value of the gateway's own meters may look like: names, methods, statuses, bucket bounds. */
    private static final Pattern LABEL_VALUE = Pattern.compile("[A-Za-z0-9.+_-]{1,40}");

    @TestHTTPResource("/")
    URL gateway;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void proxiedRequestsAreCountedByRouteMethodStatusAndUpstream() {
        Map<String, String> partnerGets = Map.of("route", "partner-service", "upstream", "partner-service",
                "method", "GET", "status", "200", "status_class", "2xx");
        Map<String, String> boardPosts = Map.of("route", "advisory-service", "upstream", "advisory-service",
                "method", "POST", "status", "200");
        Scrape before = scrape();

        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TOKEN).when().get("/api/partners/" + UUID.randomUUID()).then().statusCode(200);
        }
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{}").when().post("/api/boards").then().statusCode(200);

        Scrape after = awaitScrape(s -> s.sum(REQUESTS, partnerGets) - before.sum(REQUESTS, partnerGets) >= 3);
        assertEquals(3, after.sum(REQUESTS, partnerGets) - before.sum(REQUESTS, partnerGets));
        assertEquals(1, after.sum(REQUESTS, boardPosts) - before.sum(REQUESTS, boardPosts));
        // A histogram with fixed buckets: every request is in +Inf, and the timer has a few finite ones.
        Map<String, String> inf = new HashMap<>(partnerGets);
        inf.put("le", "+Inf");
        assertEquals(3, after.sum("trellis_gateway_requests_seconds_bucket", inf)
                - before.sum("trellis_gateway_requests_seconds_bucket", inf));
        long buckets = after.samples().stream().filter(s -> s.name().equals("trellis_gateway_requests_seconds_bucket")
                && s.labels().entrySet().containsAll(partnerGets.entrySet())).count();
        assertTrue(buckets > 5 && buckets < 20, "a small fixed set of buckets, not " + buckets);
        assertTrue(after.sum("trellis_gateway_requests_seconds_sum", partnerGets) > 0);
    }

    @Test
    void requestsTheGatewayAnswersItselfHaveUpstreamNone() {
        Map<String, String> unauthenticated = Map.of("route", "partner-service", "upstream", "none", "status", "401",
                "status_class", "4xx");
        Map<String, String> notFound = Map.of("route", "none", "upstream", "none", "method", "GET", "status", "404");
        Map<String, String> ownDocs = Map.of("route", "gateway", "upstream", "none", "status", "200");
        Scrape before = scrape();

        given().when().get("/api/partners/" + UUID.randomUUID()).then().statusCode(401);
        given().auth().oauth2(TOKEN).when().get("/api/unknown/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(TOKEN).when().get("/nowhere/" + UUID.randomUUID()).then().statusCode(404);
        given().when().get("/api/openapi").then().statusCode(200);

        Scrape after = awaitScrape(s -> s.sum(REQUESTS, ownDocs) > before.sum(REQUESTS, ownDocs));
        assertEquals(1, after.sum(REQUESTS, unauthenticated) - before.sum(REQUESTS, unauthenticated));
        assertEquals(2, after.sum(REQUESTS, notFound) - before.sum(REQUESTS, notFound));
        assertEquals(1, after.sum(REQUESTS, ownDocs) - before.sum(REQUESTS, ownDocs));
    }

    @Test
    void openBreakerShowsAsTwoAndItsTransitionsAndFailuresAreCounted() {
        Map<String, String> flaky = Map.of("upstream", "flaky-service");
        Map<String, String> opened = Map.of("upstream", "flaky-service", "to", "open");
        Map<String, String> halfOpened = Map.of("upstream", "flaky-service", "to", "half-open");
        Map<String, String> closed = Map.of("upstream", "flaky-service", "to", "closed");
        Map<String, String> resets = Map.of("upstream", "flaky-service", "kind", "reset");
        Map<String, String> fastRefusals = Map.of("route", "flaky-service", "upstream", "none", "status", "503");
        Map<String, String> badGateway = Map.of("route", "flaky-service", "upstream", "flaky-service", "status", "502");
        String state = "trellis_gateway_circuit_breaker_state";
        String transitions = "trellis_gateway_circuit_breaker_transitions_total";
        awaitStatus("/api/flaky/ping", 200);
        Scrape before = scrape();
        assertEquals(0, before.sum(state, flaky), "closed");

        control("always=true");
        try {
            for (int i = 0; i < 3; i++) {
                given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{}").when().post("/api/flaky/trip")
                        .then().statusCode(502);
            }
            given().auth().oauth2(TOKEN).when().get("/api/flaky/" + UUID.randomUUID()).then().statusCode(503);

            Scrape open = awaitScrape(s -> s.sum(REQUESTS, fastRefusals) > before.sum(REQUESTS, fastRefusals));
            assertEquals(2, open.sum(state, flaky), "open");
            assertEquals(1, open.sum(transitions, opened) - before.sum(transitions, opened));
            assertEquals(3, open.sum("trellis_gateway_upstream_failures_total", resets)
                    - before.sum("trellis_gateway_upstream_failures_total", resets), "a closed connection is a reset");
            assertEquals(3, open.sum(REQUESTS, badGateway) - before.sum(REQUESTS, badGateway), "sent, then failed");
            assertEquals(1, open.sum(REQUESTS, fastRefusals) - before.sum(REQUESTS, fastRefusals), "refused by the breaker");
        } finally {
            control("always=false");
        }
        // After the open delay a probe goes through and closes the breaker again.
        awaitStatus("/api/flaky/ping", 200);
        Scrape recovered = scrape();
        assertEquals(0, recovered.sum(state, flaky), "closed again");
        assertEquals(1, recovered.sum(transitions, halfOpened) - before.sum(transitions, halfOpened));
        assertEquals(1, recovered.sum(transitions, closed) - before.sum(transitions, closed));
    }

    @Test
    void timeoutsAndRefusedConnectionsAreCountedByKind() {
        Map<String, String> timeouts = Map.of("upstream", "slow-service", "kind", "timeout");
        Map<String, String> refused = Map.of("upstream", "offline-service", "kind", "refused");
        String failures = "trellis_gateway_upstream_failures_total";
        Scrape before = scrape();

        given().auth().oauth2(TOKEN).when().get("/api/slow/" + UUID.randomUUID()).then().statusCode(504);
        // offline-service's breaker may be open from another test: then the 503 comes without an attempt.
        Scrape after = awaitScrape(s -> {
            given().auth().oauth2(TOKEN).when().get("/api/offline/" + UUID.randomUUID()).then().statusCode(503);
            return s.sum(failures, refused) > before.sum(failures, refused);
        });
        assertEquals(1, after.sum(failures, timeouts) - before.sum(failures, timeouts), "a timed-out GET is not retried");
        assertTrue(after.sum(failures, refused) > before.sum(failures, refused));
        assertEquals(0, after.sum(failures, Map.of("upstream", "partner-service", "kind", "timeout")), "other upstreams untouched");
    }

    @Test
    void shapeAndBodyLimitRefusalsAreCountedByReason() {
        String shape = "trellis_gateway_request_shape_refusals_total";
        String body = "trellis_gateway_body_limit_refusals_total";
        Map<String, String> uriTooLong = Map.of("reason", "uri-too-long", "status", "414");
        Map<String, String> headersTooLarge = Map.of("reason", "headers-too-large", "status", "431");
        Map<String, String> ambiguous = Map.of("reason", "ambiguous-path", "status", "400");
        Map<String, String> declared = Map.of("body", "declared");
        Scrape before = scrape();

        given().auth().oauth2(TOKEN).when().get("/api/partners?q=" + "x".repeat(5000)).then().statusCode(414);
        given().auth().oauth2(TOKEN).header("X-Padding", "p".repeat(21 * 1024)).when().get("/api/partners").then().statusCode(431);
        assertEquals(400, RawHttp.send(gateway.getPort(), "GET", "/api/partners/a;b", Map.of("Authorization", "Bearer " + TOKEN)).status());
        assertEquals(413, RawHttp.send(gateway.getPort(), "POST", "/api/partners",
                Map.of("Content-Length", Integer.toString(2 * 1024 * 1024), "Content-Type", "application/json")).status());

        Scrape after = awaitScrape(s -> s.sum(body, declared) > before.sum(body, declared));
        assertEquals(1, after.sum(shape, uriTooLong) - before.sum(shape, uriTooLong));
        assertEquals(1, after.sum(shape, headersTooLarge) - before.sum(shape, headersTooLarge));
        assertEquals(1, after.sum(shape, ambiguous) - before.sum(shape, ambiguous));
        assertEquals(1, after.sum(body, declared) - before.sum(body, declared));
        // Each is a request too, timed under the route its path belongs to and answered by the gateway.
        Map<String, String> refused413 = Map.of("route", "partner-service", "upstream", "none", "status", "413");
        assertEquals(1, after.sum(REQUESTS, refused413) - before.sum(REQUESTS, refused413));
    }

    @Test
    void noRawPathQueryTokenOrUserAppearsInAnyLabel() {
        String id = UUID.randomUUID().toString();
        String subject = "subject-" + UUID.randomUUID();
        String token = Tokens.forSubject(subject, "partner");
        given().auth().oauth2(token).when().get("/api/partners/" + id + "?secret=" + id).then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/nothing-here/" + id).then().statusCode(404);
        given().header("Authorization", "Bearer " + token + "x").when().get("/api/contacts/" + id).then().statusCode(401);

        Scrape scrape = awaitScrape(s -> s.has(REQUESTS, Map.of("route", "partner-service")));
        assertFalse(scrape.text().contains(id), "no path or query");
        assertFalse(scrape.text().contains(subject), "no user");
        assertFalse(scrape.text().contains(token.substring(token.lastIndexOf('.') + 1)), "no token");
        scrape.samples().stream().filter(s -> s.name().startsWith("trellis_gateway_")).forEach(s -> s.labels().forEach((k, v) ->
                assertTrue(LABEL_VALUE.matcher(v).matches(), s.name() + " " + k + "=" + v)));
    }

    @Test
    void metricsAreServedOnTheManagementPortOnlyAndItsScrapesAreNotCounted() {
        int status = given().when().get("/q/metrics").then().extract().statusCode();
        assertNotEquals(200, status, "the public port never serves /q/metrics");
        assertTrue(status == 401 || status == 403, "closed like every /q/* path: " + status);
        scrape();
        Scrape scrape = scrape();
        assertFalse(scrape.has(REQUESTS, Map.of("route", "none", "status", "200")),
                "a scrape on the management interface is not a gateway request");
        assertTrue(scrape.has("trellis_gateway_rate_limited_total", Map.of("limit", "per-user")),
                "refusal counters exist before the first refusal");
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private Scrape scrape() {
        return Scrape.of(management);
    }

    /**
     * A response reaches the client as the gateway ends it, and the meter is recorded right after: poll
     * briefly rather than assume the order.
     */
    private Scrape awaitScrape(Predicate<Scrape> done) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        Scrape scrape = scrape();
        while (!done.test(scrape) && System.nanoTime() < deadline) {
            sleep(50);
            scrape = scrape();
        }
        return scrape;
    }

    private static void awaitStatus(String path, int status) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = given().auth().oauth2(TOKEN).when().get(path).then().extract().statusCode();
            if (last == status) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("GET " + path + " never answered " + status + "; last " + last);
    }

    private static void control(String query) {
        int port = URI.create(ConfigProvider.getConfig().getValue("trellis.gateway.routes.flaky-service.upstream", String.class))
                .getPort();
        RawHttp.send(port, "GET", FakeUpstreams.FAIL + "?" + query, Map.of());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
