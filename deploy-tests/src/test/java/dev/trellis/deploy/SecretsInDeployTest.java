package dev.trellis.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No usable secret is committed under deploy/compose or deploy/k8s, and none has a fallback: a deployment that was
 * not given its secrets refuses to start. Reads the files as they are (no kubectl, no Docker), so it runs everywhere.
 *
 * <p>A key is secret-bearing when its last word is password, secret, token or credentials (any case, any
 * separator), e.g. {@code KC_BOOTSTRAP_ADMIN_PASSWORD}, {@code TRELLIS_PORTAL_CLIENT_SECRET}, {@code client-secret}.
 * The one exception is documented in deploy/README.md: the demo users' password {@code demo} in the dev overlay's
 * realm import (the demo realm; prod imports no human user, see RealmImportTest).
 */
class SecretsInDeployTest {
    private static final Pattern SECRET_KEY = Pattern.compile("(?i)password|secret|token|credentials");
    /** Compose's "fail unless set": ${NAME:?message} or ${NAME?message}. */
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{[A-Z0-9_]+:?\\?[^}]*}");
    /** Any interpolation with a fallback value: ${NAME:-x}, ${NAME-x}, ${NAME:+x}. */
    private static final Pattern FALLBACK = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-+])([^}]*)}");
    /** Values that were committed before and must never come back. */
    private static final List<String> KNOWN_VALUES = List.of("local-dev-only-partner-service-secret", "dev-only-partner",
            "dev-only-advisory", "dev-only-event", "dev-only-keycloak");

    /** Is the last word of the key (words split at anything but letters and digits) a secret's? */
    static boolean secretBearing(String key) {
        String[] words = key.split("[^A-Za-z0-9]+");
        return words.length > 0 && SECRET_KEY.matcher(words[words.length - 1]).matches();
    }

    @Test
    void theRuleRecognisesSecretKeysAndRequiredValues() {
        for (String key : List.of("KC_BOOTSTRAP_ADMIN_PASSWORD", "POSTGRES_PASSWORD", "TRELLIS_PORTAL_CLIENT_SECRET",
                "client-secret", "password", "GITHUB_TOKEN", "secret")) {
            assertTrue(secretBearing(key), key);
        }
        for (String key : List.of("KC_BOOTSTRAP_ADMIN_USERNAME", "TRELLIS_DB_USER", "passwordSecret", "secretKeyRef",
                "QUARKUS_HTTP_HOST")) {
            assertFalse(secretBearing(key), key);
        }
        assertTrue(REQUIRED.matcher("${TRELLIS_PORTAL_CLIENT_SECRET:?set it}").matches());
        assertFalse(REQUIRED.matcher("${TRELLIS_PORTAL_CLIENT_SECRET:-local}").matches());
        assertTrue(FALLBACK.matcher("${TRELLIS_DB_PASSWORD:-trellis}").find());
    }

    @Test
    void composeRequiresEverySecretAndHasNoFallbackForOne() {
        Path file = Repo.path("deploy/compose/compose.yaml");
        Map<String, Object> compose = Repo.map(Repo.yaml().load(Repo.read(file)));
        List<String> problems = new ArrayList<>();
        int secrets = 0;
        for (Map.Entry<String, Object> service : Repo.map(compose.get("services")).entrySet()) {
            Object env = Repo.map(service.getValue()).get("environment");
            for (Map.Entry<String, Object> e : Repo.map(env).entrySet()) {
                if (!secretBearing(e.getKey())) {
                    continue;
                }
                secrets++;
                String value = String.valueOf(e.getValue());
                if (!REQUIRED.matcher(value).matches()) {
                    problems.add(service.getKey() + " " + e.getKey() + "=" + value + " (must be ${NAME:?message})");
                }
            }
        }
        Matcher fallback = FALLBACK.matcher(Repo.read(file));
        while (fallback.find()) {
            if (secretBearing(fallback.group(1))) {
                problems.add("a fallback for the secret " + fallback.group(0));
            }
        }
        assertTrue(problems.isEmpty(), "usable or defaulted secrets in compose.yaml: " + problems);
        assertTrue(secrets >= 8, "the check found the compose file's secrets: " + secrets);
    }

    @Test
    void kubernetesManifestsOnlyReferToSecretsTheOperatorCreates() throws IOException {
        List<String> problems = new ArrayList<>();
        int references = 0;
        for (Path file : yamlFiles("deploy/k8s")) {
            String where = Repo.root().relativize(file).toString();
            for (Map<String, Object> doc : Repo.documents(Repo.read(file))) {
                String kind = String.valueOf(doc.get("kind"));
                if (kind.equals("Secret")) {
                    problems.add(where + ": defines Secret " + Repo.string(doc, "metadata.name") + " (the operator creates it)");
                }
                if (kind.equals("Kustomization")) {
                    for (Object g : Repo.list(doc.get("secretGenerator"))) {
                        if (Repo.map(g).containsKey("literals")) {
                            problems.add(where + ": secretGenerator " + Repo.map(g).get("name") + " with literals");
                        }
                    }
                }
                if (kind.equals("KeycloakRealmImport")) {
                    for (Object c : Repo.list(Repo.at(doc, "spec.realm.clients"))) {
                        Object secret = Repo.map(c).get("secret");
                        if (secret != null && !String.valueOf(secret).matches("\\$\\{[A-Z0-9_]+}")) {
                            problems.add(where + ": client " + Repo.map(c).get("clientId") + " has a secret in clear");
                        }
                    }
                    boolean dev = where.contains("overlays/dev/");
                    for (Object u : Repo.list(Repo.at(doc, "spec.realm.users"))) {
                        for (Object cred : Repo.list(Repo.map(u).get("credentials"))) {
                            if (!dev || !"demo".equals(Repo.map(cred).get("value"))) {
                                problems.add(where + ": user " + Repo.map(u).get("username") + " has a credential");
                            }
                        }
                    }
                }
                if (kind.equals("ConfigMap")) {
                    Repo.map(doc.get("data")).keySet().stream().filter(SecretsInDeployTest::secretBearing)
                            .forEach(k -> problems.add(where + ": ConfigMap " + Repo.string(doc, "metadata.name") + " holds " + k));
                }
                references += envProblems(doc, where, problems);
                if (kind.equals("Keycloak") && Repo.at(doc, "spec.bootstrapAdmin.user.secret") == null) {
                    problems.add(where + ": Keycloak's bootstrap admin must come from a Secret");
                }
            }
        }
        assertTrue(problems.isEmpty(), "usable secrets in deploy/k8s: " + problems);
        assertTrue(references >= 5, "the check found the secretKeyRefs of the manifests: " + references);
    }

    @Test
    void noFormerlyCommittedValueIsLeftAnywhereInComposeOrKubernetes() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files = new ArrayList<>(yamlFiles("deploy/k8s"));
        files.add(Repo.path("deploy/compose/compose.yaml"));
        for (Path file : files) {
            String text = Repo.read(file);
            for (String value : KNOWN_VALUES) {
                if (text.contains(value)) {
                    found.add(Repo.root().relativize(file) + ": " + value);
                }
            }
            Matcher literal = Pattern.compile("(?im)^\\s*-?\\s*\\[?\\s*(client-secret|password)\\s*=").matcher(text);
            if (literal.find()) {
                found.add(Repo.root().relativize(file) + ": a literal " + literal.group(1) + "=");
            }
        }
        assertTrue(found.isEmpty(), "committed secret values: " + found);
    }

    @Test
    void theKubernetesJobRunsTheSameRealmScriptAsTheOtherStacks() {
        assertEquals(Repo.read(Repo.path("deploy/keycloak/configure-realm.sh")),
                Repo.read(Repo.path("deploy/k8s/base/infra/configure-realm.sh")),
                "deploy/k8s/base/infra/configure-realm.sh must be a copy of deploy/keycloak/configure-realm.sh "
                        + "(Kustomize cannot read outside its folder): cp deploy/keycloak/configure-realm.sh deploy/k8s/base/infra/");
    }

    /** Counts the secretKeyRefs of every container env in doc; a secret-bearing variable with a value is a problem. */
    private static int envProblems(Object node, String where, List<String> problems) {
        int refs = 0;
        if (node instanceof Map<?, ?> m) {
            Object env = m.get("env");
            if (env instanceof List<?> vars) {
                for (Object v : vars) {
                    Map<String, Object> var = Repo.map(v);
                    String name = String.valueOf(var.get("name"));
                    if (secretBearing(name)) {
                        if (var.containsKey("value")) {
                            problems.add(where + ": " + name + " has a value; it must be a secretKeyRef");
                        } else if (Repo.at(var, "valueFrom.secretKeyRef.name") != null) {
                            refs++;
                        }
                    }
                }
            }
            for (Object child : m.values()) {
                refs += envProblems(child, where, problems);
            }
        } else if (node instanceof List<?> l) {
            for (Object child : l) {
                refs += envProblems(child, where, problems);
            }
        }
        return refs;
    }

    private static List<Path> yamlFiles(String dir) throws IOException {
        try (Stream<Path> files = Files.walk(Repo.path(dir))) {
            return files.filter(f -> f.toString().toLowerCase(Locale.ROOT).matches(".*\\.ya?ml$")).sorted().toList();
        }
    }
}
