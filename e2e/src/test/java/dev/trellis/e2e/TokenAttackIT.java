package dev.trellis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Jwts;
import dev.trellis.e2e.support.RealmKey;
import dev.trellis.e2e.support.Stack;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Forged and flawed tokens, each sent to the gateway and to every service directly: each must get a
 * 401 without a stack trace.
 *
 * <p>Claim-level flaws (expired, not yet valid, wrong issuer, wrong audience) are signed with a key the
 * realm trusts during the suite ({@link RealmKey}); the same claims with no flaw must then be accepted,
 * so each 401 is caused by the flaw and not by the signature.
 */
class TokenAttackIT {
    /** A protected request per target that community-team may make (writes carry an invalid body). */
    private record Target(String name, String method, URI uri) {
    }

    private static final List<Target> TARGETS = List.of(
            new Target("gateway", "GET", Stack.GATEWAY.resolve("/api/partners")),
            new Target("partner-service", "GET", Stack.PARTNER_SERVICE.resolve("/api/partners")),
            new Target("advisory-service", "GET", Stack.ADVISORY_SERVICE.resolve("/api/boards")),
            new Target("event-service", "POST", Stack.EVENT_SERVICE.resolve("/api/events")),
            new Target("insights-service", "GET", Stack.INSIGHTS_SERVICE.resolve("/api/insights/at-risk")));

    private static RealmKey realmKey;
    private static String real;
    private static ObjectNode claims;

    @BeforeAll
    static void setUp() throws InterruptedException {
        real = Caller.TEAM.token();
        claims = Jwts.claims(real);
        realmKey = RealmKey.register();
        // Each verifier learns the new key on its next JWKS refresh (at most every 30 s on an unknown kid).
        String control = Jwts.rs256(Jwts.header("RS256", realmKey.kid()), claims, realmKey.privateKey());
        for (Target target : TARGETS) {
            Instant deadline = Instant.now().plusSeconds(90);
            while (send(target, control).status() == 401 && Instant.now().isBefore(deadline)) {
                Thread.sleep(2000);
            }
        }
    }

    @AfterAll
    static void tearDown() {
        if (realmKey != null) {
            realmKey.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> controlsAreAccepted() {
        Map<String, String> controls = new LinkedHashMap<>();
        controls.put("the real Keycloak token", real);
        controls.put("the same claims signed with the realm's test key",
                Jwts.rs256(Jwts.header("RS256", realmKey.kid()), claims, realmKey.privateKey()));
        List<DynamicTest> tests = new ArrayList<>();
        controls.forEach((name, token) -> TARGETS.forEach(t -> tests.add(DynamicTest.dynamicTest(
                name + " passes " + t.name(), () -> {
                    Http.Response r = send(t, token);
                    assertNotEquals(401, r.status(), t.name() + " must accept " + name + ": " + r);
                    assertNotEquals(403, r.status(), t.name() + ": " + r);
                }))));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> attacksGet401WithoutStackTrace() {
        long now = Instant.now().getEpochSecond();
        JsonNode realHeader = Jwts.headerOf(real);
        String realKid = realHeader.get("kid").asText();
        String publicKeyB64 = Http.send(Http.request(URI.create(Stack.ISSUER))).json().get("public_key").asText();
        byte[] publicKeyDer = Base64.getDecoder().decode(publicKeyB64);
        String publicKeyPem = "-----BEGIN PUBLIC KEY-----\n" + publicKeyB64 + "\n-----END PUBLIC KEY-----\n";

        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("alg none, real claims", Jwts.unsigned(Jwts.header("none", realKid), claims));
        attacks.put("alg none, no signature part at all",
                Jwts.unsigned(Jwts.header("none", realKid), claims).replaceAll("\\.$", ""));
        attacks.put("HS256 keyed with the realm's public key (base64 text)",
                Jwts.hs256(Jwts.header("HS256", realKid), claims, publicKeyB64.getBytes(StandardCharsets.US_ASCII)));
        attacks.put("HS256 keyed with the realm's public key (DER)",
                Jwts.hs256(Jwts.header("HS256", realKid), claims, publicKeyDer));
        attacks.put("HS256 keyed with the realm's public key (PEM)",
                Jwts.hs256(Jwts.header("HS256", realKid), claims, publicKeyPem.getBytes(StandardCharsets.US_ASCII)));
        attacks.put("expired two minutes ago", signed(c -> c.put("iat", now - 600).put("exp", now - 120)));
        attacks.put("nbf five minutes ahead", signed(c -> c.put("nbf", now + 300)));
        attacks.put("issued by another realm of the same Keycloak",
                signed(c -> c.put("iss", Stack.KEYCLOAK + "/realms/master")));
        attacks.put("issuer with a trailing slash", signed(c -> c.put("iss", Stack.ISSUER + "/")));
        attacks.put("audience of another client", signed(c -> c.put("aud", "account")));
        attacks.put("no audience", signed(c -> {
            c.remove("aud");
            return c;
        }));
        attacks.put("a real token of another client of the realm (trellis-partner-service)",
                dev.trellis.e2e.support.Tokens.partnerServiceClientToken());
        attacks.put("payload tampered: partner_id added", Jwts.tampered(real,
                claims.deepCopy().put("partner_id", Stack.PARTNER_B.toString())));
        attacks.put("payload tampered: foundation-staff role added", Jwts.tampered(real, withRole(claims, "foundation-staff")));
        attacks.put("signature of another token", Jwts.tampered(Caller.PARTNER_A.token(), claims));
        attacks.put("unknown kid, signed by a stranger's key", Jwts.rs256(Jwts.header("RS256", "e2e-unknown-kid"),
                claims, Jwts.newRsaKey().getPrivate()));
        attacks.put("known kid, signed by a stranger's key", Jwts.rs256(Jwts.header("RS256", realKid),
                claims, Jwts.newRsaKey().getPrivate()));
        attacks.put("not a JWT", "definitely-not-a-token");

        List<DynamicTest> tests = new ArrayList<>();
        attacks.forEach((name, token) -> TARGETS.forEach(t -> tests.add(DynamicTest.dynamicTest(
                name + " at " + t.name(), () -> {
                    Http.Response r = send(t, token);
                    assertEquals(401, r.status(), name + " at " + t.name() + ": " + r);
                    assertNoStackTrace(r);
                }))));
        return tests.stream();
    }

    private static String signed(Function<ObjectNode, ObjectNode> change) {
        return Jwts.rs256(Jwts.header("RS256", realmKey.kid()), change.apply(claims.deepCopy()), realmKey.privateKey());
    }

    private static ObjectNode withRole(ObjectNode original, String role) {
        ObjectNode copy = original.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) copy.with("realm_access").withArray("roles")).add(role);
        return copy;
    }

    static void assertNoStackTrace(Http.Response r) {
        for (String marker : List.of("Exception", "\tat ", "at io.", "at dev.trellis", "at java.", "Caused by")) {
            assertFalse(r.body().contains(marker), "stack trace in the body: " + r);
        }
    }

    private static Http.Response send(Target target, String token) {
        HttpRequest.Builder b = Http.request(target.uri()).header("Authorization", "Bearer " + token);
        if (target.method().equals("POST")) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        }
        return Http.send(b);
    }
}
