package dev.trellis.gateway.edge;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 bodies for the responses the gateway writes itself, in the same shape as the services'
 * ({@code dev.trellis.platform.http.Problem}, which the gateway cannot use: it pulls in quarkus-rest).
 * Nothing here ever carries a stack trace, an upstream address or a token.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /** Ends the response with a problem for {@code status}; does nothing if it has already been sent. */
    public static void send(RoutingContext ctx, int status, String detail) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body(status, detail, ctx.normalizedPath()));
    }

    /** A problem body; {@code type} is about:blank, so {@code title} is the status' reason phrase. */
    public static Buffer body(int status, String detail, String instance) {
        JsonObject problem = new JsonObject()
                .put("type", "about:blank")
                .put("title", HttpResponseStatus.valueOf(status).reasonPhrase())
                .put("status", status)
                .put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        return problem.toBuffer();
    }
}
