package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.partner.demo.DemoData;
import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Against the real local Keycloak: every user a test invites is deleted after it. */
@QuarkusTest
class PortalUserResourceTest {
    private static final String A = TestTokens.PARTNER_A;
    private static final String B = TestTokens.PARTNER_B;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAIL_DOMAIN = "mail-test.trellis.dev";
    private static final String GREENMAIL_API =
            System.getenv().getOrDefault("TRELLIS_GREENMAIL_API", "http://127.0.0.1:8025/api");
    private static Keycloak keycloak;

    private final List<String> created = new ArrayList<>();

    @Inject
    PartnerService partners;
    @Inject
    EntityManager em;
    @ConfigProperty(name = "trellis.outbox.topic-prefix")
    String topicPrefix;

    /** The outbox rows of this type about this user: (aggregate_id, topic, data). */
    private List<Object[]> events(String type, String userId) {
        return OutboxRows.about(em, type, "userId", userId);
    }

    private void assertOneEvent(String type, String partnerId, String userId) {
        List<Object[]> rows = events(type, userId);
        assertEquals(1, rows.size(), type + " events for " + userId);
        assertEquals(partnerId, rows.get(0)[0]);
        assertEquals(topicPrefix + "trellis.partner.events", rows.get(0)[1]);
        assertFalse(String.valueOf(rows.get(0)[2]).contains("@"), "no email in the event: " + rows.get(0)[2]);
    }

    @BeforeAll
    static void keycloak() {
        PortalKeycloak.requireRunning();
        keycloak = PortalKeycloak.admin();
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
    void deleteInvitedUsers() {
        for (String id : created) {
            PortalKeycloak.realm(keycloak).users().delete(id).close();
        }
        created.clear();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Every invitation is mailed by Keycloak to GreenMail: addresses of the test mail domain only, new ones per test. */
    private static String email() {
        return "portal-test-" + UUID.randomUUID() + "@" + MAIL_DOMAIN;
    }

    /** What GreenMail (its API, docs/mail.md) holds for this address: a JSON array of messages. */
    private static JsonNode inbox(String address) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(GREENMAIL_API + "/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8)
                                + "/messages/INBOX")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createArrayNode();
    }

    private static Map<String, Object> invitation(String email) {
        return Map.of("email", email, "firstName", "Maria", "lastName", "Rossi");
    }

    private JsonPath invite(String partnerId, String email) {
        JsonPath body = as(TestTokens.communityTeam()).body(invitation(email))
                .post("/api/partners/" + partnerId + "/portal-users")
                .then().statusCode(201).extract().jsonPath();
        created.add(body.getString("id"));
        return body;
    }

    private UserResource user(String id) {
        return PortalKeycloak.realm(keycloak).users().get(id);
    }

    private static HttpResponse<String> passwordGrant(String username, String password) throws Exception {
        String form = "grant_type=password&client_id=trellis-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(PortalKeycloak.URL + "/realms/" + PortalKeycloak.REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void invitedUserGetsKeycloaksSetPasswordMailAndTheAnswerHoldsNoPassword() throws Exception {
        String email = "Maria.Rossi-" + UUID.randomUUID() + "@Mail-Test.Trellis.dev";
        var response = as(TestTokens.communityTeam()).body(invitation(email))
                .post("/api/partners/" + A + "/portal-users")
                .then().statusCode(201)
                .body("username", equalTo(email.toLowerCase()))
                .body("firstName", equalTo("Maria"))
                .extract();
        String id = response.jsonPath().getString("id");
        created.add(id);
        assertTrue(response.header("Location").endsWith("/api/partners/" + A + "/portal-users/" + id), response.header("Location"));
        JsonNode answer = JSON.readTree(response.asString());
        List<String> fields = new ArrayList<>();
        answer.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "username", "firstName", "lastName", "enabled", "createdAt"), fields, answer.toString());
        assertFalse(response.asString().toLowerCase().contains("password"), response.asString());

        assertOneEvent("dev.trellis.partner.portal-user-invited.v1", A, id);

