package dev.trellis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Jwts;
import dev.trellis.e2e.support.RealmKey;
import dev.trellis.e2e.support.Stack;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's edge rules on the running stack (issue 17): the per-user rate limit and its headers,
 * the token rules the realm's own tokens always meet, and problem bodies for oversized requests.
 *
 * <p>The rate limit is tripped by a user of its own, not by a demo user: its tokens carry a fresh
 * random {@code sub}, signed with the suite's realm key ({@link RealmKey}), so the burst empties that
 * user's bucket only and the rest of the suite, which shares the demo users, is not slowed. It stops
 * at the first 429; a sender slow enough to stay under the per-IP rate (200/s) never empties the
 * address' bucket, and a fast one trips the user's limit (200 at once) long before the address'
 * (1,000 at once), which every test shares.
 */
class EdgeHardeningIT {
    /** The documented default (gateway/README.md, "Rate limits"): 200 at once, refilled at 50/s. */
    private static final int PER_USER_BURST = 200;
    private static final Pattern PER_USER_POLICY = Pattern.compile("\"per-user\";q=(\\d+);w=(\\d+)");
    private static final Pattern PER_USER_STATE = Pattern.compile("\"per-user\";r=(\\d+)(?:;t=(\\d+))?");
    private static final URI CHEAP_READ = api("/api/user-groups?limit=1");
    /** More than the per-IP burst would allow at once; a gateway that never refuses fails here. */
    private static final int MAX_BURST = 2000;

    private static RealmKey realmKey;
    private static ObjectNode realClaims;

    @BeforeAll
    static void registerKey() throws InterruptedException {
        realClaims = Jwts.claims(Caller.TEAM.token());
        realmKey = RealmKey.register();
        // The gateway learns the new key on its next JWKS refresh (at most every 30 s on an unknown kid).
        String control = token(freshUser(), "RS256");
        Instant deadline = Instant.now().plusSeconds(90);
        while (Http.withBearer(control, "GET", CHEAP_READ).status() == 401 && Instant.now().isBefore(deadline)) {
            Thread.sleep(2000);
        }
    }

    @AfterAll
    static void removeKey() {
        if (realmKey != null) {
            realmKey.close();
        }
    }

