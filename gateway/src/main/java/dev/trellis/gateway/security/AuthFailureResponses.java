package dev.trellis.gateway.security;

import dev.trellis.gateway.edge.Problems;
import dev.trellis.gateway.edge.RequestIds;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Gives failed requests a problem+json body instead of Quarkus' empty one (or its HTML error page).
 * Covers a rejected token (401, after OIDC has set its {@code WWW-Authenticate} challenge), a token
 * without a permitted role (403), an identity provider that cannot be reached (503), requests Vert.x
 * Web refused on arrival (their 4xx) and anything unexpected (500, logged with the request id). A missing token does not fail the routing context at
 * all; {@link ProblemChallenge} answers that case.
 */
@ApplicationScoped
public class AuthFailureResponses {

    private static final Logger LOG = Logger.getLogger(AuthFailureResponses.class);

    static final String UNAUTHENTICATED = "A valid bearer token is required";
    static final String FORBIDDEN = "Your role does not allow this request";

    void register(@Observes Router router) {
        // Runs before Quarkus' own failure handler, which is registered last.
        router.route().failureHandler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        // A request Vert.x Web refused on arrival (no Host, a path without '/') never met RequestIds.
        String requestId = RequestIds.of(ctx);
        if (!ctx.response().headers().contains(RequestIds.HEADER)) {
            ctx.response().putHeader(RequestIds.HEADER, requestId);
        }
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException) {
            if (!ctx.response().headers().contains(HttpHeaderNames.WWW_AUTHENTICATE)) {
                ctx.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
            }
            Problems.send(ctx, 401, UNAUTHENTICATED);
        } else if (failure instanceof ForbiddenException) {
            Problems.send(ctx, 403, FORBIDDEN);
        } else if (failure instanceof OIDCException) {
            // Keycloak was unreachable when the gateway started and still is: an outage, not a bug here.
            LOG.warnf("Request %s to %s: tokens cannot be verified: %s", requestId, ctx.normalizedPath(),
                    failure.getMessage());
            Problems.send(ctx, 503, "Tokens cannot be verified right now; try again later");
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            // Vert.x Web fails a request without a Host header with 400 and an exception; that is the
            // caller's mistake, not a gateway failure (it used to end here as a 500).
            Problems.send(ctx, ctx.statusCode(), ctx.statusCode() == 400 ? "The request is malformed" : "The request was rejected");
        } else {
            LOG.errorf(failure, "Request %s to %s failed", requestId, ctx.normalizedPath());
            Problems.send(ctx, 500, "Something went wrong in the gateway. Quote request id " + requestId
                    + " when reporting it.");
        }
    }
}
