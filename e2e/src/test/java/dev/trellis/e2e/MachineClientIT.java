package dev.trellis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.KeycloakAdmin;
import dev.trellis.e2e.support.Stack;
import dev.trellis.e2e.support.Tokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A partner's machine client (docs/security.md "Machine clients"): staff create it, the partner's system gets a
 * token with the client-credentials grant and calls the API as that partner, nothing more, until staff revoke it.
 * Against the real Keycloak; every client a test creates is revoked after it.
 */
class MachineClientIT {
    private static final String A = Stack.PARTNER_A.toString();
    private static final String B = Stack.PARTNER_B.toString();

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void revokeWhatWasCreated() {
        for (String clientId : created) {
            Http.call(Caller.TEAM, "DELETE", Stack.GATEWAY.resolve("/api/partners/" + A + "/clients/" + clientId), null);
        }
        created.clear();
    }

    private JsonNode create(String partnerId) {
        Http.Response response = Http.call(Caller.TEAM, "POST", Stack.GATEWAY.resolve("/api/partners/" + partnerId + "/clients"),
                "{\"name\": \"clients-e2e " + UUID.randomUUID() + "\"}");
        assertEquals(201, response.status(), response.toString());
        JsonNode body = response.json();
        created.add(body.get("clientId").asText());
        assertTrue(response.header("Location").orElseThrow()
                .endsWith("/api/partners/" + partnerId + "/clients/" + body.get("clientId").asText()), response.headers().toString());
        assertTrue(response.header("Cache-Control").orElse("").contains("no-store"), response.headers().toString());
        return body;
    }