    @Test
    void aBurstBeyondThePerUserLimitGets429ProblemsWithRetryAfterAndRateLimitFields() throws Exception {
        String token = token(freshUser(), "RS256");
        Http.Response first = Http.withBearer(token, "GET", CHEAP_READ);
        assertEquals(200, first.status(), first.toString());
        String policy = first.header("RateLimit-Policy").orElseThrow(() -> new AssertionError(
                "no RateLimit-Policy: is the gateway running without limits (benchmark settings)? " + first.headers()));
        Matcher documented = PER_USER_POLICY.matcher(policy);
        assertTrue(documented.find(), policy);
        assertEquals(PER_USER_BURST, Integer.parseInt(documented.group(1)), "the documented per-user burst: " + policy);
        Matcher state = PER_USER_STATE.matcher(first.header("RateLimit").orElseThrow());
        assertTrue(state.find(), first.header("RateLimit").orElseThrow());
        assertEquals(PER_USER_BURST - 1, Integer.parseInt(state.group(1)), "one request taken from a full bucket");

        // Batches of concurrent requests until one is refused: the bucket refills at 50/s while the
        // burst runs, so how many it takes depends on how fast this machine sends them.
        List<Http.Response> burst = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            while (burst.stream().noneMatch(r -> r.status() == 429) && burst.size() < MAX_BURST) {
                List<Future<Http.Response>> sent = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    sent.add(pool.submit(() -> Http.withBearer(token, "GET", CHEAP_READ)));
                }
                for (Future<Http.Response> response : sent) {
                    burst.add(response.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<Http.Response> limited = burst.stream().filter(r -> r.status() == 429).toList();
        long served = burst.stream().filter(r -> r.status() == 200).count();
        assertEquals(burst.size(), served + limited.size(), "only 200s and 429s: " + burst.stream()
                .filter(r -> r.status() != 200 && r.status() != 429).findFirst().map(Object::toString).orElse(""));
        assertTrue(!limited.isEmpty(), "no 429 in " + burst.size() + " requests after the first");
        assertTrue(served + 1 >= PER_USER_BURST, "the limit cut in before the documented burst: " + (served + 1));
        for (Http.Response r : limited) {
            assertTrue(r.header("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
            assertEquals(429, r.json().get("status").asInt(), r.toString());
            long retryAfter = Long.parseLong(r.header("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1, "Retry-After " + retryAfter);
            assertTrue(PER_USER_POLICY.matcher(r.header("RateLimit-Policy").orElse("")).find(), r.headers().toString());
            Matcher now = PER_USER_STATE.matcher(r.header("RateLimit").orElse(""));
            assertTrue(now.find(), r.headers().toString());
            assertEquals("0", now.group(1), "nothing left: " + r.header("RateLimit"));
            assertEquals(Long.toString(retryAfter), now.group(2), "t is the Retry-After: " + r.header("RateLimit"));
        }
        // Another user, from the same address, is not affected.
        Http.Response other = Http.get(Caller.TEAM, CHEAP_READ);
        assertEquals(200, other.status(), other.toString());
    }

    @Test
    void tokensSignedByARealmKeyButNotLikeTheRealmsOwnGet401AtTheGateway() {
        String user = freshUser();
        long now = Instant.now().getEpochSecond();
        Map<String, String> refused = Map.of(
                "RS384 with the realm's key", token(user, "RS384"),
                "issued five minutes ahead", token(claims(user).put("iat", now + 300).put("exp", now + 600), "RS256"),
                "an ID token (typ ID)", token(claims(user).put("typ", "ID"), "RS256"));
        refused.forEach((name, t) -> {
            Http.Response r = Http.withBearer(t, "GET", CHEAP_READ);
            assertEquals(401, r.status(), name + ": " + r);
            assertTrue(r.header("WWW-Authenticate").orElse("").startsWith("Bearer"), name + ": " + r.headers());
            assertTrue(r.header("Content-Type").orElse("").startsWith("application/problem+json"), name);
        });
        // The control: the same user's token in RS256, issued now, an access token.
        Http.Response control = Http.withBearer(token(user, "RS256"), "GET", CHEAP_READ);
        assertNotEquals(401, control.status(), control.toString());
    }

    @Test
    void oversizedAndAmbiguousRequestsGetProblemBodies() {
        Http.Response longTarget = Http.get(Caller.ANONYMOUS, api("/api/events?q=" + "a".repeat(5000)));
        assertProblem(longTarget, 414);
        Http.Response bigHeaders = Http.call(Caller.ANONYMOUS, "GET", api("/api/events"), null,
                Map.of("X-Padding", "a".repeat(21 * 1024)));
        assertProblem(bigHeaders, 431);
        String token = Caller.TEAM.token();
        Http.Response twoTokens = Http.send(Http.request(CHEAP_READ)
                .header("Authorization", "Bearer " + token).header("Authorization", "Bearer " + token));
        assertProblem(twoTokens, 400);
    }

    private static void assertProblem(Http.Response r, int status) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.header("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
        assertEquals(status, r.json().get("status").asInt(), r.toString());
        assertTrue(r.header("X-Request-Id").isPresent(), r.headers().toString());
    }

    private static String freshUser() {
        return UUID.randomUUID().toString();
    }

    /** A real community-team token's claims, made out to another subject and issued now. */
    private static ObjectNode claims(String subject) {
        long now = Instant.now().getEpochSecond();
        return realClaims.deepCopy().put("sub", subject).put("preferred_username", "e2e-" + subject.substring(0, 8))
                .put("jti", UUID.randomUUID().toString()).put("iat", now).put("exp", now + 300);
    }

    private static String token(String subject, String alg) {
        return token(claims(subject), alg);
    }

    private static String token(ObjectNode claims, String alg) {
        if ("RS256".equals(alg)) {
            return Jwts.rs256(Jwts.header("RS256", realmKey.kid()), claims, realmKey.privateKey());
        }
        return rsa(Jwts.header(alg, realmKey.kid()).toString(), claims.toString(), realmKey.privateKey(), alg);
    }

    /** RS384/RS512 with the same key: a signature the key verifies, under an algorithm the realm never uses. */
    private static String rsa(String header, String claims, PrivateKey key, String alg) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA" + alg.substring(2) + "withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64.encodeToString(signature.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI api(String pathAndQuery) {
        return URI.create(Stack.GATEWAY + pathAndQuery);
    }
}
