package dev.trellis.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trellis.gateway.testing.FakeUpstreams;
import dev.trellis.gateway.testing.GatewayTestProfile;
import dev.trellis.gateway.testing.RawHttp;
import dev.trellis.gateway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Timeouts, the connection pool, retries and the circuit breaker, against the fake slow, flaky and
 * holding upstreams. The test profile sets slow-service's timeout to 500 ms, the breaker to open after
 * 3 failures for 1 s, and 20 connections per upstream.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class UpstreamTest {

    private static final String TOKEN = Tokens.withRoles("foundation-staff");

    @Test
    void silentUpstreamIs504ProblemAfterTheRoutesTimeout() {
        // vertx-http-proxy has no timeout: without one this request would hang for good.
        given().auth().oauth2(TOKEN).when().get("/api/slow/report")
                .then().statusCode(504)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("status", equalTo(504))
                .body("detail", containsString("did not answer in time"));
        assertEquals(1, attemptsAt("slow-service", "/api/slow/report"), "a timed-out GET is not retried");
    }

    @Test
    void callersThatHangUpDoNotOpenTheBreaker() throws Exception {
        // More aborted requests than the breaker's threshold (3), each hanging up while slow-service
        // still owes the answer: the upstream is not at fault, so the next request still reaches it
        // (504 after the route's timeout), instead of a 503 from an open breaker.
        for (int i = 0; i < 5; i++) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gatewayPort())) {
                socket.getOutputStream().write(("GET /api/slow/hang-up-" + i + " HTTP/1.1\r\nHost: x\r\n"
                        + "Authorization: Bearer " + TOKEN + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                sleep(150);
            }
        }
        sleep(200);
        given().auth().oauth2(TOKEN).when().get("/api/slow/after-hang-ups").then().statusCode(504);
    }

    @Test
    void upstreamGetsAsManyConnectionsAsConfiguredNotFive() {
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + gatewayPort() + "/api/partners/pool/hold");
        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, FakeUpstreams.HOLD)
                .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            HttpResponse<String> done = response.join();
            assertEquals(200, done.statusCode(), done.body());
            // The upstream answers when HOLD requests wait at once; with a pool of 5 only 5 ever could.
            assertEquals(FakeUpstreams.HOLD, new JsonObject(done.body()).getInteger("held"));
        }
    }

    @Test
    void getIsRetriedOnceAfterTheConnectionBroke() {
        awaitFlakyUp();
        control("next=1");
        String path = "/api/flaky/" + UUID.randomUUID();
        given().auth().oauth2(TOKEN).when().get(path).then().statusCode(200).body("uri", equalTo(path));
        assertEquals(2, attemptsAt("flaky-service", path));
    }

    @Test
    void writesAreNeverRetried() {
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            awaitFlakyUp();
            control("next=1");
            String path = "/api/flaky/" + UUID.randomUUID();
            given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{}")
                    .when().request(method, path)
                    .then().statusCode(502)
                    .header("Content-Type", startsWith("application/problem+json"))
                    .body("status", equalTo(502));
            assertEquals(1, attemptsAt("flaky-service", path), method);
        }
        control("next=0");
    }

    @Test
    void breakerOpensAfterConsecutiveFailuresAndAProbeClosesIt() {
        tripFlakyBreaker();
        try {
            String path = "/api/flaky/" + UUID.randomUUID();
            given().auth().oauth2(TOKEN).when().get(path)
                    .then().statusCode(503)
                    .header("Content-Type", startsWith("application/problem+json"))
                    .header("Retry-After", notNullValue())
                    .body("status", equalTo(503));
            assertEquals(0, attemptsAt("flaky-service", path), "an open breaker answers without asking the upstream");
        } finally {
            control("always=false");
        }
        // After the open delay one probe goes through; its success closes the breaker.
        awaitFlakyUp();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(TOKEN).when().get("/api/flaky/ok").then().statusCode(200);
        }
    }

    @Test
    void failedProbeOpensTheBreakerAgain() {
        tripFlakyBreaker();
        try {
            // Wait for the half-open probe: the first request that reaches the upstream again.
            String probe = "/api/flaky/" + UUID.randomUUID();
            awaitStatus(probe, "POST", 502);
            // The probe failed, so the breaker is open again: fast 503 without an upstream call.
            String path = "/api/flaky/" + UUID.randomUUID();
            given().auth().oauth2(TOKEN).when().get(path).then().statusCode(503);
            assertEquals(0, attemptsAt("flaky-service", path));
        } finally {
            control("always=false");
        }
        awaitFlakyUp();
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** Takes flaky-service down and fails three POSTs (not retried), which opens its breaker. */
    private static void tripFlakyBreaker() {
        awaitFlakyUp();
        control("always=true");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/flaky/trip").then().statusCode(502);
        }
    }

    /** Polls until the flaky upstream answers through the gateway, i.e. its breaker is closed. */
    private static void awaitFlakyUp() {
        awaitStatus("/api/flaky/ping", "GET", 200);
    }

    private static void awaitStatus(String path, String method, int status) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(method.equals("GET") ? "" : "{}")
                    .when().request(method, path).then().extract().statusCode();
            if (last == status) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError(method + " " + path + " never answered " + status + "; last " + last);
    }

    private static void control(String query) {
        RawHttp.send(upstreamPort("flaky-service"), "GET", FakeUpstreams.FAIL + "?" + query, Map.of());
    }

    private static long attemptsAt(String service, String path) {
        RawHttp.Response seen = RawHttp.send(upstreamPort(service), "GET", FakeUpstreams.SEEN, Map.of());
        return new JsonArray(seen.body()).stream().filter(path::equals).count();
    }

    private static int upstreamPort(String service) {
        return URI.create(ConfigProvider.getConfig().getValue("trellis.gateway.routes." + service + ".upstream", String.class))
                .getPort();
    }

    private static int gatewayPort() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
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
