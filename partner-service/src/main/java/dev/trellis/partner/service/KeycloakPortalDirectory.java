package dev.trellis.partner.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.partner.config.PortalConfig;
import dev.trellis.partner.domain.PortalUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The outbound adapter to Keycloak for partner portal accounts: its admin REST API, called as the service
 * account of {@link PortalConfig#clientId()} (client credentials). That account may do no more than this class
 * needs: create users as members of the group {@value #PARTNER_GROUP} (which carries the realm role
 * {@code partner}), and view, change and delete members of that group (fine-grained admin permissions on the
 * group, set up by {@code deploy/keycloak/configure-realm.sh}; its one realm-management role is
 * {@code query-users}). It maps no role and never moves or edits an existing user. Users outside the group
 * (staff, the community team, partner users an administrator made by hand) are invisible to it: Keycloak
 * answers 403 for them, which this class treats as "not a portal user". Plain {@link HttpClient} and JSON, so
 * that the application layer carries no JAX-RS client types.
 *
 * <p>Every failure to talk to Keycloak is an {@link IdentityProviderFailure}: unreachable when it cannot be
 * reached, refused when it answers with an error, so that none of its statuses (a 404, a 401 for our own
 * credentials) leaks out as if it were ours.
 */
@ApplicationScoped
public class KeycloakPortalDirectory {
    static final String PARTNER_ATTRIBUTE = "partner_id";
    /** Membership gives the realm role {@code partner}; the service account can create members of no other group. */
    static final String PARTNER_GROUP = "/partner-users";
    /** A partner has a handful of portal users; the list reads at most this many from Keycloak. */
    static final int MAX_USERS_PER_PARTNER = 1000;
    /** A token this close to its expiry is not used any more; a new one is fetched. */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final Logger LOG = Logger.getLogger(KeycloakPortalDirectory.class);

    private final PortalConfig config;
    private final ObjectMapper json;
    private final HttpClient http;
    private final String server;
    private volatile AccessToken token;

    public KeycloakPortalDirectory(PortalConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.server = config.serverUrl().replaceAll("/+$", "");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private record AccessToken(String value, Instant usableUntil) {
    }

    /** A call's status and body. */
    private record Answer(int status, String body, HttpResponse<String> response) {
    }

    /**
     * Creates the user as a member of {@value #PARTNER_GROUP}, in one call: the account may create users only
     * together with that membership. Outcome: the new user's id, or empty when the username or email is taken.
     */
    public Optional<String> create(String partnerId, String email, String firstName, String lastName, String password) {
        String what = "create the user";
        ObjectNode user = json.createObjectNode();
        user.put("username", email);
        user.put("email", email);
        user.put("firstName", firstName);
        user.put("lastName", lastName);
        user.put("enabled", true);
        user.put("emailVerified", true);
        user.putArray("requiredActions").add("UPDATE_PASSWORD");
        user.putObject("attributes").putArray(PARTNER_ATTRIBUTE).add(partnerId);
        user.putArray("groups").add(PARTNER_GROUP);
        ObjectNode credential = user.putArray("credentials").addObject();
        credential.put("type", "password");
        credential.put("value", password);
        credential.put("temporary", true);
        Answer answer = send(what, "POST", "/users", user);
        if (answer.status() == 409) {
            return Optional.empty();
        }
        if (answer.status() != 201) {
            throw refused(what, answer.status());
        }
        String location = answer.response().headers().firstValue("Location")
                .orElseThrow(() -> IdentityProviderFailure.refused("Keycloak created the user but did not say where"));
        return Optional.of(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The partner's users; Keycloak returns members of {@value #PARTNER_GROUP} only. */
    public List<PortalUser> byPartner(String partnerId) {
        String what = "list the partner's users";
        Answer answer = send(what, "GET", "/users?first=0&max=" + MAX_USERS_PER_PARTNER
                + "&exact=true&briefRepresentation=false&q=" + query(PARTNER_ATTRIBUTE + ":" + partnerId), null);
        requireSuccess(what, answer);
        List<PortalUser> users = new ArrayList<>();
        for (JsonNode user : read(what, answer)) {
            if (partnerId.equals(partnerOf(user))) {
                users.add(toPortalUser(user));
            }
        }
        return users;
    }

    /**
     * The user with this id if it is a portal user of the partner. Keycloak answers 404 for an id that is nobody's
     * and 403 for a user outside {@value #PARTNER_GROUP}: neither is a portal user.
     */
    public Optional<PortalUser> find(String partnerId, String userId) {
        String what = "read the user";
        Answer answer = send(what, "GET", "/users/" + segment(userId), null);
        if (answer.status() == 404 || answer.status() == 403) {
            return Optional.empty();
        }
        requireSuccess(what, answer);
        JsonNode user = read(what, answer);
        return partnerId.equals(partnerOf(user)) ? Optional.of(toPortalUser(user)) : Optional.empty();
    }

    /** Removes a user; true if it was there. */
    public boolean delete(String userId) {
        String what = "delete the user";
        Answer answer = send(what, "DELETE", "/users/" + segment(userId), null);
        if (answer.status() == 404) {
            return false;
        }
        requireSuccess(what, answer);
        return true;
    }

    private static String partnerOf(JsonNode user) {
        JsonNode values = user.path("attributes").path(PARTNER_ATTRIBUTE);
        return values.isArray() && !values.isEmpty() ? values.get(0).asText() : null;
    }

    private static PortalUser toPortalUser(JsonNode user) {
        JsonNode created = user.get("createdTimestamp");
        return new PortalUser(text(user, "id"), text(user, "username"), text(user, "firstName"),
                text(user, "lastName"), user.path("enabled").asBoolean(false),
                created == null || created.isNull() ? null : Instant.ofEpochMilli(created.asLong()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** One call of the admin API of the realm, with a valid token; a 401 gets one retry with a fresh token. */
    private Answer send(String what, String method, String path, JsonNode body) {
        String bearer = accessToken(what, null);
        Answer answer = exchange(what, method, path, body, bearer);
        if (answer.status() == 401) {
            answer = exchange(what, method, path, body, accessToken(what, bearer));
        }
        return answer;
    }

    private Answer exchange(String what, String method, String path, JsonNode body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(server + "/admin/realms/" + segment(config.realm()) + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = transmit(what, request.build());
        return new Answer(response.statusCode(), response.body(), response);
    }

    /**
     * The service account's access token, fetched by client credentials and reused until shortly before it
     * expires, or until Keycloak refuses it ({@code rejected}, null when none was).
     */
    private String accessToken(String what, String rejected) {
        AccessToken current = token;
        if (usable(current, rejected)) {
            return current.value();
        }
        synchronized (this) {
            current = token;
            if (usable(current, rejected)) {
                return current.value();
            }
            String form = "grant_type=client_credentials&client_id=" + query(config.clientId())
                    + "&client_secret=" + query(config.clientSecret());
            HttpRequest request = HttpRequest.newBuilder(URI.create(server + "/realms/" + segment(config.realm())
                            + "/protocol/openid-connect/token"))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = transmit(what, request);
            if (response.statusCode() != 200) {
                throw refused(what, response.statusCode());
            }
            JsonNode answer = read(what, new Answer(response.statusCode(), response.body(), response));
            String value = answer.path("access_token").asText(null);
            if (value == null || value.isBlank()) {
                throw IdentityProviderFailure.refused("Keycloak issued no access token to " + what);
            }
            long lifetime = answer.path("expires_in").asLong(60);
            token = new AccessToken(value, Instant.now().plusSeconds(lifetime).minus(TOKEN_MARGIN));
            return value;
        }
    }

    private static boolean usable(AccessToken token, String rejected) {
        return token != null && !token.value().equals(rejected) && Instant.now().isBefore(token.usableUntil());
    }

    private HttpResponse<String> transmit(String what, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warnf("Keycloak at %s is unreachable (%s: %s)", server, what, e.toString());
            throw IdentityProviderFailure.unreachable(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw IdentityProviderFailure.unreachable(what, e);
        }
    }

    private void requireSuccess(String what, Answer answer) {
        if (answer.status() / 100 != 2) {
            throw refused(what, answer.status());
        }
    }

    private JsonNode read(String what, Answer answer) {
        try {
            return json.readTree(answer.body());
        } catch (JsonProcessingException e) {
            LOG.errorf(e, "Keycloak answered something that is not JSON (%s)", what);
            throw IdentityProviderFailure.failed(what, e);
        }
    }

    private String write(JsonNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }

    private static IdentityProviderFailure refused(String what, int status) {
        LOG.warnf("Keycloak refused to %s: HTTP %d", what, status);
        return IdentityProviderFailure.refused("Keycloak answered HTTP " + status + " when asked to " + what);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