        // Keycloak's own mail, sent before the API answered: to the user, with its action link.
        JsonNode mails = inbox(email.toLowerCase());
        assertEquals(1, mails.size(), mails.toString());
        String mail = mails.get(0).toString();
        assertTrue(mail.contains("To: " + email.toLowerCase()), mail);
        assertTrue(mail.contains("From: Trellis <no-reply@trellis.local>"), mail);
        assertTrue(mail.contains("/realms/" + PortalKeycloak.REALM + "/login-actions/action-token?key="), mail);
        // Nobody but the user ever holds a password: the account has none until they set it.
        assertTrue(user(id).credentials().isEmpty(), "credentials: " + user(id).credentials());

        UserRepresentation user = user(id).toRepresentation();
        assertEquals(email.toLowerCase(), user.getUsername());
        assertEquals(email.toLowerCase(), user.getEmail());
        assertEquals(List.of(A), user.getAttributes().get("partner_id"));
        assertTrue(user.isEnabled());
        assertTrue(user.isEmailVerified());
        assertEquals(List.of("UPDATE_PASSWORD"), user.getRequiredActions());
        assertTrue(user(id).roles().realmLevel().listEffective().stream().map(RoleRepresentation::getName)
                .anyMatch("partner"::equals), "realm role partner");
        // The role comes from the group alone: the service account can map no role, not even this one.
        assertEquals(List.of("/partner-users"), user(id).groups().stream().map(GroupRepresentation::getPath).toList());
        assertTrue(user(id).roles().realmLevel().listAll().stream().map(RoleRepresentation::getName)
                .noneMatch("partner"::equals), "no direct mapping of the role partner");

        // What the user does with the mail's link, done here through the admin API: a password of their own.
        CredentialRepresentation own = new CredentialRepresentation();
        own.setType(CredentialRepresentation.PASSWORD);
        own.setValue("Own-password-" + UUID.randomUUID());
        own.setTemporary(false);
        user(id).resetPassword(own);
        user.setRequiredActions(List.of());
        user(id).update(user);

