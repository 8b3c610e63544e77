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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * partner-service's Keycloak service account, used directly against the admin REST API with the client's own
 * credentials, as a thief of its secret would. It may create members of {@code partner-users} and manage those
 * members (docs/security.md); it must not grant any role, nor move a user it did not invite to another partner,
 * nor bring a user into its reach. Every refused attempt is also checked for having changed nothing.
 */
class PortalAccountPrivilegeIT {
    private static final String A = Stack.PARTNER_A.toString();
    private static final String B = Stack.PARTNER_B.toString();

    private static String admin;
    private static String account;
    private static String invitee;
    private static String paula;
    private static String felix;
    private static String group;
    private static final List<String> createdDirectly = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        admin = KeycloakAdmin.adminToken();
        account = Tokens.partnerServiceClientToken();
        paula = KeycloakAdmin.userId(admin, "paula");
        felix = KeycloakAdmin.userId(admin, "felix");
        group = KeycloakAdmin.get(admin, "/group-by-path/partner-users").json().get("id").asText();
        // A portal user the account manages: invited the normal way, by the community team through the API.
        String email = "privilege-" + UUID.randomUUID() + "@mail-test.trellis.dev";
        Http.Response invited = Http.call(Caller.TEAM, "POST", Stack.GATEWAY.resolve("/api/partners/" + A + "/portal-users"),
                "{\"email\": \"" + email + "\", \"firstName\": \"Ivo\", \"lastName\": \"Invited\"}");
        assertEquals(201, invited.status(), invited.toString());
        invitee = invited.json().get("id").asText();
    }

    @AfterAll
    static void cleanUp() {
        // Should a refusal fail, the demo users must not stay damaged for the rest of the suite: put them back.
        if (paula != null && !A.equals(partnerOf(paula))) {
            KeycloakAdmin.call(admin, "PUT", "/users/" + paula, """
                    {"username": "paula", "email": "paula@acme-cloud.example", "firstName": "Paula", "lastName": "Moreau",
                     "attributes": {"partner_id": ["%s"]}}""".formatted(A));
        }
        if (felix != null && partnerOf(felix) != null) {
            KeycloakAdmin.call(admin, "PUT", "/users/" + felix, """
                    {"username": "felix", "email": "felix@trellis.example", "firstName": "Felix", "lastName": "Baumann",
                     "attributes": {}}""");
        }
        for (String user : new String[] {paula, felix}) {
            if (user != null && group != null) {
                KeycloakAdmin.call(admin, "DELETE", "/users/" + user + "/groups/" + group, null);
            }
        }
        if (paula != null) {
            for (String role : List.of("foundation-staff", "community-team")) {
                KeycloakAdmin.call(admin, "DELETE", "/users/" + paula + "/role-mappings/realm", "[" + role(role) + "]");
            }
        }
        if (invitee != null) {
            Http.call(Caller.TEAM, "DELETE", Stack.GATEWAY.resolve("/api/partners/" + A + "/portal-users/" + invitee), null);
        }
        for (String id : createdDirectly) {
            KeycloakAdmin.call(admin, "DELETE", "/users/" + id, null);
        }
    }

    private static String role(String name) {
        Http.Response r = KeycloakAdmin.get(admin, "/roles/" + name);
        assertEquals(200, r.status(), r.toString());
        return r.body();
    }

    private static List<String> effectiveRealmRoles(String userId) {
        List<String> names = new ArrayList<>();
        KeycloakAdmin.get(admin, "/users/" + userId + "/role-mappings/realm/composite").json()
                .forEach(r -> names.add(r.get("name").asText()));
        return names;
    }

    private static String partnerOf(String userId) {
        JsonNode values = KeycloakAdmin.get(admin, "/users/" + userId).json().path("attributes").path("partner_id");
        return values.isArray() && !values.isEmpty() ? values.get(0).asText() : null;
    }

    private static void assertRefused(Http.Response r, String what) {
        assertEquals(403, r.status(), what + " must be refused: " + r);
    }

    @Test
    void theAccountsOwnCredentialsWork() {
        // The control for every refusal below: the token is valid and the account does reach what it may manage.
        Http.Response own = KeycloakAdmin.get(account, "/users/" + invitee);
        assertEquals(200, own.status(), own.toString());
        assertEquals(A, own.json().path("attributes").path("partner_id").get(0).asText());
    }

    @Test
    void portalAccountCannotGrantFoundationStaffOrAnyRole() {
        String foundationStaff = role("foundation-staff");
        for (String user : List.of(invitee, paula, felix)) {
            assertRefused(KeycloakAdmin.call(account, "POST", "/users/" + user + "/role-mappings/realm",
                    "[" + foundationStaff + "]"), "mapping foundation-staff to " + user);
            assertRefused(KeycloakAdmin.call(account, "POST", "/users/" + user + "/role-mappings/realm",
                    "[" + role("community-team") + "]"), "mapping community-team to " + user);
        }
        // Not even the role its invitees get through the group, and not realm-management's roles to itself.
        assertRefused(KeycloakAdmin.call(account, "POST", "/users/" + invitee + "/role-mappings/realm",
                "[" + role("partner") + "]"), "mapping partner directly");
        Http.Response clients = KeycloakAdmin.get(admin, "/clients?clientId=realm-management");
        String realmManagement = clients.json().get(0).get("id").asText();
        String manageUsers = KeycloakAdmin.get(admin, "/clients/" + realmManagement + "/roles/manage-users").body();
        String self = KeycloakAdmin.get(admin, "/users?exact=true&username=service-account-trellis-partner-service").json()
                .get(0).get("id").asText();
        assertRefused(KeycloakAdmin.call(account, "POST", "/users/" + self + "/role-mappings/clients/" + realmManagement,
                "[" + manageUsers + "]"), "giving itself manage-users");
        // A user created with realmRoles in its representation gets only the group's role.
        Http.Response created = KeycloakAdmin.call(account, "POST", "/users", """
                {"username": "privilege-roles-%s@acme-cloud.example", "enabled": true, "groups": ["/partner-users"],
                 "realmRoles": ["foundation-staff", "community-team"], "attributes": {"partner_id": ["%s"]}}
                """.formatted(UUID.randomUUID(), A));
        assertEquals(201, created.status(), created.toString());
        String id = created.header("Location").orElseThrow().replaceAll(".*/", "");
        createdDirectly.add(id);

        for (String user : List.of(invitee, paula, id)) {
            List<String> roles = effectiveRealmRoles(user);
            assertFalse(roles.contains("foundation-staff") || roles.contains("community-team"), user + " gained a role: " + roles);
        }
        assertFalse(effectiveRealmRoles(felix).contains("community-team"), "felix gained community-team");
        assertTrue(effectiveRealmRoles(id).contains("partner"), "the group still gives partner");
        Http.Response ownRoles = KeycloakAdmin.get(admin, "/users/" + self + "/role-mappings/clients/" + realmManagement);
        List<String> names = new ArrayList<>();
        ownRoles.json().forEach(r -> names.add(r.get("name").asText()));
        names.sort(null);
        assertEquals(List.of("create-client", "query-users"), names, "the account's realm-management roles");
    }

    @Test
    void portalAccountCannotMoveAUserItDidNotInviteToAnotherPartner() {
        // paula is partner A's demo user from the realm file, not a member of partner-users.
        assertRefused(KeycloakAdmin.call(account, "PUT", "/users/" + paula, """
                {"username": "paula", "email": "paula@acme-cloud.example", "firstName": "Paula", "lastName": "Moreau",
                 "attributes": {"partner_id": ["%s"]}}""".formatted(B)), "moving paula to partner B");
        assertEquals(A, partnerOf(paula), "paula's partner_id is unchanged");
        // Staff: giving felix a partner_id would make him a partner user in every service.
        assertRefused(KeycloakAdmin.call(account, "PUT", "/users/" + felix, """
                {"attributes": {"partner_id": ["%s"]}}""".formatted(B)), "giving felix a partner_id");
        assertEquals(null, partnerOf(felix), "felix has no partner_id");
        // Nor can it bring them into its reach: joining an existing user to partner-users needs rights on that user.
        assertRefused(KeycloakAdmin.call(account, "PUT", "/users/" + paula + "/groups/" + group, null), "adding paula to partner-users");
        assertRefused(KeycloakAdmin.call(account, "PUT", "/users/" + felix + "/groups/" + group, null), "adding felix to partner-users");
        // It cannot even read them, reset their password or delete them.
        for (String user : List.of(paula, felix)) {
            assertRefused(KeycloakAdmin.get(account, "/users/" + user), "reading " + user);
            assertRefused(KeycloakAdmin.call(account, "PUT", "/users/" + user + "/reset-password",
                    "{\"type\": \"password\", \"value\": \"Taken-over-" + UUID.randomUUID() + "\", \"temporary\": false}"),
                    "resetting the password of " + user);
            assertRefused(KeycloakAdmin.call(account, "DELETE", "/users/" + user, null), "deleting " + user);
        }
        Http.Response list = KeycloakAdmin.get(account, "/users?max=1000&briefRepresentation=true");
        assertEquals(200, list.status(), list.toString());
        assertFalse(list.body().contains("\"paula\"") || list.body().contains("\"felix\"") || list.body().contains("\"cora\""),
                "the account's user list holds only members of partner-users: " + list);
        // Users it creates are members of partner-users or nothing: no group, or another group, is refused.
        assertRefused(KeycloakAdmin.call(account, "POST", "/users", """
                {"username": "privilege-nogroup-%s@acme-cloud.example", "attributes": {"partner_id": ["%s"]}}
                """.formatted(UUID.randomUUID(), B)), "creating a user outside partner-users");
        // And partner-service itself treats a user outside the group as no portal user of anybody's: 404, not 502.
        Http.Response viaApi = Http.get(Caller.TEAM, Stack.GATEWAY.resolve("/api/partners/" + A + "/portal-users/" + paula));
        assertEquals(404, viaApi.status(), viaApi.toString());
        assertEquals(A, partnerOf(paula));
    }
}
