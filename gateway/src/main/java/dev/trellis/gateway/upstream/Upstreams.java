package dev.trellis.gateway.upstream;

import dev.trellis.gateway.config.GatewayConfig;
import dev.trellis.gateway.metrics.GatewayMetrics;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Context;
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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The route table plus, per upstream, pooled HTTP clients and one circuit breaker. Shared by the
 * proxy, the readiness check and the OpenAPI merger, so they all see the same breaker state.
 *
 * <p>Each event-loop thread gets its own client per upstream. Vert.x's pool hands any idle
 * connection to any caller, whichever event loop the connection lives on; a request from loop A on
 * a connection of loop B then crosses threads twice (the request out, the response back), and
 * waking the other loop cost more CPU than the gateway's own work (a profile of the benchmark:
 * 11 % of the gateway's CPU in {@code EPollSelectorImpl.wakeup}, more in the scheduler). A client
 * used only from one loop opens its connections on that loop, so a proxied exchange stays on the
 * thread that received it.
 */
@ApplicationScoped
public class Upstreams {

    private static final Logger LOG = Logger.getLogger(Upstreams.class);

    private final Vertx vertx;
    private final RouteTable routes;
    private final HttpClientOptions options;
    private final PoolOptions pool;
    /** Identity maps: {@link RouteTable.Upstream} is a record, and hashing it per request showed in the profile. */
    private final Map<RouteTable.Upstream, Integer> indexes = new IdentityHashMap<>();
    private final List<RouteTable.Upstream> upstreams;
    private final Optional<RouteTable.Upstream> site;
    private final Map<RouteTable.Upstream, CircuitBreaker> breakers = new IdentityHashMap<>();
    /** For callers off the event loops; the proxy never uses these. */
    private final HttpClient[] shared;
    private final ThreadLocal<HttpClient[]> perEventLoop = new ThreadLocal<>();

    Upstreams(GatewayConfig config, Vertx vertx, GatewayMetrics metrics) {
        this.vertx = vertx;
        this.routes = RouteTable.of(config.routes(), config.upstreamTimeout());
        this.options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true);
        // vertx-http-proxy's default pool holds 5 connections per upstream, which queues under load.
        this.pool = new PoolOptions().setHttp1MaxSize(config.poolSize());
        this.site = config.site().upstream()
                .map(uri -> RouteTable.site(uri, config.site().timeout().orElse(config.upstreamTimeout())));
        List<RouteTable.Upstream> all = new java.util.ArrayList<>(routes.upstreams());
        site.ifPresent(all::add);
        this.upstreams = List.copyOf(all);
        long openDelay = config.circuitBreaker().openDelay().toNanos();
        int threshold = config.circuitBreaker().failureThreshold();
        for (RouteTable.Upstream upstream : upstreams) {
            indexes.put(upstream, indexes.size());
            breakers.put(upstream, breaker(upstream.name(), threshold, openDelay, metrics));
        }
        this.shared = newClients();
        warnAboutIdleTimeout(upstreams);
    }

    /** A breaker whose state and changes of state show in the metrics, under the upstream's name. */
    private static CircuitBreaker breaker(String name, int threshold, long openDelay, GatewayMetrics metrics) {
        Counter[] transitions = new Counter[CircuitBreaker.State.values().length];
        for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            transitions[state.ordinal()] = metrics.circuitBreakerTransitions(name, state.name().toLowerCase().replace('_', '-'));
        }
        CircuitBreaker breaker = new CircuitBreaker(threshold, openDelay, System::nanoTime,
                state -> transitions[state.ordinal()].increment());
        metrics.circuitBreakerState(name, breaker, b -> b.state().gauge());
        return breaker;
    }

    /**
     * A request waiting for its upstream is silent on the caller's connection, so the server's idle
     * timeout ({@code quarkus.http.idle-timeout}) would close it, unanswered, before a longer upstream
     * timeout could send the 504.
     */
    private static void warnAboutIdleTimeout(List<RouteTable.Upstream> upstreams) {
        Duration idle = ConfigProvider.getConfig().getOptionalValue("quarkus.http.idle-timeout", Duration.class)
                .orElse(Duration.ofMinutes(30));
        for (RouteTable.Upstream upstream : upstreams) {
            if (upstream.timeout().compareTo(idle) >= 0) {
                LOG.warnf("Route %s waits up to %s for its upstream, not less than quarkus.http.idle-timeout (%s): "
                        + "callers of slow requests get their connection closed instead of a 504", upstream.name(),
                        upstream.timeout(), idle);
            }
        }
    }

    public RouteTable routes() {
        return routes;
    }

    /** The console's upstream, if one is configured ({@code trellis.gateway.site.upstream}). */
    public Optional<RouteTable.Upstream> site() {
        return site;
    }

    /** The client for {@code upstream} that belongs to the calling thread's event loop. */
    public HttpClient client(RouteTable.Upstream upstream) {
        int index = indexes.get(upstream);
        if (!Context.isOnEventLoopThread()) {
            return shared[index];
        }
        HttpClient[] clients = perEventLoop.get();
        if (clients == null) {
            clients = newClients();
            perEventLoop.set(clients);
        }
        return clients[index];
    }

    public CircuitBreaker breaker(RouteTable.Upstream upstream) {
        return breakers.get(upstream);
    }

    private HttpClient[] newClients() {
        HttpClient[] clients = new HttpClient[upstreams.size()];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = vertx.createHttpClient(options, pool);
        }
        return clients;
    }

    /**
     * A GET of one of the upstream's own paths (never reachable through the proxy), body included.
     * Used for /q/openapi; it does not touch the breaker.
     */
    public Future<Response> get(RouteTable.Upstream upstream, String uri, Duration timeout) {
        return get(upstream, upstream.host(), upstream.port(), uri, timeout);
    }

    /** A GET on the upstream's management interface (its readiness); it does not touch the breaker. */
    public Future<Response> getManagement(RouteTable.Upstream upstream, String uri, Duration timeout) {
        return get(upstream, upstream.managementHost(), upstream.managementPort(), uri, timeout);
    }

    private Future<Response> get(RouteTable.Upstream upstream, String host, int port, String uri, Duration timeout) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(host)
                .setPort(port).setURI(uri).setIdleTimeout(timeout.toMillis())
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
