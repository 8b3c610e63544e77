package dev.trellis.gateway.upstream;

import dev.trellis.gateway.config.GatewayConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps a normalised request path to the upstream that owns it. Built once at startup; a table that
 * makes no sense (overlapping names, a prefix outside {@code /api/}, an upstream with a path) stops
 * the gateway from starting rather than routing wrongly.
 */
public final class RouteTable {

    /**
     * Only plain lowercase segments under /api/. This keeps every route inside the paths that the
     * permission rules protect, and so never lets a route expose an upstream's /q endpoints.
     */
    private static final Pattern PREFIX = Pattern.compile("/api(/[a-z0-9][a-z0-9-]*)+");

    /**
     * Where requests for one route go, how long that upstream may stay silent before a 504, and where
     * its readiness answers (its management interface, or the same host and port).
     */
    public record Upstream(String name, String host, int port, Duration timeout, String managementHost, int managementPort) {
    }

    /** Paths the gateway answers itself (the merged OpenAPI document and its UI); no route may claim them. */
    public static final List<String> RESERVED = List.of("/api/openapi", "/api/docs");

    private record Entry(String prefix, Upstream upstream) {
    }

    private final List<Entry> entries;

    private RouteTable(List<Entry> entries) {
        this.entries = entries;
    }

    public static RouteTable of(Map<String, ? extends GatewayConfig.Route> routes) {
        return of(routes, Duration.ofSeconds(30));
    }

    /** @param defaultTimeout the upstream timeout of routes that set none */
    public static RouteTable of(Map<String, ? extends GatewayConfig.Route> routes, Duration defaultTimeout) {
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("trellis.gateway.routes is empty: the gateway would answer 404 to everything");
        }
        Map<String, String> owners = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        routes.forEach((name, route) -> {
            Upstream upstream = upstream(name, route.upstream(), route.management(), route.timeout().orElse(defaultTimeout));
            if (route.prefixes().isEmpty()) {
                throw new IllegalArgumentException("Route '" + name + "' has no prefixes");
            }
            for (String prefix : route.prefixes()) {
                if (!PREFIX.matcher(prefix).matches()) {
                    throw new IllegalArgumentException("Route '" + name + "' has prefix '" + prefix
                            + "'; prefixes must look like /api/<segment>[/<segment>…] in lowercase, without a trailing slash");
                }
                if (RESERVED.stream().anyMatch(r -> prefix.equals(r) || prefix.startsWith(r + "/"))) {
                    throw new IllegalArgumentException("Route '" + name + "' has prefix '" + prefix
                            + "', which the gateway answers itself");
                }
                String owner = owners.putIfAbsent(prefix, name);
                if (owner != null) {
                    throw new IllegalArgumentException("Prefix '" + prefix + "' is claimed by routes '" + owner
                            + "' and '" + name + "'");
                }
                entries.add(new Entry(prefix, upstream));
            }
        });
        // Longest prefix first, so that a nested prefix (/api/a/b) wins over its parent (/api/a).
        entries.sort(Comparator.comparingInt((Entry e) -> e.prefix().length()).reversed());
        return new RouteTable(List.copyOf(entries));
    }

    /** The upstream for a normalised path, matching whole path segments only. */
    public Optional<Upstream> match(String normalisedPath) {
        for (Entry entry : entries) {
            String prefix = entry.prefix();
            if (normalisedPath.startsWith(prefix)
                    && (normalisedPath.length() == prefix.length() || normalisedPath.charAt(prefix.length()) == '/')) {
                return Optional.of(entry.upstream());
            }
        }
        return Optional.empty();
    }

    /**
     * The console's upstream (it serves every path outside {@code /api} and {@code /q}); checked like a
     * route's, under the name {@code site}.
     */
    public static Upstream site(URI uri, Duration timeout) {
        return upstream("site", uri, Optional.empty(), timeout);
    }

    /**
     * Whether a normalised path is the console's: neither the API nor the gateway's own /q, in any case
     * ({@code /API/partners} is a mistyped or tricked API path, a 404 problem, not a page).
     */
    public static boolean isSitePath(String normalisedPath) {
        return !(isUnder(normalisedPath, "/api") || isUnder(normalisedPath, "/q"));
    }

    private static boolean isUnder(String path, String prefix) {
        return path.regionMatches(true, 0, prefix, 0, prefix.length())
                && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    /**
     * Every distinct API upstream, by name, for creating one connection pool each (the console's is apart, see
     * {@link #site}). By name, not by prefix: the merged API document and the readiness report list services in an
     * order that adding a prefix does not change.
     */
    public List<Upstream> upstreams() {
        return entries.stream().map(Entry::upstream).distinct().sorted(Comparator.comparing(Upstream::name)).toList();
    }

    private static Upstream upstream(String name, URI uri, Optional<URI> management, Duration timeout) {
        checkOrigin(name, "upstream", uri);
        management.ifPresent(m -> checkOrigin(name, "management", m));
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Route '" + name + "' needs a positive timeout, got " + timeout);
        }
        URI health = management.orElse(uri);
        return new Upstream(name, uri.getHost(), port(uri), timeout, health.getHost(), port(health));
    }

    private static int port(URI uri) {
        return uri.getPort() == -1 ? 80 : uri.getPort();
    }

    /** An address the gateway sends paths to: scheme, host and port only. */
    private static void checkOrigin(String name, String what, URI uri) {
        if (uri == null || !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("Route '" + name + "' needs an " + what + " like http://host:port, got " + uri);
        }
        boolean hasPath = uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath());
        if (hasPath || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Route '" + name + "' " + what + " " + uri
                    + " must be scheme, host and port only: the gateway forwards the request path unchanged");
        }
    }
}
