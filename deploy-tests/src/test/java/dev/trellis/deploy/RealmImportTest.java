package dev.trellis.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The overlays' realm imports are generated from the realm file, and prod's holds no users and no secrets. */
class RealmImportTest {

    @BeforeAll
    static void regenerateWhenAsked() throws Exception {
        if (Boolean.getBoolean("trellis.realm.write")) {
            RealmImports.write();
        }
    }

    @Test
    void committedImportsAreGeneratedFromTheRealmFile() {
        assertEquals(RealmImports.dev(), Repo.read(RealmImports.devPath()),
                RealmImports.DEV + " is stale: regenerate it (see RealmImports)");
        assertEquals(RealmImports.prod(), Repo.read(RealmImports.prodPath()),
                RealmImports.PROD + " is stale: regenerate it (see RealmImports)");
    }

    @Test
    void prodRealmHasNoHumanUsersAndNoCredentials() {
        Map<String, Object> realm = Repo.map(Repo.at(Repo.documents(RealmImports.prod()).get(0), "spec.realm"));
        for (Object u : Repo.list(realm.get("users"))) {
            Map<String, Object> user = Repo.map(u);
            assertTrue(user.containsKey("serviceAccountClientId"),
                    "prod realm holds a user that is not a client's service account: " + user.get("username"));
            assertFalse(user.containsKey("credentials"), "prod realm user " + user.get("username") + " has credentials");
        }
        // The demo users of the source realm are really gone, not renamed.
        for (Object u : Repo.list(RealmImports.sourceRealm().get("users"))) {
            Map<String, Object> demo = Repo.map(u);
            if (demo.containsKey("credentials")) {
                assertFalse(realm.toString().contains("username=" + demo.get("username") + ","),
                        "demo user " + demo.get("username") + " is in the prod realm");
            }
        }
    }

    @Test
    void prodRealmHoldsNoSecretInClear() {
        String prod = Repo.read(RealmImports.prodPath());
        Map<String, Object> realm = Repo.map(Repo.at(Repo.documents(prod).get(0), "spec.realm"));
        for (Object c : Repo.list(realm.get("clients"))) {
            Map<String, Object> client = Repo.map(c);
            Object secret = client.get("secret");
            assertTrue(secret == null || RealmImports.PLACEHOLDER_SECRETS.containsKey(String.valueOf(secret)),
                    "client " + client.get("clientId") + " has a secret in clear");
        }
        assertEquals("trellis-portal-client",
                Repo.string(Repo.documents(prod).get(0), "spec.placeholders.TRELLIS_PORTAL_CLIENT_SECRET.secret.name"));
        assertEquals("trellis-console-client",
                Repo.string(Repo.documents(prod).get(0), "spec.placeholders.TRELLIS_CONSOLE_CLIENT_SECRET.secret.name"));
        // No value of the source realm that is a password or secret appears anywhere in the prod file.
        for (String clear : secretsOfTheSourceRealm()) {
            assertFalse(prod.contains(clear), "the prod realm import contains the clear-text value " + clear);
        }
        assertEquals("external", realm.get("sslRequired"));
    }

    private static List<String> secretsOfTheSourceRealm() {
        Map<String, Object> source = RealmImports.sourceRealm();
        java.util.ArrayList<String> values = new java.util.ArrayList<>();
        for (Object u : Repo.list(source.get("users"))) {
            for (Object cred : Repo.list(Repo.map(u).get("credentials"))) {
                values.add("value: " + Repo.map(cred).get("value"));
            }
        }
        assertFalse(values.isEmpty(), "the source realm should hold demo secrets, or this test checks nothing");
        return values;
    }
}
