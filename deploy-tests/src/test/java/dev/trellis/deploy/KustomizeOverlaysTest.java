package dev.trellis.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders deploy/k8s/overlays/{dev,prod} with {@code kubectl kustomize} and validates the manifests.
 *
 * <p>Needs kubectl (1.27+; its built-in Kustomize) on the PATH or in {@code $KUBECTL}. Without it
 * these tests are <b>skipped</b>, with a message saying so; they are never silently green.
 */
class KustomizeOverlaysTest {
    private static final Pattern TAGGED_IMAGE = Pattern.compile("[a-z0-9.:/_-]+:[A-Za-z0-9._-]+(@sha256:[0-9a-f]{64})?");
    private static final Map<String, List<Map<String, Object>>> RENDERED = new HashMap<>();

    static synchronized List<Map<String, Object>> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> {
            String kubectl = kubectl();
            assumeTrue(kubectl != null, "SKIPPED: kubectl is not installed (set $KUBECTL or put kubectl on the PATH); "
                    + "the Kustomize overlays were NOT validated");
            try {
                Process p = new ProcessBuilder(kubectl, "kustomize", Repo.path("deploy/k8s/overlays/" + o).toString())
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish");
                assertEquals(0, p.exitValue(), "kubectl kustomize deploy/k8s/overlays/" + o + " failed:\n" + out);
                return Repo.documents(out);
            } catch (IOException e) {
                throw new AssertionError("cannot run " + kubectl, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        });
    }

