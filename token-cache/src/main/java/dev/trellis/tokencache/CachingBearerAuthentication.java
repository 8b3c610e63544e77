package dev.trellis.tokencache;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies each bearer token once. A token seen before and still inside its validity window gets
 * its earlier identity back from the {@link TokenCache}; any other request goes to Quarkus' OIDC
 * mechanism, which checks signature, issuer, audience, expiry and algorithm as configured, and only
 * an identity it accepted is cached. Signature verification was half of the gateway's CPU, and
 * about a fifth of a service's CPU and two thirds of what it allocated per request (jose4j parses
 * the token's JSON into fresh 32 KB buffers); a client sends the same token for minutes.
 * quarkus-oidc's own {@code quarkus.oidc.token-cache.*} does not help here: it caches introspection
 * and UserInfo results, never local JWT verification.
 *
 * <p>The cached identity is the one the {@code IdentityProviderManager} built, augmentors included,
 * so an augmentor must not depend on anything that changes while a token is valid.
 *
 * <p>This mechanism ranks just above OIDC (1001); a mechanism that must answer missing tokens (the
 * gateway's problem+json challenge) ranks above it. A failure from OIDC passes through unchanged (401).
 */
@ApplicationScoped
public class CachingBearerAuthentication implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    private static final String ROUTING_CONTEXT_ATTRIBUTE = RoutingContext.class.getName();

    private final OidcAuthenticationMechanism oidc;
    private final TokenCache cache;

    CachingBearerAuthentication(OidcAuthenticationMechanism oidc, TokenCacheConfig settings,
            @ConfigProperty(name = "quarkus.oidc.token.lifespan-grace", defaultValue = "0") int leewaySeconds) {
        this.oidc = oidc;
        this.cache = settings.enabled()
                ? new TokenCache(settings.maxSize(), settings.maxTtl().toSeconds(), leewaySeconds,
                        () -> System.currentTimeMillis() / 1000)
                : null;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String key = cache == null ? null : bearerHeader(context);
        if (key == null) {
            return oidc.authenticate(context, identityProviderManager);
        }
        SecurityIdentity known = cache.get(key);
        if (known != null) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(known)
                    .addAttribute(ROUTING_CONTEXT_ATTRIBUTE, context).build());
        }
        return oidc.authenticate(context, identityProviderManager).invoke(identity -> remember(key, identity));
    }

    private void remember(String key, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        Object nbf = jwt.getClaim("nbf");
        long notBefore = nbf instanceof Number n ? n.longValue() : 0;
        // The cache must not keep the first request's routing context alive; each hit gets its own.
        SecurityIdentity detached = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(ROUTING_CONTEXT_ATTRIBUTE, null).build();
        cache.put(key, detached, notBefore, jwt.getExpirationTime());
    }

    /** The whole {@code Authorization} header if it carries a bearer token: the cache key, as sent. */
    private static String bearerHeader(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header;
    }

    /** For tests: how many verified tokens are remembered. */
    public int cachedTokens() {
        return cache == null ? 0 : cache.size();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        // Just above OIDC (quarkus.oidc.priority, 1001); below the gateway's ProblemChallenge (1500).
        return DEFAULT_PRIORITY + 100;
    }
}
