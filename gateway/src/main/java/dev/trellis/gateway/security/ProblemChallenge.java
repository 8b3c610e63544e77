package dev.trellis.gateway.security;

import dev.trellis.gateway.edge.Problems;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * The 401 for a request that carries no token at all. Quarkus answers that case by asking the
 * authentication mechanisms for a challenge and then ending the response empty, without failing the
 * routing context, so no failure handler ever sees it. This mechanism authenticates nobody; it only
 * ranks above OIDC so that its challenge, the same {@code WWW-Authenticate: Bearer} plus a problem
 * body, is the one sent. A request whose token OIDC rejected is challenged by OIDC itself and then
 * reaches {@link AuthFailureResponses}.
 */
@ApplicationScoped
public class ProblemChallenge implements HttpAuthenticationMechanism {

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(HttpResponseStatus.UNAUTHORIZED.code(),
                HttpHeaderNames.WWW_AUTHENTICATE, "Bearer"));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        context.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        Problems.send(context, HttpResponseStatus.UNAUTHORIZED.code(), AuthFailureResponses.UNAUTHENTICATED);
        return Uni.createFrom().item(Boolean.TRUE);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        // OIDC defaults to 1001 (quarkus.oidc.priority); the highest priority challenges first.
        return DEFAULT_PRIORITY + 500;
    }
}
