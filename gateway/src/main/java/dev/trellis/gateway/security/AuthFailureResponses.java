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
 * without a permitted role (403), an identity provider that cannot be reached (503) and anything
 * unexpected (500, logged with the request id). A missing token does not fail the routing context at
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
            LOG.warnf("Request %s to %s: tokens cannot be verified: %s", RequestIds.of(ctx), ctx.normalizedPath(),
                    failure.getMessage());
            Problems.send(ctx, 503, "Tokens cannot be verified right now; try again later");
        } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            Problems.send(ctx, ctx.statusCode(), "The request was rejected");
        } else {
            String requestId = RequestIds.of(ctx);
            LOG.errorf(failure, "Request %s to %s failed", requestId, ctx.normalizedPath());
            Problems.send(ctx, 500, "Something went wrong in the gateway. Quote request id " + requestId
                    + " when reporting it.");
        }
    }
}
