package dev.trellis.gateway.edge;

import dev.trellis.gateway.config.GatewayConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;

/**
 * CORS against an allow-list of origins. The gateway is the only place that decides it: preflights
 * are answered here, before authentication (browsers send them without the token), and CORS headers
 * from the services are dropped ({@link #stripUpstreamHeaders}). An origin not on the list gets no
 * CORS headers at all, and its preflight a 403 problem. Quarkus' own CORS filter stays off: it
 * answers a refused origin with an empty 403, even for plain requests.
 */
@ApplicationScoped
public class Cors {

    /** After the IP rate limit and the body limit, before authentication (-200). */
    private static final int PRIORITY = 970;

    private final Set<String> origins;
    private final String methods;
    private final String headers;
    private final String exposed;
    private final String maxAge;

    Cors(GatewayConfig config) {
        GatewayConfig.Cors cors = config.cors();
        this.origins = Set.copyOf(cors.origins().orElse(List.of()));
        this.methods = String.join(", ", cors.methods());
        this.headers = String.join(", ", cors.headers());
        this.exposed = String.join(", ", cors.exposedHeaders());
        this.maxAge = Long.toString(cors.maxAge().toSeconds());
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    private void handle(RoutingContext ctx) {
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            ctx.next();
            return;
        }
        // The answer depends on Origin, whether or not this one is allowed.
        ctx.response().headers().add(HttpHeaders.VARY, "Origin");
        boolean allowed = origins.contains(origin);
        boolean preflight = ctx.request().method() == HttpMethod.OPTIONS
                && ctx.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
        if (preflight) {
            if (!allowed) {
                Problems.send(ctx, 403, "Cross-origin requests from this origin are not allowed");
                return;
            }
            ctx.response().setStatusCode(204)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, maxAge)
                    .end();
            return;
        }
        if (allowed) {
            ctx.response()
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed);
        }
        ctx.next();
    }

    /** Removes a service's own CORS headers from its response: the gateway's answer is the only one. */
    public static void stripUpstreamHeaders(MultiMap upstreamHeaders) {
        upstreamHeaders.names().stream()
                .filter(name -> name.regionMatches(true, 0, "Access-Control-", 0, 15))
                .toList()
                .forEach(upstreamHeaders::remove);
    }
}
