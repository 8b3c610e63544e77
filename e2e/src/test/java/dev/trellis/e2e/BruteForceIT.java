package dev.trellis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.KeycloakAdmin;
import dev.trellis.e2e.support.Stack;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Password guessing against the realm (brute-force detection: failureFactor 5, temporary lockout). Each test
 * creates its own user through the admin API and deletes it afterwards, so no demo user is ever locked and every
 * run starts clean. Attempts are spaced by more than the realm's quick-login check (1 s), which would otherwise
 * lock the account after two fast failures and hide the threshold under test.
 */
class BruteForceIT {
    private static final long SPACING_MS = 1_200;
    private static String admin;
    private static final List<String> users = new ArrayList<>();

    @BeforeAll
    static void admin() {
        admin = KeycloakAdmin.adminToken();
    }

    @AfterAll
    static void deleteUsers() {
        for (String id : users) {
            KeycloakAdmin.call(admin, "DELETE", "/users/" + id, null);
        }
    }

    /** A fresh user that no other test knows, with this password; returns its username. */
    private static String freshUser(String password) {
        String username = "bruteforce-" + UUID.randomUUID();
        Http.Response created = KeycloakAdmin.call(admin, "POST", "/users", """
                {"username": "%s", "email": "%s@example.org", "firstName": "Brute", "lastName": "Force",
                 "enabled": true, "emailVerified": true,
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}
                """.formatted(username, username, password));
        assertEquals(201, created.status(), created.toString());
        users.add(created.header("Location").orElseThrow().replaceAll(".*/", ""));
        return username;
    }

    private static Http.Response login(String username, String password) {
        String form = "grant_type=password&client_id=trellis-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return Http.send(Http.request(URI.create(Stack.ISSUER + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static void wrongPasswords(String username, int times) throws InterruptedException {
        for (int i = 1; i <= times; i++) {
            Http.Response r = login(username, "wrong-" + i);
            assertEquals(401, r.status(), "wrong password " + i + ": " + r);
            assertEquals("invalid_grant", r.json().path("error").asText(), r.toString());
            Thread.sleep(SPACING_MS);
        }
    }

    @Test
    void afterFiveWrongPasswordsTheSixthAttemptIsRefusedEvenWithTheRightPassword() throws Exception {
        String password = "Right-" + UUID.randomUUID();
        String username = freshUser(password);
        assertEquals(200, login(username, password).status(), "control: the right password works before");

        wrongPasswords(username, 5);
        Http.Response sixthWrong = login(username, "wrong-6");
        assertEquals(401, sixthWrong.status(), sixthWrong.toString());
        Thread.sleep(SPACING_MS);
        Http.Response right = login(username, password);
        assertEquals(401, right.status(), "the right password while locked: " + right);
        assertEquals("invalid_grant", right.json().path("error").asText(), right.toString());
        assertTrue(!right.body().contains("access_token"), right.toString());

        String id = users.get(users.size() - 1);
        Http.Response status = KeycloakAdmin.get(admin, "/attack-detection/brute-force/users/" + id);
        assertEquals(200, status.status(), status.toString());
        assertEquals(true, status.json().path("disabled").asBoolean(), "Keycloak reports the user locked: " + status);
    }

    @Test
    void fourWrongPasswordsDoNotLockTheAccount() throws Exception {
        String password = "Right-" + UUID.randomUUID();
        String username = freshUser(password);
        wrongPasswords(username, 4);
        Http.Response right = login(username, password);
        assertEquals(200, right.status(), "four failures are below the threshold of five: " + right);
    }
}
