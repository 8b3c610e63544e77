package dev.trellis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Stack;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 17, "each service's port serves /q/metrics and detailed health to anyone": on the running stack,
 * health and metrics answer on each component's management port only. Its own port, which callers and
 * the gateway use, answers neither, to an anonymous caller or to foundation staff.
 */
class ManagementInterfaceIT {

    private static final List<String> HEALTH = List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/health/started");

    /** Where the components serve callers: the gateway's public port, each service's and the console's port. */
    private static final Map<String, URI> PUBLIC = Map.of(
            "gateway", Stack.GATEWAY,
            "partner-service", Stack.PARTNER_SERVICE,
            "advisory-service", Stack.ADVISORY_SERVICE,
            "event-service", Stack.EVENT_SERVICE,
            "insights-service", Stack.INSIGHTS_SERVICE,
            "webhook-service", Stack.WEBHOOK_SERVICE,
            "console", URI.create("http://127.0.0.1:8085"));

    @TestFactory
    Stream<DynamicTest> nothingOfHealthOrMetricsOnThePortsCallersUse() {
        List<DynamicTest> tests = new ArrayList<>();
        PUBLIC.forEach((name, base) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            List<String> paths = new ArrayList<>(HEALTH);
            paths.add("/q/metrics");
            for (String path : paths) {
                for (Caller caller : List.of(Caller.ANONYMOUS, Caller.STAFF)) {
                    Http.Response r = caller == Caller.ANONYMOUS ? Http.send(Http.request(base.resolve(path)))
                            : Http.get(caller, base.resolve(path));
                    assertTrue(r.status() >= 300 && r.status() < 500, name + " " + path + " as " + caller + ": " + r);
                    assertFalse(r.body().contains("\"checks\"") || r.body().contains("jvm_memory"),
                            name + " " + path + " as " + caller + " told: " + r);
                }
            }
        })));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> theManagementPortsServeHealthAndMetrics() {
        List<DynamicTest> tests = new ArrayList<>();
        Stack.MANAGEMENT.forEach((name, base) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            for (String path : HEALTH) {
                Http.Response r = Http.send(Http.request(base.resolve(path)));
                assertEquals(200, r.status(), name + " " + path + ": " + r);
                assertEquals("UP", r.json().get("status").asText(), name + " " + path + ": " + r);
            }
            if (!List.of("gateway", "console").contains(name)) {
                Http.Response metrics = Http.send(Http.request(base.resolve("/q/metrics")));
                assertEquals(200, metrics.status(), name + ": " + metrics);
                assertTrue(metrics.body().contains("jvm_memory_used_bytes"), name + ": " + metrics);
            }
        })));
        return tests.stream();
    }
}
