package dev.trellis.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose/compose.yaml cannot run here (no Docker), so it is checked against the services:
 * every deployment-specific setting is set (see {@link ServiceConfig} for the rule), and images,
 * ports, databases and the realm file match what the build and the services use.
 */
class ComposeFileTest {
    static final String TRUSTED_PROXIES = "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES";
    private static final Pattern PINNED_IMAGE = Pattern.compile("[a-z0-9./_-]+:[A-Za-z0-9._-]+");
    private static Path composeDir;
    private static Map<String, Object> services;

    @BeforeAll
    static void load() {
        composeDir = Repo.path("deploy/compose");
        Map<String, Object> compose = Repo.map(Repo.yaml().load(Repo.read(composeDir.resolve("compose.yaml"))));
        services = Repo.map(compose.get("services"));
    }

    @Test
    void everySettingAServiceNeedsInADeploymentIsSet() {
        List<String> missing = new ArrayList<>();
        for (ServiceConfig service : ServiceConfig.deployed()) {
            Map<String, Object> env = environment(service.name());
            service.deploymentSettings().forEach((key, envName) -> {
                Object value = env.get(envName);
                if (value == null || String.valueOf(value).isBlank()) {
                    missing.add(service.name() + ": " + envName + " (for " + key + ")");
                }
            });
        }
        assertTrue(missing.isEmpty(), "compose.yaml leaves these settings at their local-machine values: " + missing);
    }

    @Test
    void noServicePointsAtTheHostMachine() {
        for (ServiceConfig service : ServiceConfig.deployed()) {
            // A trust list is not an address to connect to: the gateway trusts only loopback, i.e. no proxy. The
            // console's public addresses are the browser's (checked in consoleSignsInThroughKeycloaksTwoAddresses).
            environment(service.name()).entrySet().stream().filter(e -> !e.getKey().equals(TRUSTED_PROXIES))
                    .filter(e -> !service.name().equals(ServiceConfig.CONSOLE) || !ServiceConfig.PUBLIC_ADDRESS_SETTINGS.contains(e.getKey()))
                    .forEach(e -> assertFalse(
                    String.valueOf(e.getValue()).contains("127.0.0.1") || String.valueOf(e.getValue()).contains("localhost:"),
                    service.name() + " " + e.getKey() + "=" + e.getValue() + " points at the container itself, not a compose service"));
            assertEquals("0.0.0.0", String.valueOf(environment(service.name()).get("QUARKUS_HTTP_HOST")),
                    service.name() + " must listen on all interfaces inside its container");
            assertEquals("0.0.0.0", String.valueOf(environment(service.name()).get("QUARKUS_MANAGEMENT_HOST")),
                    service.name() + ": its management interface must be reachable by the gateway's readiness");
        }
    }

    @Test
    void imagesAreTheOnesTheBuildProduces() {
        for (ServiceConfig service : ServiceConfig.deployed()) {
            assertEquals(service.image(), Repo.string(service(service.name()), "image"),
                    service.name() + ": image must be the one the container-image profile of its POM builds");
        }
    }

    @Test
    void portsAndHealthChecksUseEachServicesHttpAndManagementPort() {
        for (ServiceConfig service : ServiceConfig.deployed()) {
            List<Object> ports = Repo.list(service(service.name()).get("ports"));
            if (service.name().equals(ServiceConfig.CONSOLE)) {
                assertTrue(ports.isEmpty(), "the console is reached through the gateway only, so it publishes no port: " + ports);
            } else {
                assertEquals(1, ports.size(), service.name() + " publishes one port");
                String[] parts = String.valueOf(ports.get(0)).split(":");
                assertEquals(service.httpPort(), Integer.parseInt(parts[parts.length - 1]),
                        service.name() + ": the published container port must be quarkus.http.port");
            }
            String health = String.valueOf(Repo.at(service(service.name()), "healthcheck.test"));
            assertTrue(health.contains("127.0.0.1:" + service.managementPort() + "/q/health/ready"),
                    service.name() + ": the health check must ask /q/health/ready on the management port "
                            + service.managementPort() + ": " + health);
        }
    }

