package dev.trellis.partner.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * The outbound adapter to Keycloak for partner portal accounts (users) and partners' machine clients: its admin
 * REST API and its client registration service, called as the service account of {@link PortalConfig#clientId()}
 * (client credentials). That account may do no more than this class needs: create users as members of the group
 * {@value #PARTNER_GROUP} (which carries the realm role {@code partner}), view, change and delete members of that
 * group and mail them Keycloak's required-action link (fine-grained admin permissions on the group, set up by
 * {@code deploy/keycloak/configure-realm.sh}; its realm-management roles are {@code query-users} and
 * {@code create-client}), and register clients, each of which it can later delete only with that client's own
 * registration access token. It maps no role and never moves or edits an existing user. Users outside the group
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
    /** The one realm role a machine client's tokens carry. */
    static final String PARTNER_ROLE = "partner";
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
     * together with that membership. The user has no password, only the required action UPDATE_PASSWORD: the
     * invitation mail ({@link #sendInvitation}) lets them set one. Outcome: the new user's id, or empty when the
     * username or email is taken.
     */
    public Optional<String> create(String partnerId, String email, String firstName, String lastName) {
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

    /**
     * Has Keycloak mail the user its own "set your password" message (execute-actions-email with UPDATE_PASSWORD),
     * through the realm's mail server. Its link works for {@code lifespan}; the password never passes through here.
     */
    public void sendInvitation(String userId, Duration lifespan) {
        String what = "send the invitation mail";
        ArrayNode actions = json.createArrayNode().add("UPDATE_PASSWORD");
        requireSuccess(what, send(what, "PUT", "/users/" + segment(userId) + "/execute-actions-email?lifespan="
                + lifespan.toSeconds(), actions));
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
     * The portal users (of any partner) whose username is this address, compared as Keycloak stores usernames
     * (lower case): a person's portal account, found for their erasure. Keycloak returns members of
     * {@value #PARTNER_GROUP} only.
     */
    public List<PortalUserOf> byUsername(String username) {
        String what = "find the user by username";
        Answer answer = send(what, "GET", "/users?exact=true&briefRepresentation=false&username="
                + query(username.strip().toLowerCase(java.util.Locale.ROOT)), null);
        requireSuccess(what, answer);
        List<PortalUserOf> users = new ArrayList<>();
        for (JsonNode user : read(what, answer)) {
            String partner = partnerOf(user);
            if (partner != null && username.strip().equalsIgnoreCase(text(user, "username"))) {
                users.add(new PortalUserOf(partner, text(user, "id")));
            }
        }
        return users;
    }

    /** A portal user's id and the partner it belongs to. */
    public record PortalUserOf(String partnerId, String userId) {
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

    /**
     * Registers a partner's machine client through Keycloak's client registration service (the account holds
     * realm-management's {@code create-client} and nothing that manages clients): confidential, client credentials
     * only, no client scopes but {@code basic} (and {@code service_account}, which Keycloak adds), no full scope, and
     * its tokens carry exactly the realm role {@code partner}, {@code partner_id} = the partner, {@code preferred_username}
     * (the service account's) and the audience {@code audience}. Outcome: its secret and its registration access
     * token, the one credential that can delete it again.
     */
    public MachineClientRegistration register(String clientId, String name, String partnerId, String audience) {
        String what = "register the machine client";
        ObjectNode client = json.createObjectNode();
        client.put("clientId", clientId);
        client.put("name", name);
        client.put("description", "Machine client of partner " + partnerId + ", registered by partner-service");
        client.put("protocol", "openid-connect");
        client.put("publicClient", false);
        client.put("clientAuthenticatorType", "client-secret");
        client.put("serviceAccountsEnabled", true);
        client.put("standardFlowEnabled", false);
        client.put("implicitFlowEnabled", false);
        client.put("directAccessGrantsEnabled", false);
        client.put("frontchannelLogout", false);
        client.put("consentRequired", false);
        client.put("fullScopeAllowed", false);
        client.putArray("redirectUris");
        client.putArray("webOrigins");
        client.putArray("defaultClientScopes").add("basic");
        client.putArray("optionalClientScopes");
        ArrayNode mappers = client.putArray("protocolMappers");
        mapper(mappers, "partner role", "oidc-hardcoded-role-mapper").put("role", PARTNER_ROLE);
        tokenClaim(mapper(mappers, "realm roles", "oidc-usermodel-realm-role-mapper"), "realm_access.roles")
                .put("multivalued", "true");
        tokenClaim(mapper(mappers, PARTNER_ATTRIBUTE, "oidc-hardcoded-claim-mapper"), PARTNER_ATTRIBUTE)
                .put("claim.value", partnerId);
        tokenClaim(mapper(mappers, "username", "oidc-usermodel-property-mapper"), "preferred_username")
                .put("user.attribute", "username");
        ObjectNode audienceConfig = mapper(mappers, audience + " audience", "oidc-audience-mapper");
        audienceConfig.put("included.client.audience", audience);
        audienceConfig.put("access.token.claim", "true");
        audienceConfig.put("id.token.claim", "false");
        audienceConfig.put("introspection.token.claim", "true");
        String bearer = accessToken(what, null);
        Answer answer = exchange(what, "POST", registrations(""), client, bearer);
        if (answer.status() == 401) {
            answer = exchange(what, "POST", registrations(""), client, accessToken(what, bearer));
        }
        if (answer.status() != 201) {
            throw refused(what, answer.status());
        }
        JsonNode registered = read(what, answer);
        String secret = registered.path("secret").asText("");
        String registrationToken = registered.path("registrationAccessToken").asText("");
        if (secret.isEmpty() || registrationToken.isEmpty()) {
            throw IdentityProviderFailure.refused("Keycloak registered the machine client but returned no credentials");
        }
        return new MachineClientRegistration(secret, registrationToken);
    }

    /**
     * Deletes a machine client with its registration access token; Keycloak then issues it no more tokens. True if it
     * was deleted, false if Keycloak says it does not exist. A refused token (401: the client was deleted by hand, or
     * the realm key that signed the token is gone) is a failure, never taken for "deleted": the client might still
     * work.
     */
    public boolean unregister(String clientId, String registrationToken) {
        String what = "delete the machine client";
        Answer answer = exchange(what, "DELETE", registrations("/" + segment(clientId)), null, registrationToken);
        if (answer.status() == 404) {
            return false;
        }
        requireSuccess(what, answer);
        return true;
    }

    /** What registering a machine client gave: the secret (shown once) and the token to delete it with. */
    public record MachineClientRegistration(String secret, String registrationToken) {
    }

    private static ObjectNode mapper(ArrayNode mappers, String name, String type) {
        ObjectNode mapper = mappers.addObject();
        mapper.put("name", name);
        mapper.put("protocol", "openid-connect");
        mapper.put("protocolMapper", type);
        return mapper.putObject("config");
    }

    /** In the access token (and introspection) only, as a string claim unless told otherwise. */
    private static ObjectNode tokenClaim(ObjectNode config, String claim) {
        config.put("claim.name", claim);
        config.put("jsonType.label", "String");
        config.put("access.token.claim", "true");
        config.put("id.token.claim", "false");
        config.put("userinfo.token.claim", "false");
        config.put("introspection.token.claim", "true");
        return config;
    }

    private URI registrations(String path) {
        return URI.create(server + "/realms/" + segment(config.realm()) + "/clients-registrations/default" + path);
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
        return exchange(what, method, URI.create(server + "/admin/realms/" + segment(config.realm()) + path), body, bearer);
    }

    private Answer exchange(String what, String method, URI uri, JsonNode body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
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
