package dev.trellis.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything about the gateway that deployments tune. Defaults are here or in
 * {@code application.properties}; tests and deployments override single keys, for example
 * {@code TRELLIS_GATEWAY_ROUTES__PARTNER_SERVICE__UPSTREAM}. The gateway README lists every key.
 */
@ConfigMapping(prefix = "trellis.gateway")
public interface GatewayConfig {

    /** Routes by service name. */
    Map<String, Route> routes();

    /**
     * The web console, served at every path outside {@code /api} and {@code /q}, so that pages and API
     * share one origin. Without an upstream those paths are a 404 problem.
     */
    Site site();

    /**
     * How long to wait for a TCP connection to an upstream. A dead host then costs the caller this
     * long, not the operating system's connect timeout.
     */
    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * How long an upstream may stay silent (no response headers, or no body bytes while streaming)
     * before the caller gets a 504. vertx-http-proxy has no timeout at all by default. A route may
     * set its own {@link Route#timeout()}.
     */
    @WithDefault("30s")
    Duration upstreamTimeout();

    /**
     * Connections per upstream and event loop (each event-loop thread has its own pool, see
     * {@code Upstreams}). vertx-http-proxy's client defaults to 5, which queues under load.
     */
    @WithDefault("100")
    int poolSize();

    /** How often an idempotent request (GET, HEAD) without a body is retried after a transport failure. */
    @WithDefault("1")
    int retries();

    CircuitBreakerConfig circuitBreaker();

    Limits limits();

    Cors cors();

    OpenApi openapi();


    interface Route {

        /**
         * Path prefixes under {@code /api/}, matched on a path-segment boundary: {@code /api/partners}
         * matches {@code /api/partners} and {@code /api/partners/…}, never {@code /api/partnersX}.
         */
        List<String> prefixes();

        /** Scheme, host and port of the service, for example {@code http://127.0.0.1:8081}; no path. */
        URI upstream();

        /**
         * Scheme, host and port of the service's management interface, where its readiness answers, for
         * example {@code http://127.0.0.1:9081}; no path. Without it, readiness is asked on {@link #upstream()}.
         */
        Optional<URI> management();

        /** This route's upstream timeout, instead of {@link GatewayConfig#upstreamTimeout()}. */
        Optional<Duration> timeout();
    }

    interface Site {
        /** Scheme, host and port of the console, for example {@code http://127.0.0.1:8085}; no path. */
        Optional<URI> upstream();

        /** Its upstream timeout, instead of {@link GatewayConfig#upstreamTimeout()}. */
        Optional<Duration> timeout();
    }

    interface CircuitBreakerConfig {
        /** Consecutive transport failures (refused, reset, timed out) that open an upstream's breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker answers 503 at once before one probe request may try the upstream. */
        @WithDefault("5s")
        Duration openDelay();
    }

    interface Limits {
        /** Largest request body, with or without Content-Length (chunked uploads are counted as they stream). */
        @WithDefault("1M")
        MemorySize maxBodySize();

        /** The routes that take a file (the CSV imports), with a larger limit of their own. */
        Uploads uploads();

        /** Per client IP address, checked before the token is verified. */
        RateLimit perIp();

        /** Per user (the token's subject), checked after authentication. */
        RateLimit perUser();

        /** How many clients (IPs, users) the rate limiter tracks at most; idle ones are forgotten first. */
        @WithDefault("100000")
        int maxTrackedClients();

        /**
         * Longest request target (path and query) the gateway answers; longer ones get 414. Vert.x'
         * codec stops a request line above {@code quarkus.http.limits.max-initial-line-length} itself,
         * with a bare 414, so that is set well above this.
         */
        @WithDefault("4096")
        int maxUriLength();

        /**
         * Largest header section (names, values and their separators, summed); larger ones get 431.
         * Vert.x' codec stops one above {@code quarkus.http.limits.max-header-size} with a bare 431, so
         * that is set well above this.
         */
        @WithDefault("20K")
        MemorySize maxHeaderSize();

        /**
         * How long a request body may take to arrive once the request reached the proxy; then 408 and
         * the connection is closed. {@code quarkus.http.idle-timeout} only catches a body that stops;
         * this one catches a body that trickles.
         */
        @WithDefault("30s")
        Duration bodyTimeout();
    }

    interface Uploads {
        /** Paths, as normalised and without the query, whose body may reach {@link #maxBodySize()}. */
        Optional<List<String>> paths();

        /** Largest body on those paths, with or without Content-Length. */
        @WithDefault("64M")
        MemorySize maxBodySize();
    }

    interface RateLimit {
        /** Sustained requests per second; 0 turns this limit off. */
        double requestsPerSecond();

        /** Requests allowed in a burst above the sustained rate (the bucket's size). */
        int burst();
    }

    interface Cors {
        /** Origins allowed to call the API from a browser, exactly as the browser sends them (scheme://host[:port]). */
        Optional<List<String>> origins();

        @WithDefault("GET,HEAD,POST,PUT,PATCH,DELETE")
        List<String> methods();

        @WithDefault("Authorization,Content-Type,If-Match,If-None-Match,X-Request-Id,traceparent,tracestate")
        List<String> headers();

        @WithDefault("X-Request-Id,ETag,Location,Retry-After,RateLimit,RateLimit-Policy")
        List<String> exposedHeaders();

        @WithDefault("10m")
        Duration maxAge();
    }

    interface OpenApi {
        /** How long the merged document is served before the services are asked again. */
        @WithDefault("30s")
        Duration cacheTtl();

        /** How long to wait for one service's /q/openapi. */
        @WithDefault("2s")
        Duration fetchTimeout();
    }
}