    /** The token endpoint's answer to this form. */
    private static Http.Response tokenRequest(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return Http.send(Http.request(URI.create(Stack.ISSUER + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Http.Response clientCredentials(String clientId, String secret) {
        return tokenRequest(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private static JsonNode claims(String token) throws Exception {
        return Http.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static Http.Response as(String token, String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = Http.request(Stack.GATEWAY.resolve(path)).header("Authorization", "Bearer " + token);
        headers.forEach(b::header);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return Http.send(b);
    }

    private static List<String> clientIdsOf(String partnerId) {
        Http.Response list = Http.get(Caller.STAFF, Stack.GATEWAY.resolve("/api/partners/" + partnerId + "/clients?limit=200"));
        assertEquals(200, list.status(), list.toString());
        List<String> ids = new ArrayList<>();
        list.json().get("items").forEach(item -> ids.add(item.get("clientId").asText()));
        return ids;
    }

    @Test
    void machineClientReadsAndUpdatesOnlyItsPartnerUntilRevoked() throws Exception {
        JsonNode client = create(A);
        String clientId = client.get("clientId").asText();
        String secret = client.get("clientSecret").asText();
        assertFalse(secret.isBlank(), client.toString());

        // Listed under A only, never with its secret.
        Http.Response list = Http.get(Caller.TEAM, Stack.GATEWAY.resolve("/api/partners/" + A + "/clients?limit=200"));
        assertTrue(clientIdsOf(A).contains(clientId), list.toString());
        assertFalse(list.body().contains(secret), "the list shows the secret");
        assertFalse(list.body().contains("clientSecret"), list.toString());
        assertFalse(clientIdsOf(B).contains(clientId));

        // Call 1: the token. It carries the partner role, A's partner_id and the API's audience, and nothing more.
        Http.Response granted = clientCredentials(clientId, secret);
        assertEquals(200, granted.status(), granted.toString());
        String token = granted.json().get("access_token").asText();
        JsonNode claims = claims(token);
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        assertEquals(List.of("partner"), roles, claims.toString());
        assertEquals(A, claims.path("partner_id").asText(), claims.toString());
        assertEquals("trellis-api", claims.path("aud").asText(), claims.toString());
        assertTrue(claims.path("resource_access").isMissingNode(), claims.toString());
        assertFalse(granted.json().has("refresh_token"), granted.toString());
        // No other grant: not the password grant, not offline access.
        Http.Response password = tokenRequest(Map.of("grant_type", "password", "client_id", clientId, "client_secret", secret,
                "username", "paula", "password", "demo"));
        assertTrue(password.status() == 400 || password.status() == 401, password.toString());
        Http.Response offline = tokenRequest(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret, "scope", "offline_access"));
        assertEquals(400, offline.status(), offline.toString());

        // Call 2: the partner's own organisation.
        Http.Response me = as(token, "GET", "/api/partners/me", null, Map.of());
        assertEquals(200, me.status(), me.toString());
        assertEquals(A, me.json().path("profile").path("id").asText(), me.toString());
        String description = me.json().path("profile").path("description").asText(null);
        String changed = "Changed by its machine client " + UUID.randomUUID();
        Http.Response update = as(token, "PATCH", "/api/partners/me", Http.JSON.writeValueAsString(Map.of("description", changed)),
                Map.of("If-Match", me.header("ETag").orElseThrow()));
        assertEquals(200, update.status(), update.toString());
        assertEquals(changed, update.json().path("description").asText(), update.toString());
        Http.Response restore = as(token, "PATCH", "/api/partners/me",
                description == null ? "{\"description\": null}" : Http.JSON.writeValueAsString(Map.of("description", description)),
                Map.of("If-Match", update.header("ETag").orElseThrow()));
        assertEquals(200, restore.status(), restore.toString());

        // Not partner B, not staff's routes, not a field only staff change, not another machine client.
        Http.Response other = as(token, "GET", "/api/partners/" + B, null, Map.of());
        assertEquals(403, other.status(), other.toString());
        String etagOfB = Http.get(Caller.TEAM, Stack.GATEWAY.resolve("/api/partners/" + B)).header("ETag").orElseThrow();
        assertEquals(403, as(token, "PATCH", "/api/partners/" + B, "{\"description\": \"taken over\"}",
                Map.of("If-Match", etagOfB)).status());
        assertEquals(403, as(token, "PATCH", "/api/partners/" + A, "{\"description\": \"x\"}",
                Map.of("If-Match", update.header("ETag").orElseThrow())).status());
        assertEquals(403, as(token, "PATCH", "/api/partners/me", "{\"tier\": \"STRATEGIC\"}",
                Map.of("If-Match", restore.header("ETag").orElseThrow())).status());
        for (String path : List.of("/api/partners/" + A + "/portal-users", "/api/partners/" + A + "/clients",
                "/api/partners/" + A + "/touchpoints", "/api/contacts", "/api/partners/members-per-tier")) {
            Http.Response refused = as(token, "GET", path, null, Map.of());
            assertEquals(403, refused.status(), path + ": " + refused);
        }
        assertEquals(403, as(token, "POST", "/api/partners/" + A + "/clients", "{\"name\": \"clients-e2e more\"}", Map.of()).status());
        assertEquals(403, as(token, "DELETE", "/api/partners/" + A + "/clients/" + clientId, null, Map.of()).status());

        // Revoked under the wrong partner: 404, and it still works.
        Http.Response wrong = Http.call(Caller.TEAM, "DELETE", Stack.GATEWAY.resolve("/api/partners/" + B + "/clients/" + clientId), null);
        assertEquals(404, wrong.status(), wrong.toString());
        assertEquals(200, clientCredentials(clientId, secret).status());

        // Revoked: no new token, gone from the list, a second revocation is a 404.
        Http.Response revoked = Http.call(Caller.TEAM, "DELETE", Stack.GATEWAY.resolve("/api/partners/" + A + "/clients/" + clientId), null);
        assertEquals(204, revoked.status(), revoked.toString());
        created.remove(clientId);
        Http.Response refused = clientCredentials(clientId, secret);
        assertEquals(401, refused.status(), refused.toString());
        assertEquals("invalid_client", refused.json().path("error").asText(), refused.toString());
        assertFalse(clientIdsOf(A).contains(clientId));
        assertEquals(404, Http.call(Caller.TEAM, "DELETE", Stack.GATEWAY.resolve("/api/partners/" + A + "/clients/" + clientId), null).status());
    }

    @Test
    void onlyRecordedClientsCanBeRevokedAndTheAccountManagesNoOtherClient() {
        String admin = KeycloakAdmin.adminToken();
        String console = KeycloakAdmin.get(admin, "/clients?clientId=trellis-console").json().get(0).get("id").asText();
        // Through the API: a Keycloak client that partner-service did not create for this partner is nobody's.
        for (String other : List.of("trellis-console", "trellis-partner-service", "realm-management", console)) {
            Http.Response response = Http.call(Caller.TEAM, "DELETE", Stack.GATEWAY.resolve("/api/partners/" + A + "/clients/" + other), null);
            assertEquals(404, response.status(), other + ": " + response);
        }
        // The service account itself, with its own credentials: it registers clients and manages none.
        String account = Tokens.partnerServiceClientToken();
        assertEquals(403, KeycloakAdmin.get(account, "/clients").status());
        assertEquals(403, KeycloakAdmin.get(account, "/clients/" + console + "/client-secret").status());
        assertEquals(403, KeycloakAdmin.call(account, "DELETE", "/clients/" + console, null).status());
        Http.Response viaRegistration = Http.send(Http.request(URI.create(Stack.ISSUER + "/clients-registrations/default/trellis-console"))
                .header("Authorization", "Bearer " + account).DELETE());
        assertEquals(403, viaRegistration.status(), viaRegistration.toString());
        assertEquals(200, KeycloakAdmin.get(admin, "/clients/" + console).status(), "trellis-console is still there");

        // A client of A's is not B's to revoke.
        String clientId = create(A).get("clientId").asText();
        assertEquals(404, Http.call(Caller.TEAM, "DELETE", Stack.GATEWAY.resolve("/api/partners/" + B + "/clients/" + clientId), null).status());
        assertTrue(clientIdsOf(A).contains(clientId));
    }

    @Test
    void badRequestsAreRefused() {
        Http.Response blank = Http.call(Caller.TEAM, "POST", Stack.GATEWAY.resolve("/api/partners/" + A + "/clients"), "{\"name\": \" \"}");
        assertEquals(400, blank.status(), blank.toString());
        Http.Response unknown = Http.call(Caller.TEAM, "POST", Stack.GATEWAY.resolve("/api/partners/" + UUID.randomUUID() + "/clients"),
                "{\"name\": \"clients-e2e nobody\"}");
        assertEquals(404, unknown.status(), unknown.toString());
        Http.Response cursor = Http.get(Caller.TEAM, Stack.GATEWAY.resolve("/api/partners/" + A + "/clients?cursor=garbage"));
        assertEquals(400, cursor.status(), cursor.toString());
    }
}
