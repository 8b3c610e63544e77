package dev.trellis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Stack;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Mass assignment, oversized bodies, huge limits and deep JSON: each a 4xx, and every service stays up. */
class AbuseIT {

    @Test
    void partnersPatchCarryingTierStatusOrIdChangesNothing() {
        URI me = Stack.GATEWAY.resolve("/api/partners/me");
        Http.Response before = Http.get(Caller.PARTNER_A, me);
        String etag = before.header("ETag").orElseThrow();
        for (String field : List.of(
                "{\"tier\":\"PLATINUM\"}",
                "{\"status\":\"ACTIVE\",\"lifecycleStatus\":\"ACTIVE\"}",
                "{\"id\":\"" + Stack.PARTNER_B + "\"}",
                "{\"name\":\"Acme Cloud (renamed by itself)\"}",
                "{\"description\":\"fine\",\"tier\":\"PLATINUM\"}",
                "{\"version\":0}")) {
            Http.Response r = Http.call(Caller.PARTNER_A, "PATCH", me, field, Map.of("If-Match", etag));
            assertEquals(403, r.status(), field + ": " + r);
            assertTrue(r.header("Content-Type").orElse("").startsWith("application/problem+json"), r.toString());
        }
        Http.Response after = Http.get(Caller.PARTNER_A, me);
        assertEquals(before.json(), after.json(), "the organisation changed");
        assertEquals(etag, after.header("ETag").orElseThrow(), "the version moved");
    }

    @TestFactory
    Stream<DynamicTest> oversizedBodiesGet413() {
        String big = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        return across(base -> {
            Http.Response r = Http.send(Http.request(base.resolve("/api/partners"))
                    .header("Authorization", "Bearer " + Caller.TEAM.token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(big)));
            assertEquals(413, r.status(), r.toString());
        });
    }

    @TestFactory
    Stream<DynamicTest> hugeLimitsGet400() {
        return across(base -> {
            for (String limit : List.of("1000000", "2147483648", "-1", "0", "abc")) {
                Http.Response r = Http.get(Caller.TEAM, base.resolve("/api/partners?limit=" + limit));
                assertEquals(400, r.status(), "limit=" + limit + ": " + r);
                assertTrue(r.header("Content-Type").orElse("").startsWith("application/problem+json"), r.toString());
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> deeplyNestedJsonGets4xx() {
        String deepArray = "[".repeat(100_000) + "]".repeat(100_000);
        String deepObject = "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000);
        return across(base -> {
            for (String body : List.of(deepArray, deepObject)) {
                Http.Response r = Http.send(Http.request(base.resolve("/api/contacts"))
                        .header("Authorization", "Bearer " + Caller.TEAM.token())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
                assertTrue(r.status() >= 400 && r.status() < 500, r.toString());
                TokenAttackIT.assertNoStackTrace(r);
            }
        });
    }

    @Test
    void everyServiceIsStillUpAfterTheAbuse() {
        for (Map.Entry<String, URI> service : Stack.MANAGEMENT.entrySet()) {
            Http.Response r = Http.send(Http.request(service.getValue().resolve("/q/health/live")));
            assertEquals(200, r.status(), service.getKey() + ": " + r);
            JsonNode health = r.json();
            assertEquals("UP", health.get("status").asText(), service.getKey() + ": " + r);
        }
    }

    private interface Check {
        void run(URI base);
    }

    private static Stream<DynamicTest> across(Check check) {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("gateway", () -> check.run(Stack.GATEWAY)));
        tests.add(DynamicTest.dynamicTest("partner-service", () -> check.run(Stack.PARTNER_SERVICE)));
        return tests.stream();
    }
}
