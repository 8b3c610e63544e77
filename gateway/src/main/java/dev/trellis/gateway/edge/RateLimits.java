package dev.trellis.gateway.edge;

import dev.trellis.gateway.config.GatewayConfig;
import dev.trellis.gateway.metrics.GatewayMetrics;
import io.micrometer.core.instrument.Counter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Rate limits: per client IP before anything else is spent on a request (token verification costs
 * CPU), and per user once the token is verified. Over either limit, the caller gets 429 with
 * {@code Retry-After}. Every response a limit applied to says so in the IETF {@code RateLimit-Policy}
 * and {@code RateLimit} fields (draft-ietf-httpapi-ratelimit-headers-10: structured-field lists of
 * quoted policy names with {@code q}/{@code w}, and {@code r}/{@code t}), so a client can pace itself
 * before it is refused. The buckets live in this gateway's memory, per instance
 * (docs/adr/0007-per-instance-rate-limits.md).
 */
@ApplicationScoped
public class RateLimits {

    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String HEADER = "RateLimit";

    /** After {@link RequestIds} (1000) and {@link RequestShape} (995), before CORS, the body limit and authentication (-200). */
    private static final int PRIORITY = 990;

    private final Limit perIp;
    private final Limit perUser;

    RateLimits(GatewayConfig config, GatewayMetrics metrics) {
        GatewayConfig.Limits limits = config.limits();
        this.perIp = Limit.of("per-ip", limits.perIp(), limits.maxTrackedClients(), metrics);
        this.perUser = Limit.of("per-user", limits.perUser(), limits.maxTrackedClients(), metrics);
    }

    /** One configured limit: its buckets, its policy item, which never changes, and its count of refusals. */
    private record Limit(String name, TokenBuckets buckets, String policy, Counter refused) {
        static Limit of(String name, GatewayConfig.RateLimit config, int maxClients, GatewayMetrics metrics) {
            // Registered even for a limit that is off, so that a dashboard shows 0 rather than no data.
            Counter refused = metrics.rateLimited(name);
            if (config.requestsPerSecond() <= 0) {
                return null;
            }
            // The window is how long an emptied bucket takes to fill again: q requests per w seconds
            // on average, and at most q at once.
            long window = Math.max(1, (long) Math.ceil(config.burst() / config.requestsPerSecond()));
            return new Limit(name, new TokenBuckets(config.requestsPerSecond(), config.burst(), maxClients, System::nanoTime),
                    "\"" + name + "\";q=" + config.burst() + ";w=" + window, refused);
        }

        /** Takes a token, adds this limit to the response's RateLimit fields, and says whether the request may go on. */
        boolean pass(RoutingContext ctx, String key, String refusal) {
            TokenBuckets.Outcome outcome = buckets.acquire(key);
            HttpServerResponse response = ctx.response();
            append(response, POLICY_HEADER, policy);
            append(response, HEADER, "\"" + name + "\";r=" + outcome.remaining()
                    + (outcome.secondsToNextToken() > 0 ? ";t=" + outcome.secondsToNextToken() : ""));
            if (outcome.allowed()) {
                return true;
            }
            refused.increment();
            response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(outcome.secondsToNextToken()));
            Problems.send(ctx, 429, refusal + "; retry after " + outcome.secondsToNextToken() + " s");
            return false;
        }

        /** Both fields are lists; the per-user item joins the per-IP one in the same field line. */
        private static void append(HttpServerResponse response, String header, String item) {
            String existing = response.headers().get(header);
            response.headers().set(header, existing == null ? item : existing + ", " + item);
        }
    }

    void register(@Observes Filters filters) {
        if (perIp != null) {
            filters.register(this::limitIp, PRIORITY);
        }
    }

    private void limitIp(RoutingContext ctx) {
        // The socket's address: the gateway is the edge, so X-Forwarded-For is the caller's own claim.
        String ip = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        if (perIp.pass(ctx, ip, "Too many requests from your address")) {
            ctx.next();
        }
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
        return perUser.pass(ctx, subject, "Too many requests for your account");
    }
}
