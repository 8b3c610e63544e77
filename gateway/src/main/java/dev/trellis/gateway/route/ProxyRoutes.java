package dev.trellis.gateway.route;

import dev.trellis.gateway.config.GatewayConfig;
import dev.trellis.gateway.docs.ApiDocs;
import dev.trellis.gateway.edge.BodyLimit;
import dev.trellis.gateway.edge.Problems;
import dev.trellis.gateway.edge.RateLimits;
import dev.trellis.gateway.edge.RequestIds;
import dev.trellis.gateway.metrics.GatewayMetrics;
import dev.trellis.gateway.upstream.CircuitBreaker;
import dev.trellis.gateway.upstream.RouteTable;
import dev.trellis.gateway.upstream.Upstreams;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Streams {@code /api/*} requests to the service that owns their path, and every other path but
 * {@code /q/*} to the web console when one is configured. Authentication and the
 * {@code quarkus.http.auth.permission.*} rules have already run when a request gets here; the IP
 * rate limit, CORS and the declared body size were checked before them.
 */
@ApplicationScoped
public class ProxyRoutes {

    /**
     * WebSocket tunnelling in vertx-http-proxy bypasses every interceptor (no path rewrite, no request
     * id, headers as sent), and nothing in Trellis uses WebSockets.
     */
    private static final ProxyOptions PROXY_OPTIONS = new ProxyOptions().setSupportWebSocket(false);

    /**
     * Left in the path after normalisation, these mean different things to different servers: a
     * matrix parameter (';', which Quarkus' permission matcher strips but an upstream may not), an
     * encoded slash or backslash that an upstream might decode into a new segment, or an encoded '%'
     * that invites double decoding. No Trellis API needs them, so they stop here.
     */
    private static final Pattern AMBIGUOUS_PATH = Pattern.compile("(?i)[;\\\\]|%(2f|5c|3b|00|25)");

    private final Upstreams upstreams;
    private final RateLimits rateLimits;
    private final BodyLimit bodyLimit;
    private final ApiDocs docs;
    private final RequestMetrics requestMetrics;
    private final int retries;
    private final long bodyTimeoutMillis;
    private final Counter ambiguousPaths;
    private final Counter transferCodings;

    ProxyRoutes(Upstreams upstreams, RateLimits rateLimits, BodyLimit bodyLimit, ApiDocs docs, RequestMetrics requestMetrics,
            GatewayMetrics metrics, GatewayConfig config) {
        this.upstreams = upstreams;
        this.rateLimits = rateLimits;
        this.bodyLimit = bodyLimit;
        this.docs = docs;
        this.requestMetrics = requestMetrics;
        this.retries = config.retries();
        this.bodyTimeoutMillis = config.limits().bodyTimeout().toMillis();
        this.ambiguousPaths = metrics.requestShapeRefused("ambiguous-path", 400);
        this.transferCodings = metrics.requestShapeRefused("transfer-coding", 400);
    }

    void register(@Observes Router router) {
        // The gateway's own pages under /api, before the catch-all proxy route.
        docs.register(router);
        // Deliberately no order(): the route must come after Quarkus' authentication (-200) and
        // authorisation (-100) handlers. An earlier explicit order lets requests without a token through.
        router.route("/api/*").handler(this::forwardApi);
        // Everything else that nothing answered (only reachable where a permission allows it): the
        // console's pages, which it guards with its own session, or a 404 problem.
        router.route().last().handler(this::forwardSite);
    }

    private void forwardApi(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (ambiguous(ctx, path)) {
            return;
        }
        Optional<RouteTable.Upstream> match = upstreams.routes().match(path);
        if (match.isEmpty()) {
            Problems.send(ctx, 404, "No service answers this path");
            return;
        }
        forward(ctx, path, match.get());
    }

    private void forwardSite(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        Optional<RouteTable.Upstream> site = upstreams.site();
        if (site.isEmpty() || path == null || !RouteTable.isSitePath(path)) {
            Problems.send(ctx, 404, "No resource at this path");
            return;
        }
        if (ambiguous(ctx, path)) {
            return;
        }
        forward(ctx, path, site.get());
    }

    private boolean ambiguous(RoutingContext ctx, String path) {
        if (AMBIGUOUS_PATH.matcher(path).find()) {
            ambiguousPaths.increment();
            Problems.send(ctx, 400, "The path contains ';', '\\' or an encoded '/', '\\', ';', '%' or NUL, which the gateway does not forward");
            return true;
        }
        return false;
    }

    private void forward(RoutingContext ctx, String path, RouteTable.Upstream upstream) {
        RequestMetrics.RouteMeters meters = requestMetrics.routed(ctx, upstream);
        if (!rateLimits.allowUser(ctx)) {
            return;
        }
        CircuitBreaker breaker = upstreams.breaker(upstream);
        if (!breaker.tryAcquire()) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(breaker.retryAfterSeconds()));
            Problems.send(ctx, 503, "The service behind this path is not reachable right now; try again later");
            return;
        }
        HttpServerRequest request = ctx.request();
        // vertx-http-proxy answers any other transfer coding with an empty 400 of its own.
        if (request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                && request.headers().getAll(HttpHeaders.TRANSFER_ENCODING).stream().anyMatch(te -> !"chunked".equals(te))) {
            transferCodings.increment();
            Problems.send(ctx, 400, "Only 'Transfer-Encoding: chunked' is supported");
            return;
        }
        if (!expectationMet(ctx)) {
            return;
        }
        limitBodyTime(ctx);
        String query = request.query();
        String uri = query == null ? path : path + "?" + query;
        // Only a body without Content-Length needs counting: a declared length was checked up front.
        BodyLimit counter = request.getHeader(HttpHeaders.CONTENT_LENGTH) == null ? bodyLimit : null;
        ForwardingInterceptor.Exchange exchange = new ForwardingInterceptor.Exchange(upstream, breaker, uri, path,
                RequestIds.of(ctx), counter, retries, meters);
        long timeout = upstream.timeout().toMillis();
        // A proxy per request is a few small objects on top of the shared, pooled client; it lets the
        // interceptor carry this request's approved path and id.
        HttpProxy proxy = HttpProxy.reverseProxy(PROXY_OPTIONS, upstreams.client(upstream))
                .origin(pc -> pc.client().request(new RequestOptions().setHost(upstream.host()).setPort(upstream.port())
                        .setIdleTimeout(timeout)).compose(upstreamRequest -> {
                            // The caller hung up while this request waited for a pooled connection: give
                            // the connection back instead of sending a request nobody will read. Sent
                            // anyway, vertx-http-proxy never released it, and once every pooled
                            // connection was stuck so, the upstream was unreachable (HangUpPoolTest).
                            if (request.response().closed()) {
                                upstreamRequest.reset();
                                return Future.failedFuture(new CallerGone());
                            }
                            return Future.succeededFuture(upstreamRequest);
                        }))
                .addInterceptor(new ForwardingInterceptor(exchange));
        requestMetrics.sending(ctx, meters);
        ProxyHandler.create(proxy).handle(ctx);
    }

    /**
     * A body that is still arriving after {@code trellis.gateway.limits.body-timeout} gets 408 and its
     * connection closed, which also ends the upstream exchange. The idle timeout
     * ({@code quarkus.http.idle-timeout}) restarts with every body chunk Vert.x decodes, so without
     * this a body sent a byte at a time would hold the connection, and an upstream one, for as long as
     * the sender likes.
     */
    private void limitBodyTime(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) {
            return;
        }
        long timer = ctx.vertx().setTimer(bodyTimeoutMillis, id -> {
            if (request.isEnded()) {
                return;
            }
            if (ctx.response().headWritten()) {
                request.connection().close();
                return;
            }
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            ctx.addEndHandler(ended -> request.connection().close());
            Problems.send(ctx, 408, "The request body did not arrive in time");
        });
        ctx.addEndHandler(v -> ctx.vertx().cancelTimer(timer));
    }

    /** The caller closed its connection before the upstream exchange began. */
    static final class CallerGone extends RuntimeException {
        CallerGone() {
            super("the caller closed the connection", null, false, false);
        }
    }

    /**
     * {@code Expect: 100-continue} is answered here, once the token, the permissions, the rate limits
     * and the declared length have passed, so the client sends its body only when it will be used.
     * vertx-http-proxy never answers it (the client then waits about a second before sending anyway).
     * The header itself is not forwarded. Any other expectation is refused (RFC 9110, 417).
     */
    private static boolean expectationMet(RoutingContext ctx) {
        String expect = ctx.request().getHeader(HttpHeaders.EXPECT);
        if (expect == null) {
            return true;
        }
        if (!"100-continue".equalsIgnoreCase(expect.trim())) {
            Problems.send(ctx, 417, "Only 'Expect: 100-continue' is supported");
            return false;
        }
        ctx.response().writeContinue();
        return true;
    }
}
