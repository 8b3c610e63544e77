package dev.trellis.gateway.upstream;

import dev.trellis.gateway.route.GatewayConfig;
import dev.trellis.gateway.route.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The route table plus, per upstream, one pooled HTTP client and one circuit breaker. Shared by the
 * proxy, the readiness check and the OpenAPI merger, so they all see the same breaker state.
 */
@ApplicationScoped
public class Upstreams {

    private final RouteTable routes;
    private final Map<RouteTable.Upstream, HttpClient> clients;
    private final Map<RouteTable.Upstream, CircuitBreaker> breakers;

    Upstreams(GatewayConfig config, Vertx vertx) {
        this.routes = RouteTable.of(config.routes(), config.upstreamTimeout());
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true);
        // vertx-http-proxy's default pool holds 5 connections per upstream, which queues under load.
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(config.poolSize());
        this.clients = routes.upstreams().stream()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), u -> vertx.createHttpClient(options, pool)));
        long openDelay = config.circuitBreaker().openDelay().toNanos();
        int threshold = config.circuitBreaker().failureThreshold();
        this.breakers = routes.upstreams().stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                u -> new CircuitBreaker(threshold, openDelay, System::nanoTime)));
    }

    public RouteTable routes() {
        return routes;
    }

    public HttpClient client(RouteTable.Upstream upstream) {
        return clients.get(upstream);
    }

    public CircuitBreaker breaker(RouteTable.Upstream upstream) {
        return breakers.get(upstream);
    }

    /**
     * A GET of one of the upstream's own paths (never reachable through the proxy), body included.
     * Used for /q/health and /q/openapi; it does not touch the breaker.
     */
    public Future<Response> get(RouteTable.Upstream upstream, String uri, Duration timeout) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(upstream.host())
                .setPort(upstream.port()).setURI(uri).setIdleTimeout(timeout.toMillis())
                .putHeader("Accept", "application/json");
        return client(upstream).request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Response(response, body)));
    }

    public record Response(HttpClientResponse response, Buffer body) {
        public int status() {
            return response.statusCode();
        }
    }
}
