package dev.trellis.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Real tokens from the stack's Keycloak: the demo users' password grants and a client's own grant. */
public final class Tokens {
    private record Cached(String token, Instant expires) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** An access token for a demo user (password {@code demo}) through the public CLI client. */
    public static String password(String username) {
        Cached cached = CACHE.get(username);
        if (cached != null && Instant.now().isBefore(cached.expires())) {
            return cached.token();
        }
        JsonNode body = grant(Map.of("grant_type", "password", "client_id", "trellis-cli",
                "username", username, "password", "demo"));
        String token = body.get("access_token").asText();
        // Renew well before expiry so no request of the suite carries a token that just expired.
        CACHE.put(username, new Cached(token, Instant.now().plusSeconds(body.get("expires_in").asLong() / 2)));
        return token;
    }

    /**
     * A token that partner-service's confidential client gets for itself with its own credentials (the
     * installation's generated secret, {@link LocalSecrets}): signed by the realm, not for trellis-api, and the
     * bearer of exactly the admin rights partner-service has.
     */
    public static String partnerServiceClientToken() {
        return grant(Map.of("grant_type", "client_credentials", "client_id", "trellis-partner-service",
                "client_secret", LocalSecrets.portalClientSecret())).get("access_token").asText();
    }

    private static JsonNode grant(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Http.Response response = Http.send(Http.request(Stack.KEYCLOAK.resolve(
                        "/realms/" + Stack.REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(10))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        if (response.status() != 200) {
            throw new IllegalStateException("Keycloak refused the grant for " + form.get("client_id") + ": "
                    + response.status() + " " + response.body());
        }
        return response.json();
    }
}
