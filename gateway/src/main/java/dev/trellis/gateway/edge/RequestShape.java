package dev.trellis.gateway.edge;

import dev.trellis.gateway.config.GatewayConfig;
import dev.trellis.gateway.metrics.GatewayMetrics;
import io.micrometer.core.instrument.Counter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * Refuses, with a problem body, requests whose shape the gateway will not pass on: a request target
 * or a header section over the gateway's limits (414, 431), a repeated {@code Host} and a repeated
 * {@code Authorization} (400). Vert.x' HTTP codec refuses the same things, but before any
 * routing and with an empty body; its limits ({@code quarkus.http.limits.*}) are therefore set well
 * above the gateway's own, and this filter, the first after {@link RequestIds}, applies the real ones.
 */
@ApplicationScoped
public class RequestShape {

    /** After {@link RequestIds} (1000), before the IP rate limit (990): a refusal here costs nothing else. */
    private static final int PRIORITY = 995;
    /** ": " between name and value, CRLF after it: what the header line took on the wire. */
    private static final int LINE_OVERHEAD = 4;

    private final int maxUriLength;
    private final long maxHeaderBytes;
    private final Counter uriTooLong;
    private final Counter headersTooLarge;
    private final Counter repeatedHost;
    private final Counter repeatedAuthorization;

    RequestShape(GatewayConfig config, GatewayMetrics metrics) {
        this.maxUriLength = config.limits().maxUriLength();
        this.maxHeaderBytes = config.limits().maxHeaderSize().asLongValue();
        this.uriTooLong = metrics.requestShapeRefused("uri-too-long", 414);
        this.headersTooLarge = metrics.requestShapeRefused("headers-too-large", 431);
        this.repeatedHost = metrics.requestShapeRefused("repeated-host", 400);
        this.repeatedAuthorization = metrics.requestShapeRefused("repeated-authorization", 400);
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > maxUriLength) {
            uriTooLong.increment();
            Problems.send(ctx, 414, "The request target is longer than the gateway accepts (" + maxUriLength + " characters)");
            return;
        }
        long headerBytes = 0;
        int hosts = 0;
        int authorizations = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + LINE_OVERHEAD;
            if (HttpHeaders.HOST.toString().equalsIgnoreCase(header.getKey())) {
                hosts++;
            } else if (HttpHeaders.AUTHORIZATION.toString().equalsIgnoreCase(header.getKey())) {
                authorizations++;
            }
        }
        if (headerBytes > maxHeaderBytes) {
            headersTooLarge.increment();
            Problems.send(ctx, 431, "The request's headers are larger than the gateway accepts (" + maxHeaderBytes + " bytes)");
        } else if (hosts > 1) {
            // RFC 9112, 3.2: one Host per request, or the gateway and a service could each read a
            // different one. (Vert.x Web refuses a request without Host before any filter:
            // AuthFailureResponses gives that 400 its problem body.)
            repeatedHost.increment();
            Problems.send(ctx, 400, "The request has more than one Host header");
        } else if (authorizations > 1) {
            // Which one counts would be up to each hop: the gateway could check one token while a service
            // reads the other. One request, one token.
            repeatedAuthorization.increment();
            Problems.send(ctx, 400, "The request has more than one Authorization header; send one bearer token");
        } else {
            ctx.next();
        }
    }
}