    @Test
    void infrastructureImagesArePinned() {
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            String image = Repo.string(Repo.map(entry.getValue()), "image");
            assertNotNull(image, entry.getKey() + " has no image");
            assertTrue(PINNED_IMAGE.matcher(image).matches() && !image.endsWith(":latest"),
                    entry.getKey() + ": image " + image + " must carry a fixed tag");
        }
        assertEquals("quay.io/keycloak/keycloak:26.5.5", Repo.string(service("keycloak"), "image"));
        assertTrue(Repo.string(service("kafka"), "image").startsWith("apache/kafka:"));
    }

    @Test
    void postgresInitCreatesEveryServicesDatabaseAndKeycloakImportsTheRealm() throws Exception {
        StringBuilder init = new StringBuilder();
        try (var files = Files.list(composeDir.resolve("postgres"))) {
            for (Path f : files.toList()) {
                init.append(Repo.read(f));
            }
        }
        for (ServiceConfig service : ServiceConfig.all()) {
            if (service.database() == null) {
                continue;
            }
            assertTrue(init.toString().contains("create database " + service.database() + " "),
                    "the PostgreSQL init script must create " + service.database());
            String url = String.valueOf(environment(service.name()).get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertEquals("jdbc:postgresql://postgres:5432/" + service.database(), url, service.name());
        }
        String kcDb = String.valueOf(Repo.at(service("keycloak"), "environment.KC_DB_URL"));
        Matcher db = Pattern.compile("/([a-z_]+)$").matcher(kcDb);
        assertTrue(db.find() && init.toString().contains("create database " + db.group(1) + " "), kcDb);

        List<Object> volumes = Repo.list(service("keycloak").get("volumes"));
        String realmMount = volumes.stream().map(String::valueOf).filter(v -> v.contains("/opt/keycloak/data/import/"))
                .findFirst().orElseThrow(() -> new AssertionError("keycloak mounts no realm into data/import"));
        Path realm = composeDir.resolve(realmMount.split(":")[0]).normalize();
        assertEquals(Repo.path("deploy/keycloak/trellis-realm.json"), realm, "keycloak imports the realm the local stack uses");
        assertTrue(Repo.list(service("keycloak").get("command")).contains("--import-realm"));
    }

    /**
     * Services build Location and Link URLs from X-Forwarded-* only when a trusted proxy sends them; in compose that
     * is exactly the gateway's fixed address in the network's declared subnet, never a range other containers share.
     */
    @Test
    void everyServiceTrustsForwardedHeadersOnlyFromTheGateway() {
        Map<String, Object> compose = Repo.map(Repo.yaml().load(Repo.read(composeDir.resolve("compose.yaml"))));
        String subnet = String.valueOf(Repo.list(Repo.at(compose, "networks.default.ipam.config")).stream()
                .map(Repo::map).map(c -> c.get("subnet")).findFirst().orElse(null));
        String gatewayAddress = Repo.string(service("gateway"), "networks.default.ipv4_address");
        assertNotNull(gatewayAddress, "the gateway needs a fixed address (networks.default.ipv4_address)");
        assertTrue(subnet.matches("\\d+\\.\\d+\\.\\d+\\.0/24") && gatewayAddress.startsWith(subnet.substring(0, subnet.lastIndexOf('.') + 1)),
                "the gateway's address " + gatewayAddress + " lies in the declared subnet " + subnet);
        for (ServiceConfig service : ServiceConfig.deployed()) {
            Object value = environment(service.name()).get(TRUSTED_PROXIES);
            assertNotNull(value, service.name() + " must set " + TRUSTED_PROXIES + " (unset, Quarkus would use the platform's loopback-only default)");
            if (service.name().equals("gateway")) {
                assertEquals("127.0.0.1", String.valueOf(value), "nothing proxies the gateway in compose");
            } else {
                assertEquals(gatewayAddress, String.valueOf(value), service.name() + " trusts the gateway and nobody else");
            }
        }
    }

    /**
     * The console lives on two networks at once: the container reaches Keycloak and the gateway by their compose names,
     * the browser reaches both through the host's published ports. Keycloak's --hostname is the public URL (the issuer of
     * every token, the authorization and logout endpoints its discovery names); --hostname-backchannel-dynamic lets the
     * discovery the console asks at keycloak:8080 answer token and key endpoints there.
     */
    @Test
    void consoleSignsInThroughKeycloaksTwoAddresses() {
        Map<String, Object> env = environment(ServiceConfig.CONSOLE);
        List<String> keycloak = Repo.list(service("keycloak").get("command")).stream().map(String::valueOf).toList();
        String hostname = keycloak.stream().filter(a -> a.startsWith("--hostname=")).map(a -> a.substring("--hostname=".length()))
                .findFirst().orElseThrow(() -> new AssertionError("keycloak needs a fixed public --hostname: " + keycloak));
        assertTrue(keycloak.contains("--hostname-backchannel-dynamic=true"),
                "containers reach Keycloak on another address than browsers: --hostname-backchannel-dynamic=true");
        String published = String.valueOf(Repo.list(service("keycloak").get("ports")).get(0));
        assertEquals("http://localhost:" + published.split(":")[published.split(":").length - 2], hostname,
                "Keycloak's public URL is its published port on the host");

        assertEquals("http://keycloak:8080/realms/trellis", env.get("QUARKUS_OIDC_AUTH_SERVER_URL"), "discovery inside the network");
        assertEquals(hostname + "/realms/trellis", env.get("QUARKUS_OIDC_TOKEN_ISSUER"), "tokens carry Keycloak's public issuer");
        assertEquals(hostname, env.get("TRELLIS_CONSOLE_IDENTITY_PROVIDER_ORIGIN"),
                "the CSP's form-action names the Keycloak origin the browser is sent to");
        ServiceConfig gateway = ServiceConfig.load("gateway");
        assertEquals("http://gateway:" + gateway.httpPort(), env.get("QUARKUS_REST_CLIENT_API_URL"), "the console calls the gateway's API");

        ServiceConfig console = ServiceConfig.load(ServiceConfig.CONSOLE);
        assertEquals("http://console:" + console.httpPort(), environment("gateway").get("TRELLIS_GATEWAY_SITE_UPSTREAM"),
                "the gateway serves the console's pages");
        assertEquals("service_healthy", Repo.string(service("gateway"), "depends_on.console.condition"),
                "the gateway starts once the console answers");
        for (String name : List.of("keycloak", "keycloak-config", ServiceConfig.CONSOLE)) {
            assertTrue(String.valueOf(environment(name).get("TRELLIS_CONSOLE_CLIENT_SECRET")).startsWith("${TRELLIS_CONSOLE_CLIENT_SECRET:?"),
                    name + ": the console client's secret is required from the shell, the same value for Keycloak and the console");
        }

        // The browser comes back to the gateway's published address; the realm's client must allow it.
        String gatewayPort = String.valueOf(Repo.list(service("gateway").get("ports")).get(0)).split(":")[1];
        Map<String, Object> client = Repo.list(RealmImports.sourceRealm().get("clients")).stream().map(Repo::map)
                .filter(c -> RealmImports.CONSOLE_CLIENT.equals(c.get("clientId"))).findFirst()
                .orElseThrow(() -> new AssertionError("the realm has no client " + RealmImports.CONSOLE_CLIENT));
        String origin = "http://localhost:" + gatewayPort;
        assertTrue(Repo.list(client.get("redirectUris")).contains(origin + "/*"), "trellis-console redirects to " + origin + "/*: " + client.get("redirectUris"));
        assertTrue(String.valueOf(Repo.map(client.get("attributes")).get("post.logout.redirect.uris")).contains(origin + "/signed-out"),
                "trellis-console may land on " + origin + "/signed-out after signing out");
    }

    private static Map<String, Object> service(String name) {
        Object service = services.get(name);
        assertNotNull(service, "compose.yaml has no service " + name);
        return Repo.map(service);
    }

    private static Map<String, Object> environment(String name) {
        Object env = service(name).get("environment");
        assertTrue(env instanceof Map, name + ": environment must be a map (NAME: value)");
        return Repo.map(env);
    }
}
