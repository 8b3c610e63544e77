package dev.trellis.gateway.route;

import dev.trellis.gateway.edge.Problems;
import dev.trellis.gateway.edge.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

/**
 * Shapes one proxied exchange: sends the path the permission rules approved, adds the request id,
 * and turns "upstream unreachable" into a problem+json 502 instead of vertx-http-proxy's empty one
 * (which it also logs only at TRACE).
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);
    private static final String UPSTREAM_FAILED = "trellis.upstream-failed";

    private final RouteTable.Upstream upstream;
    private final String uri;
    private final String path;
    private final String requestId;

    /**
     * @param uri normalised path plus the raw query: what goes on the upstream's request line
     * @param path normalised path, for the problem body's instance
     */
    ForwardingInterceptor(RouteTable.Upstream upstream, String uri, String path, String requestId) {
        this.upstream = upstream;
        this.uri = uri;
        this.path = path;
        this.requestId = requestId;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
        ProxyRequest request = ctx.request();
        // Never the raw URI: the permission check ran on the normalised path, so that is what may pass.
        request.setURI(uri);
        request.putHeader(RequestIds.HEADER, requestId);
        // Authorization passes through untouched: every service validates the token again itself.
        return ctx.sendRequest().recover(failure -> {
            ctx.set(UPSTREAM_FAILED, Boolean.TRUE);
            LOG.warnf("Upstream %s (%s:%d) failed for request %s: %s", upstream.name(), upstream.host(),
                    upstream.port(), requestId, failure.toString());
            return Future.failedFuture(failure);
        });
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext ctx) {
        ProxyResponse response = ctx.response();
        if (Boolean.TRUE.equals(ctx.get(UPSTREAM_FAILED, Boolean.class))) {
            response.setStatusCode(502)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .setBody(Body.body(Problems.body(502,
                            "The service behind this path is not reachable right now; try again later", path)));
        } else {
            // The gateway already set its id on the response; an upstream copy would duplicate it.
            response.headers().remove(RequestIds.HEADER);
        }
        return ctx.sendResponse();
    }
}
