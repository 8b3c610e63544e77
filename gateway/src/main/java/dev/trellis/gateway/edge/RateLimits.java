package dev.trellis.gateway.edge;

import dev.trellis.gateway.config.GatewayConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Rate limits: per client IP before anything else is spent on a request (token verification costs
 * CPU), and per user once the token is verified. Over either limit, the caller gets 429 with
 * {@code Retry-After}. The buckets live in this gateway's memory: several gateway instances would
 * each allow the configured rate.
 */
@ApplicationScoped
public class RateLimits {

    /** After {@link RequestIds} (1000), before CORS, the body limit and authentication (-200). */
    private static final int PRIORITY = 990;

    private final TokenBuckets perIp;
    private final TokenBuckets perUser;

    RateLimits(GatewayConfig config) {
        GatewayConfig.Limits limits = config.limits();
        this.perIp = buckets(limits.perIp(), limits.maxTrackedClients());
        this.perUser = buckets(limits.perUser(), limits.maxTrackedClients());
    }

    private static TokenBuckets buckets(GatewayConfig.RateLimit limit, int maxClients) {
        return limit.requestsPerSecond() <= 0 ? null
                : new TokenBuckets(limit.requestsPerSecond(), limit.burst(), maxClients, System::nanoTime);
    }

    void register(@Observes Filters filters) {
        if (perIp != null) {
            filters.register(this::limitIp, PRIORITY);
        }
    }

    private void limitIp(RoutingContext ctx) {
        // The socket's address: the gateway is the edge, so X-Forwarded-For is the caller's own claim.
        String ip = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        long wait = perIp.acquire(ip);
        if (wait > 0) {
            tooMany(ctx, wait, "Too many requests from your address; retry after " + wait + " s");
            return;
        }
        ctx.next();
    }

    /**
     * Checks the authenticated user's limit; anonymous requests only have the IP limit.
     *
     * @return whether the request may go on; if not, the 429 has been sent
     */
    public boolean allowUser(RoutingContext ctx) {
        if (perUser == null || !(ctx.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous()) {
            return true;
        }
        Principal principal = user.getSecurityIdentity().getPrincipal();
        String subject = principal instanceof JsonWebToken jwt && jwt.getSubject() != null ? jwt.getSubject()
                : principal.getName();
        long wait = perUser.acquire(subject);
        if (wait > 0) {
            tooMany(ctx, wait, "Too many requests for your account; retry after " + wait + " s");
            return false;
        }
        return true;
    }

    private static void tooMany(RoutingContext ctx, long retryAfterSeconds, String detail) {
        ctx.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        Problems.send(ctx, 429, detail);
    }
}
