package dev.trellis.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Generates the Keycloak operator's KeycloakRealmImport of each overlay from the one realm file,
 * deploy/keycloak/trellis-realm.json, so that the realms cannot drift apart:
 * <ul>
 * <li>dev: the realm as it is (demo users with password {@code demo}), plus the dev Ingress host among the console
 * client's redirect URIs (the console is served there by the gateway); the confidential clients' secrets are the
 * file's placeholders, which the operator fills from the Secrets {@code trellis-portal-client} and
 * {@code trellis-console-client};</li>
 * <li>prod: no human users (only client service-account users, which have no credentials), the same
 * placeholder, no password grant for the CLI client, redirects only to the public host, TLS required and
 * brute-force protection on.</li>
 * </ul>
 * Regenerate after changing the realm file:
 * {@code ./mvnw -B -q -pl deploy-tests test -Dtest=RealmImportTest -Dtrellis.realm.write=true}.
 */
final class RealmImports {
    static final String SOURCE = "deploy/keycloak/trellis-realm.json";
    static final String DEV = "deploy/k8s/overlays/dev/realm-import.yaml";
    static final String PROD = "deploy/k8s/overlays/prod/realm-import.yaml";
    static final String PUBLIC_URL = "https://trellis.example.org";
    /** The dev overlay's Ingress host (plain HTTP: a local cluster). */
    static final String DEV_URL = "http://trellis.127.0.0.1.nip.io";
    static final String PORTAL_CLIENT = "trellis-partner-service";
    static final String PORTAL_SECRET_PLACEHOLDER = "${TRELLIS_PORTAL_CLIENT_SECRET}";
    static final String CONSOLE_CLIENT = "trellis-console";
    static final String CONSOLE_SECRET_PLACEHOLDER = "${TRELLIS_CONSOLE_CLIENT_SECRET}";
    /** Each confidential client's placeholder, and the Secret the operator fills it from. */
    static final Map<String, String> PLACEHOLDER_SECRETS = Map.of(
            PORTAL_SECRET_PLACEHOLDER, "trellis-portal-client",
            CONSOLE_SECRET_PLACEHOLDER, "trellis-console-client");

    private RealmImports() {
    }

    static Map<String, Object> sourceRealm() {
        try {
            return new ObjectMapper().readValue(Repo.read(Repo.path(SOURCE)), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SOURCE, e);
        }
    }

    static String dev() {
        Map<String, Object> realm = sourceRealm();
        for (Object c : Repo.list(realm.get("clients"))) {
            Map<String, Object> client = Repo.map(c);
            if (CONSOLE_CLIENT.equals(client.get("clientId"))) {
                // The console is served by the gateway at the dev Ingress host, besides the local addresses.
                List<Object> redirects = new ArrayList<>(Repo.list(client.get("redirectUris")));
                redirects.add(DEV_URL + "/*");
                client.put("redirectUris", redirects);
                Map<String, Object> attributes = new LinkedHashMap<>(Repo.map(client.get("attributes")));
                attributes.put("post.logout.redirect.uris", attributes.get("post.logout.redirect.uris") + "##" + DEV_URL + "/signed-out");
                client.put("attributes", attributes);
            }
        }
        return render("the demo realm: demo users (password demo), the console also at the dev Ingress host; the confidential clients' secrets come from the Secrets trellis-portal-client and trellis-console-client",
                realm, placeholders(realm));
    }

    static String prod() {
        Map<String, Object> realm = sourceRealm();
        realm.put("sslRequired", "external");
        realm.put("bruteForceProtected", true);
        List<Object> serviceAccounts = new ArrayList<>();
        for (Object u : Repo.list(realm.get("users"))) {
            Map<String, Object> user = Repo.map(u);
            if (user.containsKey("serviceAccountClientId") && !user.containsKey("credentials")) {
                serviceAccounts.add(user);
            }
        }
        realm.put("users", serviceAccounts);
        for (Object c : Repo.list(realm.get("clients"))) {
            Map<String, Object> client = Repo.map(c);
            if (client.containsKey("secret") && !PLACEHOLDER_SECRETS.containsKey(client.get("secret"))) {
                client.put("secret", PORTAL_SECRET_PLACEHOLDER);
            }
            if (CONSOLE_CLIENT.equals(client.get("clientId"))) {
                // The console is served by the gateway at the public host.
                client.put("redirectUris", List.of(PUBLIC_URL + "/*"));
                client.put("webOrigins", List.of(PUBLIC_URL));
                Map<String, Object> attributes = new LinkedHashMap<>(Repo.map(client.get("attributes")));
                attributes.put("post.logout.redirect.uris", PUBLIC_URL + "/signed-out");
                client.put("attributes", attributes);
            }
            if (Boolean.TRUE.equals(client.get("publicClient"))) {
                client.put("directAccessGrantsEnabled", false);
                client.put("redirectUris", List.of(PUBLIC_URL + "/*"));
                client.put("webOrigins", List.of(PUBLIC_URL));
            }
        }
        return render("no demo users, no secrets in clear: the confidential clients' secrets come from the Secrets trellis-portal-client and trellis-console-client",
                realm, placeholders(realm));
    }

    /** The operator fills each client's secret placeholder from its Secret (trellis-portal-client, trellis-console-client). */
    private static Map<String, Object> placeholders(Map<String, Object> realm) {
        Map<String, Object> placeholders = new java.util.TreeMap<>();
        for (Object c : Repo.list(realm.get("clients"))) {
            Object secret = Repo.map(c).get("secret");
            if (secret == null) {
                continue;
            }
            String secretName = PLACEHOLDER_SECRETS.get(String.valueOf(secret));
            if (secretName == null) {
                throw new IllegalStateException(SOURCE + ": client " + Repo.map(c).get("clientId")
                        + " has a secret in clear; use a placeholder of " + PLACEHOLDER_SECRETS.keySet());
            }
            Map<String, Object> secretRef = new LinkedHashMap<>();
            secretRef.put("name", secretName);
            secretRef.put("key", "client-secret");
            Map<String, Object> placeholder = new LinkedHashMap<>();
            placeholder.put("secret", secretRef);
            String name = String.valueOf(secret);
            placeholders.put(name.substring(2, name.length() - 1), placeholder);
        }
        return placeholders;
    }

    private static String render(String what, Map<String, Object> realm, Map<String, Object> placeholders) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("keycloakCRName", "trellis-keycloak");
        if (!placeholders.isEmpty()) {
            spec.put("placeholders", placeholders);
        }
        spec.put("realm", realm);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        doc.put("kind", "KeycloakRealmImport");
        doc.put("metadata", new LinkedHashMap<>(Map.of("name", "trellis-realm")));
        doc.put("spec", spec);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(200);
        options.setSplitLines(false);
        return "# GENERATED from " + SOURCE + " by deploy-tests RealmImports; do not edit.\n"
                + "# Realm " + realm.get("realm") + ": " + what + ".\n"
                + "# Regenerate: ./mvnw -B -q -pl deploy-tests test -Dtest=RealmImportTest -Dtrellis.realm.write=true\n"
                + new Yaml(options).dump(doc);
    }

    /** Writes both files. */
    static void write() throws IOException {
        Files.writeString(Repo.path(DEV), dev());
        Files.writeString(Repo.path(PROD), prod());
    }

    static Path devPath() {
        return Repo.path(DEV);
    }

    static Path prodPath() {
        return Repo.path(PROD);
    }
}
