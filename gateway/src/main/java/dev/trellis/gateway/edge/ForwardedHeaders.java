package dev.trellis.gateway.edge;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;

/**
 * The headers a service may trust because only the gateway sets them. Whatever a caller sent under
 * these names is removed first; then the gateway writes its own: {@code X-Forwarded-For/-Proto/-Host}
 * from the connection, {@code X-Request-Id} ({@link RequestIds}); the W3C trace context is the gateway's own
 * ({@link #traceContext}).
 */
public final class ForwardedHeaders {

    /**
     * Removed from every request before it goes upstream. Besides the forwarding headers, these are
     * the headers some frameworks use to override the method or the path after the gateway's
     * permission check ran on the real ones.
     */
    public static final List<String> GATEWAY_ONLY = List.of(
            "Forwarded", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port",
            "X-Forwarded-Prefix", "X-Forwarded-Server", "X-Real-IP", "X-Client-IP", "True-Client-IP",
            "X-Original-URL", "X-Rewrite-URL", "X-Original-Method", "X-HTTP-Method-Override", "X-HTTP-Method",
            "X-Method-Override", "Expect");

    /**
     * Hop-by-hop headers of an upstream's response (RFC 9110 7.6.1), which vertx-http-proxy passes on:
     * a service's {@code Connection: close} would otherwise close the caller's connection.
     */
    private static final List<String> HOP_BY_HOP = List.of("Connection", "Keep-Alive", "Proxy-Connection",
            "Upgrade", "Trailer", "TE", "Proxy-Authenticate");

    private static final String TRACEPARENT_HEADER = "traceparent";
    private static final String TRACESTATE_HEADER = "tracestate";

    private ForwardedHeaders() {
    }

    /** Rewrites {@code upstream} (a copy of the caller's headers) for the request that goes to a service. */
    public static void apply(MultiMap upstream, HttpServerRequest caller, String requestId) {
        for (String name : GATEWAY_ONLY) {
            upstream.remove(name);
        }
        if (caller.remoteAddress() != null) {
            upstream.set("X-Forwarded-For", caller.remoteAddress().hostAddress());
        }
        upstream.set("X-Forwarded-Proto", caller.scheme() == null ? "http" : caller.scheme());
        if (caller.authority() != null) {
            upstream.set("X-Forwarded-Host", caller.authority().toString());
        }
        upstream.set(RequestIds.HEADER, requestId);
        traceContext(upstream);
    }

    /** Removes hop-by-hop headers, and those the upstream's {@code Connection} header names, from its response. */
    public static void stripHopByHop(MultiMap upstreamResponse) {
        for (String listed : upstreamResponse.getAll("Connection")) {
            for (String name : listed.split(",")) {
                upstreamResponse.remove(name.trim());
            }
        }
        for (String name : HOP_BY_HOP) {
            upstreamResponse.remove(name);
        }
    }

    /**
     * Removes the caller's {@code traceparent} and {@code tracestate} from the upstream request: the gateway traces
     * (quarkus-opentelemetry). Its server span continues a well-formed caller context or starts a new trace (the
     * sampling decision is made here, and the services follow it); the proxied call is a client span under it, and
     * Vert.x's tracer writes that span's context (with the caller's {@code tracestate}) on the upstream request. A
     * copy of the caller's header left in place would reach the service next to the gateway's, and a service reading
     * the first one would skip the gateway's spans, or parse junk.
     */
    static void traceContext(MultiMap headers) {
        headers.remove(TRACEPARENT_HEADER);
        headers.remove(TRACESTATE_HEADER);
    }
}
