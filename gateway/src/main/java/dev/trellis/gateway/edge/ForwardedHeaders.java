package dev.trellis.gateway.edge;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The headers a service may trust because only the gateway sets them. Whatever a caller sent under
 * these names is removed first; then the gateway writes its own: {@code X-Forwarded-For/-Proto/-Host}
 * from the connection, {@code X-Request-Id} ({@link RequestIds}); a W3C
 * {@code traceparent} passes only if it is well-formed.
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

    /** version 00, 32 hex trace id, 16 hex parent id, 2 hex flags (W3C Trace Context level 1). */
    private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
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
     * Passes a valid {@code traceparent} (and its {@code tracestate}) on unchanged: the gateway takes no
     * part in tracing. A malformed or repeated one is dropped with its {@code tracestate}, so a service
     * starts a fresh trace instead of parsing junk. The gateway does not start traces itself: a
     * sampled flag chosen here would decide the services' sampling, and {@code X-Request-Id} already
     * ties one request's log lines together.
     */
    static void traceContext(MultiMap headers) {
        List<String> sent = headers.getAll(TRACEPARENT_HEADER);
        if (sent.isEmpty() || sent.size() == 1 && isValid(sent.get(0))) {
            return;
        }
        headers.remove(TRACEPARENT_HEADER);
        headers.remove(TRACESTATE_HEADER);
    }

    static boolean isValid(String traceparent) {
        return TRACEPARENT.matcher(traceparent).matches()
                && !traceparent.regionMatches(3, "00000000000000000000000000000000", 0, 32)
                && !traceparent.regionMatches(36, "0000000000000000", 0, 16);
    }
}