    private static String kubectl() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return configured;
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "kubectl")).filter(Files::isExecutable).map(Path::toString)
                .findFirst().orElse(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasADeploymentWithTheBuildsImageAndItsPort(String overlay) {
        for (ServiceConfig service : ServiceConfig.deployed()) {
            Map<String, Object> container = appContainer(deployment(overlay, service.name()));
            String image = String.valueOf(container.get("image"));
            String repository = service.image().substring(0, service.image().indexOf(':'));
            String tag = service.image().substring(service.image().indexOf(':'));
            assertTrue(image.endsWith(tag) && image.substring(0, image.lastIndexOf(':')).endsWith(repository),
                    overlay + " " + service.name() + ": image " + image + " is not the build's " + service.image());
            Map<String, Object> port = Repo.map(Repo.list(container.get("ports")).get(0));
            assertEquals(service.httpPort(), ((Number) port.get("containerPort")).intValue(), service.name());
            assertEquals("http", port.get("name"), service.name() + ": the Service targets the port name http");
            Map<String, Object> management = Repo.map(Repo.list(container.get("ports")).get(1));
            assertEquals(service.managementPort(), ((Number) management.get("containerPort")).intValue(), service.name());
            assertEquals("management", management.get("name"), service.name() + ": probes and monitors use the port name management");
            Map<String, Object> svc = find(overlay, "Service", service.name());
            Map<String, Object> svcPort = Repo.map(Repo.list(Repo.at(svc, "spec.ports")).get(0));
            assertEquals(service.httpPort(), ((Number) svcPort.get("port")).intValue(), service.name() + " Service port");
            assertEquals(service.name(), Repo.map(Repo.at(svc, "spec.selector")).get("app.kubernetes.io/name"),
                    service.name() + ": the Service selects the service's pods");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasProbesResourcesAndALockedDownSecurityContext(String overlay) {
        for (Map<String, Object> deployment : kind(overlay, "Deployment")) {
            String name = Repo.string(deployment, "metadata.name");
            Map<String, Object> pod = Repo.map(Repo.at(deployment, "spec.template.spec"));
            assertEquals(Boolean.TRUE, Repo.at(pod, "securityContext.runAsNonRoot"), name + ": runAsNonRoot");
            Set<String> emptyDirs = new HashSet<>();
            for (Object v : Repo.list(pod.get("volumes"))) {
                if (Repo.map(v).containsKey("emptyDir")) {
                    emptyDirs.add(String.valueOf(Repo.map(v).get("name")));
                }
            }
            for (Object c : Repo.list(pod.get("containers"))) {
                Map<String, Object> container = Repo.map(c);
                String where = overlay + " " + name + "/" + container.get("name");
                assertEquals("/q/health/started", Repo.string(container, "startupProbe.httpGet.path"), where);
                assertEquals("/q/health/live", Repo.string(container, "livenessProbe.httpGet.path"), where);
                assertEquals("/q/health/ready", Repo.string(container, "readinessProbe.httpGet.path"), where);
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertEquals("management", Repo.string(container, probe + ".httpGet.port"), where + " " + probe + " port");
                }
                for (String r : List.of("resources.requests.cpu", "resources.requests.memory", "resources.limits.memory")) {
                    assertNotNull(Repo.at(container, r), where + ": " + r);
                }
                assertEquals(Boolean.FALSE, Repo.at(container, "securityContext.allowPrivilegeEscalation"), where);
                assertEquals(Boolean.TRUE, Repo.at(container, "securityContext.readOnlyRootFilesystem"), where);
                assertEquals(List.of("ALL"), Repo.at(container, "securityContext.capabilities.drop"), where);
                boolean writableTmp = Repo.list(container.get("volumeMounts")).stream().map(Repo::map)
                        .anyMatch(m -> "/tmp".equals(m.get("mountPath")) && emptyDirs.contains(String.valueOf(m.get("name"))));
                assertTrue(writableTmp, where + ": /tmp must be an emptyDir (the root file system is read-only)");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySettingIsSetAndCredentialsComeOnlyFromSecrets(String overlay) {
        for (ServiceConfig service : ServiceConfig.deployed()) {
            Map<String, Object> container = appContainer(deployment(overlay, service.name()));
            Map<String, Object> env = new HashMap<>();
            for (Object ef : Repo.list(container.get("envFrom"))) {
                String cm = Repo.string(Repo.map(ef), "configMapRef.name");
                assertNotNull(cm, service.name() + ": envFrom only from ConfigMaps (Secrets go through secretKeyRef)");
                env.putAll(Repo.map(Repo.at(find(overlay, "ConfigMap", cm), "data")));
            }
            for (Object e : Repo.list(container.get("env"))) {
                Map<String, Object> var = Repo.map(e);
                String name = String.valueOf(var.get("name"));
                if (ServiceConfig.isCredential(name)) {
                    assertFalse(var.containsKey("value"), service.name() + ": " + name + " must come from a Secret, not a value");
                    assertNotNull(Repo.at(var, "valueFrom.secretKeyRef.name"), service.name() + ": " + name + " needs a secretKeyRef");
                }
                env.put(name, var.containsKey("value") ? var.get("value") : var.get("valueFrom"));
            }
            service.deploymentSettings().forEach((key, envName) -> {
                assertNotNull(env.get(envName), overlay + " " + service.name() + ": " + envName + " (for " + key + ") is not set");
                // The console's public addresses are the browser's (dev: *.127.0.0.1.nip.io), checked in the console's test.
                boolean publicAddress = service.name().equals(ServiceConfig.CONSOLE) && ServiceConfig.PUBLIC_ADDRESS_SETTINGS.contains(envName);
                assertFalse(!publicAddress && String.valueOf(env.get(envName)).contains("127.0.0.1"),
                        overlay + " " + service.name() + ": " + envName + " points at the pod itself");
                if (ServiceConfig.isCredential(envName)) {
                    assertTrue(env.get(envName) instanceof Map, service.name() + ": " + envName + " must be a secretKeyRef");
                }
            });
            for (Object ef : Repo.list(container.get("envFrom"))) {
                Map<String, Object> data = Repo.map(Repo.at(find(overlay, "ConfigMap", Repo.string(Repo.map(ef), "configMapRef.name")), "data"));
                data.keySet().forEach(k -> assertFalse(ServiceConfig.isCredential(k), service.name() + ": credential " + k + " in a ConfigMap"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasAnHpaAPdbAndNetworkPolicies(String overlay) {
        for (ServiceConfig service : ServiceConfig.deployed()) {
            Map<String, Object> hpa = find(overlay, "HorizontalPodAutoscaler", service.name());
            assertEquals(service.name(), Repo.string(hpa, "spec.scaleTargetRef.name"));
            assertEquals("Deployment", Repo.string(hpa, "spec.scaleTargetRef.kind"));
            assertEquals(null, Repo.at(deployment(overlay, service.name()), "spec.replicas"),
                    service.name() + ": the HPA owns the replica count; a replicas field would reset it on every apply");
            Map<String, String> podLabels = labels(Repo.at(deployment(overlay, service.name()), "spec.template.metadata.labels"));
            Map<String, Object> pdb = find(overlay, "PodDisruptionBudget", service.name());
            assertTrue(selects(Repo.at(pdb, "spec.selector.matchLabels"), podLabels), service.name() + ": PDB selects its pods");

            List<Map<String, Object>> policies = kind(overlay, "NetworkPolicy").stream()
                    .filter(np -> selects(Repo.at(np, "spec.podSelector.matchLabels"), podLabels)).toList();
            assertTrue(policies.stream().anyMatch(np -> Repo.list(Repo.at(np, "spec.policyTypes")).containsAll(List.of("Ingress", "Egress"))
                    && Repo.at(np, "spec.ingress") == null && Repo.at(np, "spec.egress") == null),
                    service.name() + ": a default-deny policy (ingress and egress) must select its pods");
            assertTrue(policies.stream().anyMatch(np -> Repo.at(np, "spec.egress") != null
                    && String.valueOf(Repo.at(np, "spec.egress")).contains("53")), service.name() + ": DNS egress");
            String allowedIn = policies.stream().map(np -> String.valueOf(Repo.at(np, "spec.ingress"))).reduce("", String::concat);
            for (Map<String, Object> np : policies) {
                for (Object rule : Repo.list(Repo.at(np, "spec.ingress"))) {
                    if (String.valueOf(rule).contains("kubernetes.io/metadata.name=monitoring")) {
                        assertEquals("[{port=" + service.managementPort() + "}]", String.valueOf(Repo.map(rule).get("ports")),
                                service.name() + ": Prometheus reaches the management port only: " + rule);
                    }
                }
            }
            if (service.name().equals("gateway")) {
                assertTrue(allowedIn.contains("ingress-nginx"), "only the ingress controller reaches the gateway: " + allowedIn);
                // Its management port (probes, /q/metrics) admits exactly one source: the monitoring namespace.
                List<Object> toManagement = policies.stream().flatMap(np -> Repo.list(Repo.at(np, "spec.ingress")).stream())
                        .filter(rule -> String.valueOf(Repo.map(rule).get("ports")).contains("port=" + service.managementPort()))
                        .toList();
                assertEquals(1, toManagement.size(), "one rule admits the gateway's management port: " + toManagement);
                assertEquals("[{namespaceSelector={matchLabels={kubernetes.io/metadata.name=monitoring}}}]",
                        String.valueOf(Repo.map(toManagement.get(0)).get("from")),
                        "only Prometheus (namespace monitoring) reaches the gateway's management port: " + toManagement);
            } else {
                assertTrue(allowedIn.contains("app.kubernetes.io/name=gateway"), service.name() + ": the gateway reaches it: " + allowedIn);
                assertFalse(allowedIn.contains("ingress-nginx"), service.name() + " must not be reachable from the ingress controller");
            }
        }
        Map<String, Object> monitor = find(overlay, "ServiceMonitor", "trellis-services");
        assertEquals("management", Repo.string(Repo.map(Repo.list(Repo.at(monitor, "spec.endpoints")).get(0)), "port"),
                "Prometheus scrapes the management port");
        Map<String, Object> ingress = find(overlay, "Ingress", "trellis");
        assertTrue(String.valueOf(Repo.at(ingress, "spec.rules")).contains("name=gateway"), "the Ingress leads to the gateway only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noImageIsLatestOrUntagged(String overlay) {
        List<String> images = new ArrayList<>();
        for (Map<String, Object> doc : render(overlay)) {
            collectImages(doc, images);
        }
        assertTrue(images.size() >= 6, "images found: " + images);
        for (String image : images) {
            assertTrue(TAGGED_IMAGE.matcher(image).matches() && !image.endsWith(":latest"), overlay + ": image " + image + " must be pinned");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void infrastructureComesFromOperatorsWithOneDatabasePerService(String overlay) {
        boolean prod = overlay.equals("prod");
        assertEquals(prod ? 3 : 1, ((Number) Repo.at(find(overlay, "KafkaNodePool", "dual-role"), "spec.replicas")).intValue());
        assertEquals(List.of("controller", "broker"), Repo.at(find(overlay, "KafkaNodePool", "dual-role"), "spec.roles"));
        assertEquals(prod ? 3 : 1, ((Number) Repo.at(find(overlay, "Cluster", "trellis-pg"), "spec.instances")).intValue());
        Map<String, Integer> partitions = new HashMap<>();
        for (Map<String, Object> topic : kind(overlay, "KafkaTopic")) {
            partitions.put(Repo.string(topic, "spec.topicName"), ((Number) Repo.at(topic, "spec.partitions")).intValue());
            assertEquals(prod ? 3 : 1, ((Number) Repo.at(topic, "spec.replicas")).intValue(), "replicas of " + topic);
        }
        for (String topic : List.of("trellis.partner.events", "trellis.advisory.events", "trellis.event.events",
                "trellis.insights.events", "trellis.advisory.dlq", "trellis.event.dlq", "trellis.partner.dlq")) {
            assertTrue(partitions.getOrDefault(topic, 0) > 0, overlay + ": KafkaTopic " + topic);
        }
        Map<String, Object> cluster = find(overlay, "Cluster", "trellis-pg");
        Set<String> databases = new HashSet<>();
        databases.add(Repo.string(cluster, "spec.bootstrap.initdb.database"));
        kind(overlay, "Database").forEach(db -> databases.add(Repo.string(db, "spec.name")));
        for (ServiceConfig service : ServiceConfig.all()) {
            if (service.database() != null) {
                assertTrue(databases.contains(service.database()), overlay + ": no database " + service.database());
                String url = String.valueOf(Repo.at(find(overlay, "ConfigMap", service.name()), "data.QUARKUS_DATASOURCE_JDBC_URL"));
                assertEquals("jdbc:postgresql://trellis-pg-rw:5432/" + service.database(), url, service.name());
            }
        }
        assertTrue(databases.contains(Repo.string(find(overlay, "Keycloak", "trellis-keycloak"), "spec.db.database")));
        assertEquals("trellis-keycloak", Repo.string(find(overlay, "KeycloakRealmImport", "trellis-realm"), "spec.keycloakCRName"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noOverlayDefinesASecret(String overlay) {
        assertTrue(kind(overlay, "Secret").isEmpty(), overlay + " must only refer to Secrets, never define them");
    }

    /**
     * Each service (the gateway too) believes X-Forwarded-* only from the overlay's pod network CIDR, set in one
     * ConfigMap per overlay; the NetworkPolicies keep everyone but the gateway (ingress controller) off a service
     * (the gateway).
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceTrustsForwardedHeadersOnlyFromTheOverlaysCidr(String overlay) {
        for (ServiceConfig service : ServiceConfig.deployed()) {
            Map<String, Object> container = appContainer(deployment(overlay, service.name()));
            String value = null;
            for (Object ef : Repo.list(container.get("envFrom"))) {
                Object data = Repo.at(find(overlay, "ConfigMap", Repo.string(Repo.map(ef), "configMapRef.name")), "data");
                Object v = Repo.map(data).get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES");
                value = v == null ? value : String.valueOf(v);
            }
            assertNotNull(value, overlay + " " + service.name() + ": QUARKUS_HTTP_PROXY_TRUSTED_PROXIES is not set");
            assertTrue(value.matches("\\d+\\.\\d+\\.\\d+\\.\\d+/(1[2-9]|2\\d|3[0-2])"),
                    overlay + " " + service.name() + ": trusted proxies must be one private CIDR, /12 or narrower: " + value);
        }
        String overlayFile = Repo.read(Repo.path("deploy/k8s/overlays/" + overlay + "/kustomization.yaml"));
        assertTrue(overlayFile.contains("name: trellis-trusted-proxies"), overlay + " sets its own pod CIDR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod"})
    void prodDefinesNoSecretAndImportsTheRealmWithoutDemoUsers(String overlay) {
        assertTrue(kind(overlay, "Secret").isEmpty(), "prod must only refer to Secrets, never define them");
        Map<String, Object> realm = Repo.map(Repo.at(find(overlay, "KeycloakRealmImport", "trellis-realm"), "spec.realm"));
        for (Object u : Repo.list(realm.get("users"))) {
            assertTrue(Repo.map(u).containsKey("serviceAccountClientId") && !Repo.map(u).containsKey("credentials"),
                    "prod realm user " + Repo.map(u).get("username"));
        }
        assertNotNull(find(overlay, "ScheduledBackup", "trellis-pg-nightly"));
        assertNotNull(Repo.at(find(overlay, "Ingress", "trellis"), "spec.tls"), "prod Ingress serves TLS");
    }

    /**
     * The console reaches Keycloak in the cluster (discovery, tokens, keys) while browsers reach its public hostname, the
     * issuer of every token (the Keycloak CR's spec.hostname with backchannelDynamic); it talks only to the gateway and
     * Keycloak, only the gateway talks to it, and its client secret is the Secret the realm import fills the client from.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void consoleSignsInThroughKeycloaksTwoAddressesAndTalksOnlyToTheGatewayAndKeycloak(String overlay) {
        ServiceConfig console = ServiceConfig.load(ServiceConfig.CONSOLE);
        ServiceConfig gateway = ServiceConfig.load("gateway");
        Map<String, Object> keycloak = find(overlay, "Keycloak", "trellis-keycloak");
        String hostname = Repo.string(keycloak, "spec.hostname.hostname");
        assertEquals(Boolean.TRUE, Repo.at(keycloak, "spec.hostname.backchannelDynamic"),
                overlay + ": pods reach Keycloak on another address than browsers (backchannelDynamic)");
        Map<String, Object> config = Repo.map(Repo.at(find(overlay, "ConfigMap", console.name()), "data"));
        assertEquals("http://trellis-keycloak-service:8080/realms/trellis", config.get("QUARKUS_OIDC_AUTH_SERVER_URL"),
                overlay + ": the console discovers Keycloak in the cluster");
        assertEquals(hostname + "/realms/trellis", config.get("QUARKUS_OIDC_TOKEN_ISSUER"),
                overlay + ": tokens carry Keycloak's public issuer (spec.hostname.hostname)");
        assertEquals(hostname, config.get("TRELLIS_CONSOLE_IDENTITY_PROVIDER_ORIGIN"),
                overlay + ": the CSP's form-action names the Keycloak origin the browser is sent to");
        assertEquals("http://gateway:" + gateway.httpPort(), config.get("QUARKUS_REST_CLIENT_API_URL"), overlay + ": the API is the gateway");
        assertEquals("http://console:" + console.httpPort(),
                Repo.at(find(overlay, "ConfigMap", "gateway"), "data.TRELLIS_GATEWAY_SITE_UPSTREAM"), overlay + ": the gateway serves the console");

        Map<String, Object> secret = Repo.map(Repo.list(appContainer(deployment(overlay, console.name())).get("env")).stream()
                .map(Repo::map).filter(v -> "TRELLIS_CONSOLE_CLIENT_SECRET".equals(v.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": the console gets no TRELLIS_CONSOLE_CLIENT_SECRET")));
        assertEquals("trellis-console-client", Repo.string(secret, "valueFrom.secretKeyRef.name"), overlay);
        assertEquals("client-secret", Repo.string(secret, "valueFrom.secretKeyRef.key"), overlay);
        assertEquals("trellis-console-client", Repo.string(find(overlay, "KeycloakRealmImport", "trellis-realm"),
                "spec.placeholders.TRELLIS_CONSOLE_CLIENT_SECRET.secret.name"), overlay + ": the realm import fills the client from the same Secret");
        Map<String, Object> job = Repo.map(Repo.list(Repo.at(find(overlay, "Job", "trellis-keycloak-config"), "spec.template.spec.containers")).get(0));
        assertTrue(Repo.list(job.get("env")).stream().map(Repo::map).anyMatch(v -> "TRELLIS_CONSOLE_CLIENT_SECRET".equals(v.get("name"))
                && "trellis-console-client".equals(Repo.string(v, "valueFrom.secretKeyRef.name"))),
                overlay + ": the realm Job sets the console client's secret after any import: " + job.get("env"));

        // The browser comes back to the public host the Ingress serves; behind TLS the console learns the scheme from
        // the gateway, which must believe the ingress controller's X-Forwarded-* for that.
        Map<String, Object> gatewayConfig = Repo.map(Repo.at(find(overlay, "ConfigMap", "gateway"), "data"));
        for (String key : List.of("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED")) {
            assertEquals("true", gatewayConfig.get(key), overlay + ": the gateway passes on the scheme the browser used (" + key + ")");
        }
        Map<String, Object> ingress = find(overlay, "Ingress", "trellis");
        String origin = (Repo.at(ingress, "spec.tls") == null ? "http://" : "https://")
                + Repo.string(Repo.map(Repo.list(Repo.at(ingress, "spec.rules")).get(0)), "host");
        Map<String, Object> client = Repo.list(Repo.at(find(overlay, "KeycloakRealmImport", "trellis-realm"), "spec.realm.clients")).stream()
                .map(Repo::map).filter(c -> RealmImports.CONSOLE_CLIENT.equals(c.get("clientId"))).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": the realm has no client " + RealmImports.CONSOLE_CLIENT));
        assertTrue(Repo.list(client.get("redirectUris")).contains(origin + "/*"), overlay + ": trellis-console redirects to " + origin + "/*");
        assertTrue(String.valueOf(Repo.map(client.get("attributes")).get("post.logout.redirect.uris")).contains(origin + "/signed-out"),
                overlay + ": trellis-console may land on " + origin + "/signed-out");

        Map<String, Object> policy = find(overlay, "NetworkPolicy", console.name());
        assertEquals(List.of("app.kubernetes.io/name=gateway -> " + List.of(console.httpPort())), peers(policy, "ingress", "from"),
                overlay + ": only the gateway reaches the console, on its HTTP port only (the kubelet's probes need no rule)");
        assertEquals(List.of("app.kubernetes.io/name=gateway -> " + List.of(gateway.httpPort()), "app=keycloak -> [8080]"),
                peers(policy, "egress", "to"), overlay + ": the console talks to the gateway (API) and Keycloak only");
        Map<String, Object> gatewayPolicy = find(overlay, "NetworkPolicy", "gateway");
        assertTrue(peers(gatewayPolicy, "egress", "to").contains("app.kubernetes.io/name=console -> " + List.of(console.httpPort())),
                overlay + ": the gateway may reach the console's pages: " + peers(gatewayPolicy, "egress", "to"));
        assertTrue(peers(gatewayPolicy, "ingress", "from").contains("app.kubernetes.io/name=console -> " + List.of(gateway.httpPort())),
                overlay + ": the console may call the gateway's API: " + peers(gatewayPolicy, "ingress", "from"));
    }

    /** Every Secret a dev workload or operator resource names is one create-secrets.sh makes (the console's too). */
    @ParameterizedTest
    @ValueSource(strings = {"dev"})
    void devSecretsScriptCreatesEverySecretTheOverlayRefersTo(String overlay) {
        Set<String> referred = new java.util.TreeSet<>();
        for (Map<String, Object> doc : render(overlay)) {
            collectSecretNames(doc, referred);
        }
        assertTrue(referred.contains("trellis-console-client"), "the dev overlay refers to the console's Secret: " + referred);
        String script = Repo.read(Repo.path("deploy/k8s/overlays/dev/create-secrets.sh"));
        for (String name : referred) {
            assertTrue(script.contains("\ncreate " + name + " "), "create-secrets.sh does not create the Secret " + name);
        }
    }

    /** Secret names: secretKeyRef, usernameSecret/passwordSecret, secret: {name} and secret: name (not a realm client's placeholder). */
    private static void collectSecretNames(Object node, Set<String> names) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (("secretKeyRef".equals(k) || "usernameSecret".equals(k) || "passwordSecret".equals(k) || "secret".equals(k))
                        && v instanceof Map<?, ?> ref && ref.get("name") instanceof String name) {
                    names.add(name);
                } else if ("secret".equals(k) && v instanceof String name && !name.startsWith("${")) {
                    names.add(name);
                }
                collectSecretNames(v, names);
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectSecretNames(v, names));
        }
    }

    /** A policy's rules of one direction as "label=value[,label=value] -> [ports]", one per peer, in order. */
    private static List<String> peers(Map<String, Object> policy, String direction, String peerKey) {
        List<String> out = new ArrayList<>();
        for (Object r : Repo.list(Repo.at(policy, "spec." + direction))) {
            Map<String, Object> rule = Repo.map(r);
            List<Integer> ports = Repo.list(rule.get("ports")).stream().map(p -> ((Number) Repo.map(p).get("port")).intValue()).toList();
            for (Object peer : Repo.list(rule.get(peerKey))) {
                Map<String, Object> p = Repo.map(peer);
                String labels = new java.util.TreeMap<>(labels(Repo.at(p, "podSelector.matchLabels"))).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + "," + b).orElse("");
                String namespace = p.containsKey("namespaceSelector") ? "ns:" + labels(Repo.at(p, "namespaceSelector.matchLabels")) + " " : "";
                out.add(namespace + labels + " -> " + ports);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    private static void collectImages(Object node, List<String> images) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (("image".equals(k) || "imageName".equals(k)) && v instanceof String s) {
                    images.add(s);
                } else {
                    collectImages(v, images);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectImages(v, images));
        }
    }

    private static List<Map<String, Object>> kind(String overlay, String kind) {
        return render(overlay).stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static Map<String, Object> find(String overlay, String kind, String name) {
        return kind(overlay, kind).stream().filter(d -> name.equals(Repo.string(d, "metadata.name"))).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + " " + name));
    }

    private static Map<String, Object> deployment(String overlay, String name) {
        return find(overlay, "Deployment", name);
    }

    private static Map<String, Object> appContainer(Map<String, Object> deployment) {
        List<Object> containers = Repo.list(Repo.at(deployment, "spec.template.spec.containers"));
        assertEquals(1, containers.size(), Repo.string(deployment, "metadata.name") + " runs one container");
        return Repo.map(containers.get(0));
    }

    private static Map<String, String> labels(Object map) {
        Map<String, String> out = new HashMap<>();
        Repo.map(map).forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    /** Does a matchLabels selector (an empty one selects everything) select pods with these labels? */
    private static boolean selects(Object matchLabels, Map<String, String> podLabels) {
        return labels(matchLabels).entrySet().stream().allMatch(e -> e.getValue().equals(podLabels.get(e.getKey())));
    }
}