        HttpResponse<String> granted = passwordGrant(email.toLowerCase(), own.getValue());
        assertEquals(200, granted.statusCode(), granted.body());
        String accessToken = JSON.readTree(granted.body()).path("access_token").asText();
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
        assertEquals(A, claims.path("partner_id").asText(), claims.toString());
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        assertTrue(roles.contains("partner"), roles.toString());
        assertFalse(roles.contains("community-team"), roles.toString());
    }

    @Test
    void invitingAnEmailThatIsAlreadyAUserIsAConflict() {
        String email = email();
        invite(A, email);
        as(TestTokens.communityTeam()).body(invitation(email.toUpperCase()))
                .post("/api/partners/" + B + "/portal-users")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already exists"));
        assertEquals(1, PortalKeycloak.realm(keycloak).users().searchByEmail(email, true).size());
        assertEquals(0, events("dev.trellis.partner.portal-user-removed.v1", created.get(0)).size());
    }

    @Test
    void badInvitationsAreRefusedNamingTheFields() {
        as(TestTokens.communityTeam()).body(Map.of()).post("/api/partners/" + A + "/portal-users")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems(containsString("email"), containsString("firstName"), containsString("lastName")));
        as(TestTokens.communityTeam()).body(Map.of("email", "not-an-email", "firstName", "<script>", "lastName", "x".repeat(101)))
                .post("/api/partners/" + A + "/portal-users")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems(containsString("email"), containsString("firstName"), containsString("lastName")));
        as(TestTokens.communityTeam()).body("{\"email\": ").post("/api/partners/" + A + "/portal-users")
                .then().statusCode(400).contentType("application/problem+json");
        assertTrue(PortalKeycloak.realm(keycloak).users().searchByEmail("not-an-email", true).isEmpty());
    }

    @Test
    void invitingForAnUnknownPartnerIsNotFound() {
        String unknown = UUID.randomUUID().toString();
        as(TestTokens.communityTeam()).body(invitation(email())).post("/api/partners/" + unknown + "/portal-users")
                .then().statusCode(404).contentType("application/problem+json");
        as(TestTokens.communityTeam()).get("/api/partners/" + unknown + "/portal-users").then().statusCode(404);
    }

    @Test
    void onlyCommunityTeamInvitesAndRemovesFoundationStaffMayListPartnersMayNot() {
        String id = invite(A, email()).getString("id");
        String staff = TestTokens.foundationStaff();
        as(staff).get("/api/partners/" + A + "/portal-users").then().statusCode(200).body("items.id", hasItem(id));
        as(staff).get("/api/partners/" + A + "/portal-users/" + id).then().statusCode(200).body("id", equalTo(id));
        as(staff).body(invitation(email())).post("/api/partners/" + A + "/portal-users").then().statusCode(403)
                .contentType("application/problem+json");
        as(staff).delete("/api/partners/" + A + "/portal-users/" + id).then().statusCode(403);

        for (String token : List.of(TestTokens.partnerA(), TestTokens.partnerB())) {
            List<ValidatableResponse> responses = List.of(
                    as(token).get("/api/partners/" + A + "/portal-users").then(),
                    as(token).get("/api/partners/" + A + "/portal-users/" + id).then(),
                    as(token).body(invitation(email())).post("/api/partners/" + A + "/portal-users").then(),
                    as(token).delete("/api/partners/" + A + "/portal-users/" + id).then());
            for (ValidatableResponse response : responses) {
                response.statusCode(403).contentType("application/problem+json")
                        .body(not(containsString("portal-test-"))).body(not(containsString("Maria")));
            }
        }
        given().get("/api/partners/" + A + "/portal-users").then().statusCode(401).contentType("application/problem+json");
        user(id).toRepresentation(); // still there
    }

    @Test
    void aPortalUserIsListedAndRemovedOnlyUnderItsOwnPartner() {
        String id = invite(A, email()).getString("id");
        String team = TestTokens.communityTeam();
        as(team).get("/api/partners/" + A + "/portal-users?limit=200").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.find { it.id == '" + id + "' }.enabled", equalTo(true))
                .body("items.find { it.id == '" + id + "' }.createdAt", notNullValue());
        as(team).get("/api/partners/" + B + "/portal-users?limit=200").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        as(team).get("/api/partners/" + B + "/portal-users/" + id).then().statusCode(404);
        as(team).delete("/api/partners/" + B + "/portal-users/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        user(id).toRepresentation(); // not removed by the wrong partner

        assertTrue(events("dev.trellis.partner.portal-user-removed.v1", id).isEmpty(), "no event for a refused removal");
        as(team).delete("/api/partners/" + A + "/portal-users/" + id).then().statusCode(204);
        assertOneEvent("dev.trellis.partner.portal-user-removed.v1", A, id);
        try {
            user(id).toRepresentation();
            throw new AssertionError("user " + id + " still exists in Keycloak");
        } catch (WebApplicationException expected) {
            assertEquals(404, expected.getResponse().getStatus());
            created.remove(id);
        }
        as(team).delete("/api/partners/" + A + "/portal-users/" + id).then().statusCode(404);
        assertOneEvent("dev.trellis.partner.portal-user-removed.v1", A, id);
        as(team).delete("/api/partners/" + A + "/portal-users/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void portalUsersArePagedByUsername() {
        UUID partner = UUID.randomUUID();
        partners.registerIfAbsent(partner, "Portal Paging " + partner, null, null, LifecycleStatus.ACTIVE);
        String prefix = "paging-" + UUID.randomUUID();
        for (String n : List.of("c", "a", "b")) {
            invite(partner.toString(), prefix + "-" + n + "@" + MAIL_DOMAIN);
        }
        JsonPath first = as(TestTokens.communityTeam()).get("/api/partners/" + partner + "/portal-users?limit=2")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(prefix + "-a@" + MAIL_DOMAIN, prefix + "-b@" + MAIL_DOMAIN), first.getList("items.username"));
        JsonPath second = as(TestTokens.communityTeam())
                .get("/api/partners/" + partner + "/portal-users?limit=2&cursor=" + first.getString("next"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(prefix + "-c@" + MAIL_DOMAIN), second.getList("items.username"));
        assertEquals(null, second.getString("next"));
        as(TestTokens.communityTeam()).get("/api/partners/" + partner + "/portal-users?cursor=garbage").then().statusCode(400);
    }
}
