package dev.trellis.gateway.route;

import dev.trellis.gateway.edge.Problems;
import dev.trellis.gateway.edge.RequestIds;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Streams {@code /api/*} requests to the service that owns their path. Authentication and the
 * {@code quarkus.http.auth.permission.*} rules have already run when a request gets here.
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

    private final RouteTable routes;
    private final Map<RouteTable.Upstream, HttpClient> clients;

    ProxyRoutes(GatewayConfig config, Vertx vertx) {
        this.routes = RouteTable.of(config.routes());
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis());
        this.clients = routes.upstreams().stream()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), u -> vertx.createHttpClient(options)));
    }

    void register(@Observes Router router) {
        // Deliberately no order(): the route must come after Quarkus' authentication (-200) and
        // authorisation (-100) handlers. An earlier explicit order lets requests without a token through.
        router.route("/api/*").handler(this::forward);
        // Everything else that nothing answered (only reachable where a permission allows it).
        router.route().last().handler(ctx -> Problems.send(ctx, 404, "No resource at this path"));
    }

    private void forward(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (AMBIGUOUS_PATH.matcher(path).find()) {
            Problems.send(ctx, 400, "The path contains ';', '\\' or an encoded '/', '\\', ';', '%' or NUL, which the gateway does not forward");
            return;
        }
        Optional<RouteTable.Upstream> match = routes.match(path);
        if (match.isEmpty()) {
            Problems.send(ctx, 404, "No service answers this path");
            return;
        }
        RouteTable.Upstream upstream = match.get();
        String query = ctx.request().query();
        String uri = query == null ? path : path + "?" + query;
        // A proxy per request is a few small objects on top of the shared, pooled client; it lets the
        // interceptor carry this request's approved path and id.
        HttpProxy proxy = HttpProxy.reverseProxy(PROXY_OPTIONS, clients.get(upstream))
                .origin(pc -> pc.client().request(new RequestOptions().setHost(upstream.host()).setPort(upstream.port())))
                .addInterceptor(new ForwardingInterceptor(upstream, uri, path, RequestIds.of(ctx)));
        ProxyHandler.create(proxy).handle(ctx);
    }
}
