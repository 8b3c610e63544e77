package dev.trellis.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * A signing key the realm trusts for the length of the suite, so that tokens whose only flaw is one
 * claim (expired, not yet valid, wrong issuer, wrong audience) carry a valid signature. Without it,
 * such a token would fail on its signature and prove nothing about the claim checks.
 *
 * <p>The key pair is generated in this JVM and its private half never leaves it; Keycloak gets it
 * only to publish the public half in the realm's JWKS. It is registered with the lowest priority, so
 * Keycloak keeps signing its own tokens with its own key, and removed when the suite ends. A key
 * left behind by a killed run is useless to anyone, and the next run removes it.
 */
public final class RealmKey implements AutoCloseable {
    static final String NAME = "trellis-e2e-claims-key";

    private final KeyPair pair;
    private final String componentId;
    private final String kid;

    private RealmKey(KeyPair pair, String componentId, String kid) {
        this.pair = pair;
        this.componentId = componentId;
        this.kid = kid;
    }

    public static RealmKey register() {
        String admin = adminToken();
        removeLeftovers(admin);
        KeyPair pair = Jwts.newRsaKey();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        ObjectNode component = Http.JSON.createObjectNode()
                .put("name", NAME)
                .put("providerId", "rsa")
                .put("providerType", "org.keycloak.keys.KeyProvider")
                .put("parentId", realmId(admin));
        ObjectNode config = component.putObject("config");
        config.putArray("priority").add("1");
        config.putArray("enabled").add("true");
        config.putArray("active").add("true");
        config.putArray("algorithm").add("RS256");
        config.putArray("privateKey").add(pem);
        Http.Response created = Http.send(adminRequest(admin, "/components")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(component.toString())));
        if (created.status() != 201) {
            throw new IllegalStateException("Keycloak refused the test key: " + created);
        }
        String location = created.header("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        return new RealmKey(pair, id, kidOf((RSAPublicKey) pair.getPublic()));
    }

    public String kid() {
        return kid;
    }

    public PrivateKey privateKey() {
        return pair.getPrivate();
    }

    @Override
    public void close() {
        Http.send(adminRequest(adminToken(), "/components/" + componentId).DELETE());
    }

    /** The kid Keycloak published for this key: the JWKS entry with the same modulus. */
    private static String kidOf(RSAPublicKey key) {
        JsonNode jwks = Http.send(Http.request(URI.create(Stack.ISSUER + "/protocol/openid-connect/certs"))).json();
        for (JsonNode k : jwks.get("keys")) {
            if (k.has("n") && new BigInteger(1, Base64.getUrlDecoder().decode(k.get("n").asText()))
                    .equals(key.getModulus())) {
                return k.get("kid").asText();
            }
        }
        throw new IllegalStateException("the realm does not publish the test key");
    }

    private static void removeLeftovers(String admin) {
        JsonNode components = Http.send(adminRequest(admin, "/components?name="
                + URLEncoder.encode(NAME, StandardCharsets.UTF_8))).json();
        for (JsonNode c : components) {
            Http.send(adminRequest(admin, "/components/" + c.get("id").asText()).DELETE());
        }
    }

    private static String realmId(String admin) {
        return Http.send(adminRequest(admin, "")).json().get("id").asText();
    }

    private static HttpRequest.Builder adminRequest(String admin, String path) {
        return Http.request(URI.create(Stack.KEYCLOAK + "/admin/realms/" + Stack.REALM + path))
                .header("Authorization", "Bearer " + admin);
    }

    /** The local stack's bootstrap admin (deploy/local/keycloak.sh); overridable for other stacks. */
    private static String adminToken() {
        String user = System.getenv().getOrDefault("TRELLIS_KEYCLOAK_ADMIN", "admin");
        String password = System.getenv().getOrDefault("TRELLIS_KEYCLOAK_ADMIN_PASSWORD", "admin");
        String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        Http.Response r = Http.send(Http.request(URI.create(Stack.KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (r.status() != 200) {
            throw new IllegalStateException("no Keycloak admin token: " + r);
        }
        return r.json().get("access_token").asText();
    }
}
