package dev.trellis.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The request timers ({@code trellis.gateway.requests}) of one route and upstream, one per method and
 * status, in arrays indexed by both: recording a request costs two array reads and the timer's own
 * work. A timer is registered the first time its method and status occur (registering one costs far
 * more than recording, and most combinations never occur); racing threads get the same timer back from
 * the registry. Methods outside the usual eight share {@code other}; a status outside 100–599
 * is {@code other}; a response that never ended (the connection closed first) is {@code closed}.
 */
public final class RequestMeters {

    /**
     * Latency buckets (le) for the histogram: fine around the few milliseconds a proxied call takes, coarse
     * up to the routes' timeouts. Fixed, so that every timer has the same buckets.
     */
    static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10) };

    private static final String[] METHODS = { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "other" };
    private static final int OTHER_METHOD = METHODS.length - 1;
    private static final int STATUSES = 500;
    private static final int OTHER_STATUS = STATUSES;
    private static final int CLOSED = STATUSES + 1;

    private final MeterRegistry registry;
    private final String route;
    private final String upstream;
    private final AtomicReferenceArray<AtomicReferenceArray<Timer>> byMethod = new AtomicReferenceArray<>(METHODS.length);

    RequestMeters(MeterRegistry registry, String route, String upstream) {
        this.registry = registry;
        this.route = route;
        this.upstream = upstream;
    }

    public String route() {
        return route;
    }

    public String upstream() {
        return upstream;
    }

    /**
     * Records one request.
     *
     * @param status the response's status, ignored unless {@code ended}
     * @param ended whether the response was completed (false: the connection closed before)
     */
    public void record(HttpMethod method, int status, boolean ended, long nanos) {
        int m = methodIndex(method);
        AtomicReferenceArray<Timer> byStatus = byMethod.get(m);
        if (byStatus == null) {
            byMethod.compareAndSet(m, null, new AtomicReferenceArray<>(CLOSED + 1));
            byStatus = byMethod.get(m);
        }
        int s = !ended ? CLOSED : status >= 100 && status < 100 + STATUSES ? status - 100 : OTHER_STATUS;
        Timer timer = byStatus.get(s);
        if (timer == null) {
            timer = register(METHODS[m], s);
            byStatus.set(s, timer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer register(String method, int statusIndex) {
        String status;
        String statusClass;
        if (statusIndex == CLOSED) {
            status = "closed";
            statusClass = "closed";
        } else if (statusIndex == OTHER_STATUS) {
            status = "other";
            statusClass = "other";
        } else {
            int code = statusIndex + 100;
            status = Integer.toString(code);
            statusClass = (code / 100) + "xx";
        }
        return Timer.builder("trellis.gateway.requests")
                .description("Requests the gateway answered, by route, method, status and the upstream that answered "
                        + "(none: the gateway itself)")
                .tag("route", route).tag("upstream", upstream).tag("method", method)
                .tag("status", status).tag("status_class", statusClass)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    /** Vert.x returns its constants for the standard methods, so identity comparisons suffice. */
    private static int methodIndex(HttpMethod method) {
        if (method == HttpMethod.GET) {
            return 0;
        } else if (method == HttpMethod.HEAD) {
            return 1;
        } else if (method == HttpMethod.POST) {
            return 2;
        } else if (method == HttpMethod.PUT) {
            return 3;
        } else if (method == HttpMethod.PATCH) {
            return 4;
        } else if (method == HttpMethod.DELETE) {
            return 5;
        } else if (method == HttpMethod.OPTIONS) {
            return 6;
        }
        return OTHER_METHOD;
    }
}
