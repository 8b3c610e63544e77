package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.partner.demo.DemoData;
import dev.trellis.partner.domain.ApiClient;
import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.representations.idm.ClientRepresentation;

/** Against the real local Keycloak: every machine client a test creates is revoked after it. */
@QuarkusTest
class ApiClientResourceTest {
    private static final String A = TestTokens.PARTNER_A;
    private static final String B = TestTokens.PARTNER_B;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The bootstrap admin of the local stack: partner-service's own account may not read clients (that is the point). */
    private static Keycloak keycloak;

    /** (partner, clientId) of what a test created and did not revoke itself. */
    private final List<String[]> created = new ArrayList<>();

    @Inject
    PartnerService partners;

    @BeforeAll
    static void keycloak() {
        PortalKeycloak.requireRunning();
        keycloak = KeycloakBuilder.builder().serverUrl(PortalKeycloak.URL).realm("master").clientId("admin-cli")
                .grantType(OAuth2Constants.PASSWORD)
                .username(System.getenv().getOrDefault("TRELLIS_KEYCLOAK_ADMIN", "admin"))
                .password(System.getenv().getOrDefault("TRELLIS_KEYCLOAK_ADMIN_PASSWORD", "admin")).build();
    }

    @AfterAll
    static void closeKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @BeforeEach
    void partners() {
        partners.registerIfAbsent(DemoData.ACME_CLOUD, "Acme Cloud", "https://acme-cloud.example", "US", LifecycleStatus.ACTIVE);
        partners.registerIfAbsent(DemoData.BOREALIS_SYSTEMS, "Borealis Systems", null, "FI", LifecycleStatus.ACTIVE);
    }

