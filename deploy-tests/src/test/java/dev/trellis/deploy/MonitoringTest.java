package dev.trellis.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The monitoring manifests: the ServiceMonitor reaches every component that serves metrics, and every metric an
 * alert or a dashboard panel reads exists, that is, is created in the code under that name (a Micrometer name
 * in a main source file) or comes from Quarkus. A renamed meter fails here, not silently at 3 a.m.
 */
class MonitoringTest {
    /** The components that serve /q/metrics (the console serves none). */
    private static final List<String> SCRAPED = List.of("gateway", "partner-service", "advisory-service", "event-service",
            "insights-service", "webhook-service");
    /** Metrics Quarkus' own binders export (Micrometer HTTP server binder, on in the services). */
    private static final Set<String> FRAMEWORK = Set.of("http.server.requests");
    private static final Pattern METRIC = Pattern.compile("\\b((?:trellis|http_server)_[a-z0-9_]+)\\b");
    private static final List<String> SUFFIXES = List.of("_seconds_count", "_seconds_bucket", "_seconds_sum", "_seconds_max",
            "_total", "_seconds");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theServiceMonitorScrapesTheManagementPortOfEveryComponentWithMetrics(String overlay) {
        Map<String, Object> monitor = find(overlay, "ServiceMonitor", "trellis-services");
        Map<String, Object> selector = Repo.map(Repo.at(monitor, "spec.selector.matchLabels"));
        Map<String, Object> endpoint = Repo.map(Repo.list(Repo.at(monitor, "spec.endpoints")).get(0));
        assertEquals("management", endpoint.get("port"));
        assertEquals("/q/metrics", endpoint.get("path"));
        for (String name : SCRAPED) {
            Map<String, Object> service = find(overlay, "Service", name);
            Map<String, Object> labels = Repo.map(Repo.at(service, "metadata.labels"));
            selector.forEach((k, v) -> assertEquals(v, labels.get(k), name + "'s Service is selected by the ServiceMonitor"));
            assertTrue(Repo.list(Repo.at(service, "spec.ports")).stream().map(Repo::map)
                    .anyMatch(p -> "management".equals(p.get("name"))),
                    name + "'s Service names its management port");
            Map<String, Object> podLabels = Repo.map(Repo.at(find(overlay, "Deployment", name), "spec.template.metadata.labels"));
            assertEquals("true", String.valueOf(podLabels.get("trellis.dev/metrics")), name + "'s pods are marked as serving metrics");
        }
        assertTrue(kind(overlay, "PodMonitor").isEmpty(), "one way of scraping: a PodMonitor as well would scrape every pod twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theAlertsCoverRelayDeadLettersLagAndErrorsAndReadMetricsThatExist(String overlay) throws IOException {
        Map<String, Object> rule = find(overlay, "PrometheusRule", "trellis-alerts");
        Set<String> alerts = new TreeSet<>();
        Set<String> known = codeMeters();
        for (Object group : Repo.list(Repo.at(rule, "spec.groups"))) {
            for (Object r : Repo.list(Repo.map(group).get("rules"))) {
                Map<String, Object> alert = Repo.map(r);
                String name = String.valueOf(alert.get("alert"));
                alerts.add(name);
                String expr = String.valueOf(alert.get("expr"));
                List<String> metrics = metrics(expr);
                assertFalse(metrics.isEmpty(), name + " reads no Trellis metric: " + expr);
                metrics.forEach(m -> assertTrue(exists(m, known), name + " reads " + m + ", which nothing exports"));
                assertTrue(Repo.at(alert, "labels.severity") != null, name + " has a severity");
                assertTrue(Repo.at(alert, "annotations.summary") != null, name + " has a summary");
            }
        }
        assertTrue(alerts.containsAll(Set.of("TrellisOutboxRelayStuck", "TrellisDeadLettersGrowing", "TrellisConsumerLagHigh",
                "TrellisGatewayErrorRate", "TrellisServiceErrorRate")), "alerts: " + alerts);
    }

    @Test
    void theDashboardIsAConfigMapForGrafanasSidecarAndItsPanelsReadMetricsThatExist() throws IOException {
        for (String overlay : List.of("dev", "prod")) {
            Map<String, Object> map = find(overlay, "ConfigMap", "trellis-grafana-dashboard");
            assertEquals("1", String.valueOf(Repo.at(map, "metadata.labels.grafana_dashboard")), "the sidecar's label");
            String json = String.valueOf(Repo.map(map.get("data")).get("trellis-dashboard.json"));
            JsonNode dashboard = new ObjectMapper().readTree(json);
            assertEquals("trellis-overview", dashboard.path("uid").asText());
            Set<String> known = codeMeters();
            int targets = 0;
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    targets++;
                    String expr = target.path("expr").asText();
                    List<String> metrics = metrics(expr);
                    assertFalse(metrics.isEmpty(), panel.path("title").asText() + " reads no Trellis metric");
                    metrics.forEach(m -> assertTrue(exists(m, known), panel.path("title").asText() + " reads " + m
                            + ", which nothing exports"));
                }
            }
            assertTrue(targets >= 10, "a dashboard with its panels, not " + targets + " queries");
            String all = json;
            for (String needed : List.of("trellis_consumer_lag", "trellis_outbox_unpublished", "trellis_consumer_dead_letters_total",
                    "trellis_gateway_requests_seconds_bucket", "trellis_gateway_circuit_breaker_state", "trellis_gateway_rate_limited_total")) {
                assertTrue(all.contains(needed), "the dashboard shows " + needed);
            }
        }
    }

    private static List<String> metrics(String expr) {
        List<String> found = new ArrayList<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** Prometheus name to Micrometer name: drop the unit and type suffix, dots for underscores. */
    private static boolean exists(String prometheusName, Set<String> known) {
        for (String suffix : SUFFIXES) {
            if (prometheusName.endsWith(suffix)) {
                String base = prometheusName.substring(0, prometheusName.length() - suffix.length()).replace('_', '.');
                if (known.contains(base) || FRAMEWORK.contains(base)) {
                    return true;
                }
            }
        }
        String base = prometheusName.replace('_', '.');
        return known.contains(base) || FRAMEWORK.contains(base);
    }

    /** Every string literal that looks like a Trellis meter name in the main sources. */
    private static Set<String> codeMeters() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(trellis\\.[a-z0-9.]+)\"");
        try (Stream<Path> files = Files.walk(Repo.root())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
                    .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/node_modules/")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        assertTrue(names.contains("trellis.consumer.lag"), "the meters were found in the sources: " + names);
        return names;
    }

    private static List<Map<String, Object>> kind(String overlay, String kind) {
        return KustomizeOverlaysTest.render(overlay).stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static Map<String, Object> find(String overlay, String kind, String name) {
        return kind(overlay, kind).stream().filter(d -> name.equals(Repo.string(d, "metadata.name"))).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + " " + name));
    }
}
