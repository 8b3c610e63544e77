package dev.trellis.e2e.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * The admin REST API of the realm under test, called with a bearer token: the stack's bootstrap admin
 * ({@code TRELLIS_KEYCLOAK_ADMIN}/{@code TRELLIS_KEYCLOAK_ADMIN_PASSWORD}, defaults: the local stack's) to set up
 * and check, or any other token (partner-service's service account) to see what Keycloak lets it do.
 */
public final class KeycloakAdmin {
    private KeycloakAdmin() {
    }

    /** A master-realm token of the bootstrap admin. */
    public static String adminToken() {
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

    /** METHOD /admin/realms/{realm}{path} with this token and, unless null, a JSON body. */
    public static Http.Response call(String token, String method, String path, String json) {
        HttpRequest.Builder b = Http.request(URI.create(Stack.KEYCLOAK + "/admin/realms/" + Stack.REALM + path))
                .header("Authorization", "Bearer " + token);
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return Http.send(b);
    }

    public static Http.Response get(String token, String path) {
        return call(token, "GET", path, null);
    }

    /** The id of the user with exactly this username (the admin's view), or an assertion error. */
    public static String userId(String adminToken, String username) {
        Http.Response r = get(adminToken, "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8));
        if (r.status() != 200 || r.json().size() != 1) {
            throw new AssertionError("no single user " + username + ": " + r);
        }
        return r.json().get(0).get("id").asText();
    }
}