    @AfterEach
    void revokeCreatedClients() {
        for (String[] client : created) {
            as(TestTokens.communityTeam()).delete("/api/partners/" + client[0] + "/clients/" + client[1]);
        }
        created.clear();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private ExtractableResponse<Response> create(String partnerId) {
        ExtractableResponse<Response> response = as(TestTokens.communityTeam())
                .body(Map.of("name", "clients-test " + UUID.randomUUID()))
                .post("/api/partners/" + partnerId + "/clients")
                .then().statusCode(201).extract();
        created.add(new String[] {partnerId, response.jsonPath().getString("clientId")});
        return response;
    }

    private static HttpResponse<String> clientCredentials(String clientId, String secret) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(PortalKeycloak.URL + "/realms/" + PortalKeycloak.REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long rows(String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> ApiClient.count("clientId", clientId));
    }

    @Test
    void aMachineClientIsAConfidentialClientCredentialsClientWhoseTokenIsAPartnerToken() throws Exception {
        ExtractableResponse<Response> response = create(A);
        JsonPath body = response.jsonPath();
        String clientId = body.getString("clientId");
        String secret = body.getString("clientSecret");
        assertTrue(clientId.startsWith("partner-api-"), clientId);
        assertEquals(A, body.getString("partnerId"));
        assertEquals("cora", body.getString("createdBy"));
        assertTrue(response.header("Location").endsWith("/api/partners/" + A + "/clients/" + clientId), response.header("Location"));
        assertTrue(response.header("Cache-Control").contains("no-store"), response.header("Cache-Control"));
        assertEquals(1, rows(clientId));

        ClientRepresentation client = PortalKeycloak.realm(keycloak).clients().findByClientId(clientId).get(0);
        assertFalse(client.isPublicClient());
        assertTrue(client.isServiceAccountsEnabled());
        assertFalse(client.isStandardFlowEnabled());
        assertFalse(client.isImplicitFlowEnabled());
        assertFalse(client.isDirectAccessGrantsEnabled());
        assertFalse(client.isFullScopeAllowed());
        assertTrue(Set.of("basic", "service_account").containsAll(client.getDefaultClientScopes()), client.getDefaultClientScopes().toString());
        assertTrue(client.getOptionalClientScopes().isEmpty(), client.getOptionalClientScopes().toString());

        HttpResponse<String> granted = clientCredentials(clientId, secret);
        assertEquals(200, granted.statusCode(), granted.body());
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(
                JSON.readTree(granted.body()).path("access_token").asText().split("\\.")[1]));
        assertEquals(A, claims.path("partner_id").asText(), claims.toString());
        assertEquals("trellis-api", claims.path("aud").asText(), claims.toString());
        assertEquals("[\"partner\"]", claims.path("realm_access").path("roles").toString(), claims.toString());
        assertEquals("service-account-" + clientId, claims.path("preferred_username").asText(), claims.toString());
        Set<String> allowed = new HashSet<>(List.of("exp", "iat", "jti", "iss", "aud", "sub", "typ", "azp", "scope",
                "realm_access", "partner_id", "preferred_username", "client_id", "clientHost", "clientAddress", "acr"));
        claims.fieldNames().forEachRemaining(name -> assertTrue(allowed.contains(name), "unexpected claim " + name + ": " + claims));

        // Calling the API with it: e2e MachineClientIT (the test profile trusts only its own signing key).

        as(TestTokens.communityTeam()).delete("/api/partners/" + A + "/clients/" + clientId).then().statusCode(204);
        created.clear();
        assertEquals(0, rows(clientId));
        assertTrue(PortalKeycloak.realm(keycloak).clients().findByClientId(clientId).isEmpty(), "still in Keycloak");
        assertEquals(401, clientCredentials(clientId, secret).statusCode());
        as(TestTokens.communityTeam()).delete("/api/partners/" + A + "/clients/" + clientId).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void partnerServicesOwnAccountCannotReadOrDeleteClients() {
        try (Keycloak account = PortalKeycloak.admin()) {
            ExtractableResponse<Response> response = create(A);
            String id = PortalKeycloak.realm(keycloak).clients().findByClientId(response.jsonPath().getString("clientId"))
                    .get(0).getId();
            for (Runnable call : List.<Runnable>of(
                    () -> PortalKeycloak.realm(account).clients().findAll(),
                    () -> PortalKeycloak.realm(account).clients().get(id).getSecret(),
                    () -> PortalKeycloak.realm(account).clients().get(id).remove())) {
                try {
                    call.run();
                    throw new AssertionError("partner-service's account was allowed to manage a client");
                } catch (jakarta.ws.rs.WebApplicationException expected) {
                    assertEquals(403, expected.getResponse().getStatus());
                }
            }
            assertEquals(1, PortalKeycloak.realm(keycloak).clients().findByClientId(response.jsonPath().getString("clientId")).size());
        }
    }

    @Test
    void listsShowNoSecretAndOnlyThePartnersOwnClients() {
        ExtractableResponse<Response> response = create(A);
        String clientId = response.jsonPath().getString("clientId");
        String secret = response.jsonPath().getString("clientSecret");
        String list = as(TestTokens.foundationStaff()).get("/api/partners/" + A + "/clients?limit=200")
                .then().statusCode(200).body("items.clientId", hasItem(clientId))
                .body("items.find { it.clientId == '" + clientId + "' }.createdAt", notNullValue())
                .extract().asString();
        assertFalse(list.contains(secret), list);
        assertFalse(list.contains("clientSecret") || list.contains("registration"), list);
        as(TestTokens.communityTeam()).get("/api/partners/" + B + "/clients?limit=200").then().statusCode(200)
                .body("items.clientId", not(hasItem(clientId)));
        // Another partner's client, and Keycloak clients partner-service did not create, cannot be revoked here.
        for (String other : List.of(clientId, "trellis-console", "trellis-partner-service")) {
            as(TestTokens.communityTeam()).delete("/api/partners/" + B + "/clients/" + other).then().statusCode(404);
        }
        as(TestTokens.communityTeam()).delete("/api/partners/" + A + "/clients/trellis-console").then().statusCode(404);
        assertEquals(1, PortalKeycloak.realm(keycloak).clients().findByClientId("trellis-console").size());
        assertEquals(1, rows(clientId));
    }

    @Test
    void onlyCommunityTeamCreatesAndRevokesFoundationStaffMayListPartnersMayNot() {
        String clientId = create(A).jsonPath().getString("clientId");
        String staff = TestTokens.foundationStaff();
        as(staff).body(Map.of("name", "clients-test staff")).post("/api/partners/" + A + "/clients").then().statusCode(403);
        as(staff).delete("/api/partners/" + A + "/clients/" + clientId).then().statusCode(403);
        for (String token : List.of(TestTokens.partnerA(), TestTokens.partnerB())) {
            as(token).get("/api/partners/" + A + "/clients").then().statusCode(403);
            as(token).body(Map.of("name", "clients-test partner")).post("/api/partners/" + A + "/clients").then().statusCode(403);
            as(token).delete("/api/partners/" + A + "/clients/" + clientId).then().statusCode(403);
        }
        given().get("/api/partners/" + A + "/clients").then().statusCode(401);
        assertEquals(1, rows(clientId));
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        as(TestTokens.communityTeam()).body(Map.of()).post("/api/partners/" + A + "/clients")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(containsString("name")));
        as(TestTokens.communityTeam()).body(Map.of("name", "x".repeat(101))).post("/api/partners/" + A + "/clients")
                .then().statusCode(400).body("errors.field", hasItem(containsString("name")));
        as(TestTokens.communityTeam()).body(Map.of("name", "<script>")).post("/api/partners/" + A + "/clients")
                .then().statusCode(400).body("errors.field", hasItem(containsString("name")));
        as(TestTokens.communityTeam()).body(Map.of("name", "clients-test")).post("/api/partners/" + UUID.randomUUID() + "/clients")
                .then().statusCode(404).contentType("application/problem+json");
        as(TestTokens.communityTeam()).get("/api/partners/" + UUID.randomUUID() + "/clients").then().statusCode(404);
        as(TestTokens.communityTeam()).get("/api/partners/" + A + "/clients?cursor=garbage").then().statusCode(400);
    }

    @Test
    void machineClientsArePagedByCreationTime() {
        UUID partner = UUID.randomUUID();
        partners.registerIfAbsent(partner, "Client Paging " + partner, null, null, LifecycleStatus.ACTIVE);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(create(partner.toString()).jsonPath().getString("clientId"));
        }
        JsonPath first = as(TestTokens.communityTeam()).get("/api/partners/" + partner + "/clients?limit=2")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(ids.subList(0, 2), first.getList("items.clientId"));
        JsonPath second = as(TestTokens.communityTeam())
                .get("/api/partners/" + partner + "/clients?limit=2&cursor=" + first.getString("next"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(ids.subList(2, 3), second.getList("items.clientId"));
        assertEquals(null, second.getString("next"));
    }
}
