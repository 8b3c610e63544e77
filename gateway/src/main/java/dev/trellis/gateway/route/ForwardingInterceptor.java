package dev.trellis.gateway.route;

import dev.trellis.gateway.edge.BodyLimit;
import dev.trellis.gateway.edge.Cors;
import dev.trellis.gateway.edge.ForwardedHeaders;
import dev.trellis.gateway.edge.Problems;
import dev.trellis.gateway.edge.RequestIds;
import dev.trellis.gateway.upstream.CircuitBreaker;
import dev.trellis.gateway.upstream.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Shapes one proxied exchange: sends the path the permission rules approved and the headers only the
 * gateway may set, counts a chunked body against the limit, retries an idempotent request once its
 * connection failed, reports the outcome to the upstream's circuit breaker, and turns a failure into
 * a problem+json (vertx-http-proxy answers an empty 502 and logs the cause only at TRACE).
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);
    private static final String FAILURE = "trellis.failure";

    /** What this exchange needs to know; one per request. */
    record Exchange(RouteTable.Upstream upstream, CircuitBreaker breaker, String uri, String path, String requestId,
            BodyLimit countChunkedBody, int retries, RequestMetrics.RouteMeters meters) {
    }

    private final Exchange exchange;

    ForwardingInterceptor(Exchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
        ProxyRequest request = ctx.request();
        // Never the raw URI: the permission check ran on the normalised path, so that is what may pass.
        request.setURI(exchange.uri());
        // Authorization passes through untouched: every service validates the token again itself.
        ForwardedHeaders.apply(request.headers(), request.proxiedRequest(), exchange.requestId());
        if (exchange.countChunkedBody() != null && request.getBody() != null) {
            request.setBody(Body.body(exchange.countChunkedBody().counting(exchange.path(), request.getBody().stream(),
                    () -> ctx.set(FAILURE, new BodyLimit.TooLarge())), -1));
        }
        return send(ctx, 0);
    }

    private Future<ProxyResponse> send(ProxyContext ctx, int attempt) {
        return ctx.sendRequest().map(response -> {
            exchange.breaker().onSuccess();
            return response;
        }).recover(failure -> {
            if (ctx.get(FAILURE, BodyLimit.TooLarge.class) != null) {
                // The caller's fault, not the upstream's: no breaker, no retry. The upstream saw a reset.
                return Future.failedFuture(failure);
            }
            if (ctx.request().proxiedRequest().response().closed() || ctx.request().proxiedRequest().response().ended()) {
                // The caller went away mid-request (a closed tab, a client timeout, the end of a load
                // test), or the gateway already answered it (408, its body too slow): the proxy reset
                // the upstream exchange. Not the upstream's failure: counting it let a burst of aborted
                // requests open the breaker on a healthy service.
                return Future.failedFuture(failure);
            }
            exchange.breaker().onFailure();
            exchange.meters().failed(failure);
            if (attempt < exchange.retries() && retryable(ctx.request(), failure)) {
                LOG.debugf("Retrying %s %s on %s after %s", ctx.request().getMethod(), exchange.path(),
                        exchange.upstream().name(), failure.toString());
                // The first attempt consumed the (empty) body stream; an idempotent retry sends none.
                ctx.request().setBody(null);
                return send(ctx, attempt + 1);
            }
            ctx.set(FAILURE, failure);
            LOG.warnf("Upstream %s (%s:%d) failed for request %s after %d attempt(s): %s", exchange.upstream().name(),
                    exchange.upstream().host(), exchange.upstream().port(), exchange.requestId(), attempt + 1,
                    failure.toString());
            return Future.failedFuture(failure);
        });
    }

    /**
     * Only GET and HEAD without a body, and not after a timeout (the upstream may still be working on
     * it, and the caller has waited long enough). POST, PUT, PATCH and DELETE are never repeated: the
     * first attempt may have reached the service.
     */
    private static boolean retryable(ProxyRequest request, Throwable failure) {
        HttpMethod method = request.getMethod();
        if (!(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) || failure instanceof TimeoutException) {
            return false;
        }
        String length = request.proxiedRequest().getHeader(HttpHeaders.CONTENT_LENGTH);
        return (length == null || "0".equals(length.trim()))
                && request.proxiedRequest().getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext ctx) {
        ProxyResponse response = ctx.response();
        Throwable failure = ctx.get(FAILURE, Throwable.class);
        if (failure != null) {
            int status = statusFor(failure);
            response.setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .setBody(Body.body(Problems.body(status, detailFor(status), exchange.path())));
            if (status == 503) {
                response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(exchange.breaker().retryAfterSeconds()));
            }
        } else {
            // The gateway already set its id on the response; an upstream copy would duplicate it.
            response.headers().remove(RequestIds.HEADER);
            Cors.stripUpstreamHeaders(response.headers());
            ForwardedHeaders.stripHopByHop(response.headers());
        }
        return ctx.sendResponse();
    }

    static int statusFor(Throwable failure) {
        if (failure instanceof BodyLimit.TooLarge) {
            return 413;
        }
        if (failure instanceof TimeoutException) {
            return 504;
        }
        if (failure instanceof ConnectException) {
            return 503;
        }
        return 502;
    }

    private String detailFor(int status) {
        return switch (status) {
            case 413 -> String.format(BodyLimit.DETAIL, exchange.countChunkedBody().maxBytes(exchange.path()));
            case 504 -> "The service behind this path did not answer in time";
            case 503 -> "The service behind this path is not reachable right now; try again later";
            default -> "The service behind this path failed to answer; try again later";
        };
    }
}
