package dev.trellis.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.ToDoubleFunction;

/**
 * The gateway's meters, served by Quarkus at {@code /q/metrics} on the management interface. Every meter
 * is created here, once, by the component that counts with it (at startup, or, for a request timer, the
 * first time its tag combination occurs), and kept by that component: the request path never builds a
 * meter or looks one up by name. Tag values come from small fixed sets (route and upstream names from
 * the route table, HTTP methods, status codes, reasons named below), never from a raw path, a query, a
 * token or a user. The gateway README ("Metrics") lists every meter and what to watch.
 */
@ApplicationScoped
public class GatewayMetrics {

    /** Tag value for "no route" (a 404) and for "no upstream" (the gateway answered itself). */
    public static final String NONE = "none";

    private final MeterRegistry registry;

    GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * The request timers of one route as answered by one upstream ({@link #NONE}: by the gateway itself).
     */
    public RequestMeters requests(String route, String upstream) {
        return new RequestMeters(registry, route, upstream);
    }

    /** How an exchange with an upstream failed; the caller's status follows from it (503, 504, 502). */
    public enum FailureKind {
        /** No connection: refused, or not established within the connect timeout (503). */
        REFUSED("refused"),
        /** The upstream stayed silent longer than the route's timeout (504). */
        TIMEOUT("timeout"),
        /** The connection was closed or reset during the exchange (502). */
        RESET("reset");

        private final String tag;

        FailureKind(String tag) {
            this.tag = tag;
        }
    }

    /** One counter per {@link FailureKind}, indexed by its ordinal. */
    public Counter[] upstreamFailures(String upstream) {
        Counter[] counters = new Counter[FailureKind.values().length];
        for (FailureKind kind : FailureKind.values()) {
            counters[kind.ordinal()] = Counter.builder("trellis.gateway.upstream.failures")
                    .description("Failed attempts to exchange a request with an upstream, retried ones included")
                    .tag("upstream", upstream).tag("kind", kind.tag)
                    .register(registry);
        }
        return counters;
    }

    /**
     * The breaker's state as a gauge read at scrape time: 0 closed, 1 half-open (a probe is under way), 2
     * open (fast 503s). {@code breaker} is held strongly; {@code state} must not block.
     */
    public <T> void circuitBreakerState(String upstream, T breaker, ToDoubleFunction<T> state) {
        Gauge.builder("trellis.gateway.circuit.breaker.state", breaker, state)
                .description("Circuit breaker state per upstream: 0 closed, 1 half-open, 2 open")
                .tag("upstream", upstream)
                .strongReference(true)
                .register(registry);
    }

    /** A counter of the breaker's changes into the state {@code to} ({@code closed}, {@code half-open}, {@code open}). */
    public Counter circuitBreakerTransitions(String upstream, String to) {
        return Counter.builder("trellis.gateway.circuit.breaker.transitions")
                .description("Circuit breaker state changes per upstream, by the state entered")
                .tag("upstream", upstream).tag("to", to)
                .register(registry);
    }

    /** Requests refused with 429 by the limit named {@code limit} ({@code per-ip}, {@code per-user}). */
    public Counter rateLimited(String limit) {
        return Counter.builder("trellis.gateway.rate.limited")
                .description("Requests refused with 429 by a rate limit")
                .tag("limit", limit)
                .register(registry);
    }

    /**
     * Requests refused for their shape before they were forwarded: {@code status} 400, 414 or 431 and a
     * short fixed {@code reason}.
     */
    public Counter requestShapeRefused(String reason, int status) {
        return Counter.builder("trellis.gateway.request.shape.refusals")
                .description("Requests refused for their shape (target length, header size, repeated or ambiguous parts)")
                .tag("reason", reason).tag("status", Integer.toString(status))
                .register(registry);
    }

    /** Requests refused with 413; {@code body} is {@code declared} (Content-Length) or {@code chunked} (counted). */
    public Counter bodyTooLarge(String body) {
        return Counter.builder("trellis.gateway.body.limit.refusals")
                .description("Requests refused with 413: a body over trellis.gateway.limits.max-body-size")
                .tag("body", body)
                .register(registry);
    }
}
