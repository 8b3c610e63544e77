package dev.trellis.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.gateway.config.GatewayConfig;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    record Route(List<String> prefixes, URI upstream, Optional<URI> management, Optional<Duration> timeout) implements GatewayConfig.Route {
    }

    private static Route route(String upstream, String... prefixes) {
        return new Route(List.of(prefixes), URI.create(upstream), Optional.empty(), Optional.empty());
    }

    private final RouteTable table = RouteTable.of(Map.of(
            "partner-service", route("http://127.0.0.1:8081", "/api/partners", "/api/contacts"),
            "board-seats", route("http://127.0.0.1:9000", "/api/partners/seats"),
            "event-service", route("http://127.0.0.1:8083", "/api/events")));

    private Optional<String> owner(String path) {
        return table.match(path).map(RouteTable.Upstream::name);
    }

    @Test
    void prefixMatchesItselfAndItsSubPaths() {
        assertEquals(Optional.of("partner-service"), owner("/api/partners"));
        assertEquals(Optional.of("partner-service"), owner("/api/partners/"));
        assertEquals(Optional.of("partner-service"), owner("/api/partners/42/contacts"));
    }

    @Test
    void prefixDoesNotMatchAcrossASegmentBoundary() {
        assertEquals(Optional.empty(), owner("/api/partnersX"));
        assertEquals(Optional.empty(), owner("/api/partners-archive/1"));
        assertEquals(Optional.empty(), owner("/api/part"));
        assertEquals(Optional.empty(), owner("/api"));
    }

    @Test
    void longestPrefixWins() {
        assertEquals(Optional.of("board-seats"), owner("/api/partners/seats/3"));
        assertEquals(Optional.of("partner-service"), owner("/api/partners/seatsX"));
    }

    @Test
    void upstreamKeepsHostAndPort() {
        RouteTable.Upstream upstream = table.match("/api/events").orElseThrow();
        assertEquals("127.0.0.1", upstream.host());
        assertEquals(8083, upstream.port());
        assertEquals(3, table.upstreams().size());
    }

    @Test
    void prefixOutsideApiIsRefused() {
        for (String prefix : List.of("/q", "/q/health", "/partners", "/api", "/api/", "/api/partners/", "/api/Partners",
                "/api/../q", "/api/*", "api/partners")) {
            assertThrows(IllegalArgumentException.class,
                    () -> RouteTable.of(Map.of("x", route("http://127.0.0.1:1", prefix))), prefix);
        }
    }

    @Test
    void upstreamWithPathOrOtherSchemeIsRefused() {
        for (String upstream : List.of("http://127.0.0.1:8081/base", "https://127.0.0.1:8081", "127.0.0.1:8081",
                "http://127.0.0.1:8081?x=1", "http://user@127.0.0.1:8081")) {
            assertThrows(IllegalArgumentException.class,
                    () -> RouteTable.of(Map.of("x", route(upstream, "/api/x"))), upstream);
        }
    }

    @Test
    void prefixClaimedTwiceIsRefused() {
        Map<String, Route> routes = new LinkedHashMap<>();
        routes.put("a", route("http://127.0.0.1:1", "/api/x"));
        routes.put("b", route("http://127.0.0.1:2", "/api/x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RouteTable.of(routes));
        assertTrue(e.getMessage().contains("/api/x"));
    }

    @Test
    void timeoutIsTheRoutesOwnOrTheDefault() {
        Map<String, Route> routes = new LinkedHashMap<>();
        routes.put("slow", new Route(List.of("/api/reports"), URI.create("http://127.0.0.1:1"), Optional.empty(), Optional.of(Duration.ofMinutes(2))));
        routes.put("fast", route("http://127.0.0.1:2", "/api/partners"));
        RouteTable table = RouteTable.of(routes, Duration.ofSeconds(7));
        assertEquals(Duration.ofMinutes(2), table.match("/api/reports/1").orElseThrow().timeout());
        assertEquals(Duration.ofSeconds(7), table.match("/api/partners").orElseThrow().timeout());
    }

    @Test
    void gatewaysOwnPathsCannotBeRouted() {
        for (String prefix : List.of("/api/openapi", "/api/docs", "/api/docs/x")) {
            assertThrows(IllegalArgumentException.class,
                    () -> RouteTable.of(Map.of("x", route("http://127.0.0.1:1", prefix))), prefix);
        }
    }

    @Test
    void emptyTableIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RouteTable.of(Map.of()));
    }

    @Test
    void theConsoleServesEveryPathButTheApiAndTheGatewaysOwn() {
        for (String path : List.of("/", "/partners", "/partners/a1", "/static/console.css", "/signed-in", "/apix", "/qq")) {
            assertTrue(RouteTable.isSitePath(path), path);
        }
        for (String path : List.of("/api", "/api/partners", "/api/docs/", "/q", "/q/health", "/q/metrics", "/API/partners", "/Q/metrics")) {
            org.junit.jupiter.api.Assertions.assertFalse(RouteTable.isSitePath(path), path);
        }
    }

    @Test
    void theConsolesUpstreamIsCheckedLikeARoutes() {
        assertEquals(8085, RouteTable.site(URI.create("http://127.0.0.1:8085"), Duration.ofSeconds(30)).port());
        assertThrows(IllegalArgumentException.class, () -> RouteTable.site(URI.create("http://127.0.0.1:8085/console"), Duration.ofSeconds(30)));
    }

    @Test
    void readinessIsAskedOnTheManagementInterfaceWhenARouteNamesOne() {
        RouteTable.Upstream withManagement = RouteTable.of(Map.of("partner-service", new Route(List.of("/api/partners"),
                URI.create("http://partner-service:8081"), Optional.of(URI.create("http://partner-service:9081")), Optional.empty())))
                .upstreams().get(0);
        assertEquals(List.of("partner-service", 8081, "partner-service", 9081),
                List.of(withManagement.host(), withManagement.port(), withManagement.managementHost(), withManagement.managementPort()));

        RouteTable.Upstream without = table.match("/api/events").orElseThrow();
        assertEquals(List.of("127.0.0.1", 8083), List.of(without.managementHost(), without.managementPort()));

        for (String bad : List.of("https://partner-service:9081", "http://partner-service:9081/q", "http://u@partner-service:9081")) {
            assertThrows(IllegalArgumentException.class, () -> RouteTable.of(Map.of("partner-service", new Route(List.of("/api/partners"),
                    URI.create("http://partner-service:8081"), Optional.of(URI.create(bad)), Optional.empty()))), bad);
        }
    }
}
