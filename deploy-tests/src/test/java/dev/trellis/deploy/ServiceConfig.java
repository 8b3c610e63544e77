package dev.trellis.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a deployment must know about one service, read from the service's own build and configuration,
 * so that deploy/ cannot drift from the code unnoticed.
 *
 * <p><b>The rule for "settings a deployment must set".</b> A key of the service's
 * application.properties (outside a %profile) must be set by every deployment when its value names
 * this machine ({@code 127.0.0.1} or {@code localhost}: a host, URL or bind address that differs in a
 * container) or when it is a credential (the last segment is {@code username} or ends in
 * {@code password} or {@code secret}). Examples: quarkus.http.host, quarkus.datasource.jdbc.url,
 * username, password, kafka.bootstrap.servers, quarkus.oidc.auth-server-url, the gateway's upstream
 * URLs, trellis.portal.server-url and client-secret. Each is set through the environment variable
 * Quarkus maps to it (upper case, every other character an underscore), the names the local stack uses;
 * a value that is just {@code ${NAME}} (the console's {@code quarkus.oidc.credentials.secret}) is set
 * through {@code NAME}.
 *
 * <p>{@link #NAMES} are the services and the gateway, each published on the host in Compose and probed by
 * the same checks; the console ({@link #CONSOLE}) is deployed too but differs: it is reached only through the
 * gateway (not published), and two of its settings name the public address of Keycloak, which browsers
 * and tokens use ({@link #PUBLIC_ADDRESS_SETTINGS}). {@link #deployed()} is all of them.
 */
record ServiceConfig(String name, int httpPort, int managementPort, String image, String database,
        Map<String, String> deploymentSettings) {

    static final List<String> NAMES = List.of("partner-service", "advisory-service", "event-service", "insights-service",
            "webhook-service", "gateway");
    static final String CONSOLE = "console";
    /**
     * The console's settings that name an address the browser uses, not one a container connects to: the issuer
     * its tokens carry (Keycloak's public URL) and the origin its Content-Security-Policy lets forms go to.
     */
    static final Set<String> PUBLIC_ADDRESS_SETTINGS = Set.of("QUARKUS_OIDC_TOKEN_ISSUER", "TRELLIS_CONSOLE_IDENTITY_PROVIDER_ORIGIN");
    private static final Pattern WHOLE_REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    /** The services and the gateway. */
    static List<ServiceConfig> all() {
        return NAMES.stream().map(ServiceConfig::load).toList();
    }

    /** Everything a deployment runs from this repository's modules: the services, the gateway and the console. */
    static List<ServiceConfig> deployed() {
        return Stream.concat(NAMES.stream(), Stream.of(CONSOLE)).map(ServiceConfig::load).toList();
    }

    static ServiceConfig load(String name) {
        Path dir = Repo.path(name);
        Properties props = new Properties();
        try {
            props.load(new StringReader(Repo.read(dir.resolve("src/main/resources/application.properties"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        props.stringPropertyNames().stream().sorted().forEach(key -> {
            if (!key.startsWith("%") && mustBeSetByDeployment(key, props.getProperty(key))) {
                Matcher reference = WHOLE_REFERENCE.matcher(props.getProperty(key).trim());
                settings.put(key, reference.matches() ? reference.group(1) : envName(key));
            }
        });
        int port = Integer.parseInt(props.getProperty("quarkus.http.port", "8080").trim());
        // Health and metrics: the management interface, on a port of its own (platform config, HTTP port + 1000).
        String management = props.getProperty("quarkus.management.port");
        if (management == null) {
            throw new IllegalStateException(name + " sets no quarkus.management.port");
        }
        String url = props.getProperty("quarkus.datasource.jdbc.url");
        String database = url == null ? null : url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        return new ServiceConfig(name, port, Integer.parseInt(management.trim()), image(dir.resolve("pom.xml")), database, settings);
    }

    static boolean mustBeSetByDeployment(String key, String value) {
        String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        boolean credential = last.equals("username") || last.endsWith("password") || last.endsWith("secret");
        boolean machineSpecific = value.contains("127.0.0.1") || value.contains("localhost");
        return credential || machineSpecific;
    }

    /** The environment variable SmallRye Config maps to a property name. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    static boolean isCredential(String envName) {
        return envName.endsWith("USERNAME") || envName.endsWith("PASSWORD") || envName.endsWith("SECRET");
    }

    /** group/name:tag from the container-image profile of the service's POM. */
    static String image(Path pom) {
        String text = Repo.read(pom);
        return pomProperty(text, pom, "quarkus.container-image.group") + "/"
                + pomProperty(text, pom, "quarkus.container-image.name") + ":"
                + pomProperty(text, pom, "quarkus.container-image.tag");
    }

    private static String pomProperty(String pomText, Path pom, String property) {
        Matcher m = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</").matcher(pomText);
        if (!m.find()) {
            throw new IllegalStateException(pom + " sets no " + property + " (the container-image profile)");
        }
        return m.group(1).trim();
    }
}
