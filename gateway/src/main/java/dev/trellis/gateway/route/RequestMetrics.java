package dev.trellis.gateway.route;

import dev.trellis.gateway.metrics.GatewayMetrics;
import dev.trellis.gateway.metrics.RequestMeters;
import dev.trellis.gateway.upstream.RouteTable;
import dev.trellis.gateway.upstream.Upstreams;
import io.micrometer.core.instrument.Counter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Times every request the gateway's router sees, from the first filter to the end of the response, and
 * records it under its route and the upstream that answered it ({@code trellis.gateway.requests}).
 * The proxy says which route it forwards to; a request answered before that (401, 403, 429, an open
 * breaker, a shape refusal) is put under the route its path belongs to, with upstream {@code none}.
 *
 * <p>Quarkus' own HTTP server metrics are off (application.properties says why). Every meter a request
 * can touch is created at startup, per route, except a timer for a method and status not seen before
 * ({@link RequestMeters}); a request costs one small object, one context entry, one end handler, one
 * identity-map get (its route's meters) and two array reads (its method's and status' timer). The same end
 * handler writes the request's line of the {@link AccessLog}.
 */
@ApplicationScoped
public class RequestMetrics {

    private static final String KEY = RequestMetrics.class.getName();
    /** Before {@link dev.trellis.gateway.edge.RequestIds} (1000), the first of the gateway's filters, so every refusal is timed. */
    private static final int PRIORITY = 1010;

    /** The meters of one route: answered by its upstream, answered by the gateway, and the upstream's failures. */
    static final class RouteMeters {
        final RequestMeters forwarded;
        final RequestMeters answered;
        private final Counter[] failures;

        RouteMeters(GatewayMetrics metrics, String name) {
            this.forwarded = metrics.requests(name, name);
            this.answered = metrics.requests(name, GatewayMetrics.NONE);
            this.failures = metrics.upstreamFailures(name);
        }

        /** Counts one failed attempt, by the same classes that decide the caller's status (503, 504, 502). */
        void failed(Throwable failure) {
            GatewayMetrics.FailureKind kind = failure instanceof TimeoutException ? GatewayMetrics.FailureKind.TIMEOUT
                    : failure instanceof ConnectException ? GatewayMetrics.FailureKind.REFUSED
                    : GatewayMetrics.FailureKind.RESET;
            failures[kind.ordinal()].increment();
        }
    }

    private final RouteTable routes;
    private final Optional<RouteTable.Upstream> site;
    /** By identity: the route table hands out the same instances for every request. */
    private final Map<RouteTable.Upstream, RouteMeters> byUpstream = new IdentityHashMap<>();
    private final RouteMeters siteMeters;
    /** The gateway's own pages: the merged OpenAPI document and Swagger UI. */
    private final RequestMeters gateway;
    /** Paths no route serves: 404s, and /q/* on the public port. */
    private final RequestMeters none;

    RequestMetrics(Upstreams upstreams, GatewayMetrics metrics) {
        this.routes = upstreams.routes();
        this.site = upstreams.site();
        for (RouteTable.Upstream upstream : routes.upstreams()) {
            byUpstream.put(upstream, new RouteMeters(metrics, upstream.name()));
        }
        this.siteMeters = site.map(s -> {
            RouteMeters meters = new RouteMeters(metrics, s.name());
            byUpstream.put(s, meters);
            return meters;
        }).orElse(null);
        this.gateway = metrics.requests("gateway", GatewayMetrics.NONE);
        this.none = metrics.requests(GatewayMetrics.NONE, GatewayMetrics.NONE);
    }

    void register(@Observes Filters filters) {
        filters.register(this::start, PRIORITY);
    }

    private void start(RoutingContext ctx) {
        Timing timing = new Timing(ctx, System.nanoTime());
        ctx.put(KEY, timing);
        ctx.addEndHandler(timing);
        ctx.next();
    }

    /** The proxy has chosen {@code upstream}; until {@link #sending} the gateway itself answers. */
    RouteMeters routed(RoutingContext ctx, RouteTable.Upstream upstream) {
        RouteMeters meters = byUpstream.get(upstream);
        Timing timing = ctx.get(KEY);
        if (timing != null) {
            timing.meters = meters.answered;
        }
        return meters;
    }

    /** The request passed every check and goes to its upstream, which answers it (or fails to). */
    void sending(RoutingContext ctx, RouteMeters meters) {
        Timing timing = ctx.get(KEY);
        if (timing != null) {
            timing.meters = meters.forwarded;
        }
    }

    /** The route of a request the gateway answered before the proxy chose one, from its normalised path. */
    private RequestMeters answeredFor(String path) {
        if (path == null) {
            return none;
        }
        Optional<RouteTable.Upstream> match = routes.match(path);
        if (match.isPresent()) {
            return byUpstream.get(match.get()).answered;
        }
        for (String reserved : RouteTable.RESERVED) {
            if (path.startsWith(reserved) && (path.length() == reserved.length() || path.charAt(reserved.length()) == '/')) {
                return gateway;
            }
        }
        return siteMeters != null && RouteTable.isSitePath(path) ? siteMeters.answered : none;
    }

    /** One request's start and, once known, its meters; ends with the response (or the connection). */
    private final class Timing implements Handler<AsyncResult<Void>> {
        private final RoutingContext ctx;
        private final long start;
        RequestMeters meters;

        Timing(RoutingContext ctx, long start) {
            this.ctx = ctx;
            this.start = start;
        }

        @Override
        public void handle(AsyncResult<Void> ended) {
            long nanos = System.nanoTime() - start;
            RequestMeters target = meters != null ? meters : answeredFor(ctx.normalizedPath());
            target.record(ctx.request().method(), ctx.response().getStatusCode(), ended.succeeded(), nanos);
            if (AccessLog.enabled()) {
                AccessLog.write(ctx, target.route(), target.upstream(), ended.succeeded(), nanos);
            }
        }
    }
}
