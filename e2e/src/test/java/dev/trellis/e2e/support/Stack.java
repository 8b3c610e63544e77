package dev.trellis.e2e.support;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** Where the running stack is, and the demo data the suite relies on (deploy/keycloak, DemoData). */
public final class Stack {
    public static final URI GATEWAY = uri("TRELLIS_GATEWAY_URL", "http://127.0.0.1:8080");
    public static final URI KEYCLOAK = uri("TRELLIS_KEYCLOAK_URL", "http://127.0.0.1:8180");
    public static final URI PARTNER_SERVICE = uri("TRELLIS_PARTNER_URL", "http://127.0.0.1:8081");
    public static final URI ADVISORY_SERVICE = uri("TRELLIS_ADVISORY_URL", "http://127.0.0.1:8082");
    public static final URI EVENT_SERVICE = uri("TRELLIS_EVENT_URL", "http://127.0.0.1:8083");
    public static final URI INSIGHTS_SERVICE = uri("TRELLIS_INSIGHTS_URL", "http://127.0.0.1:8084");
    public static final URI WEBHOOK_SERVICE = uri("TRELLIS_WEBHOOK_URL", "http://127.0.0.1:8086");
    /** The trace backend every part of the stack exports to (deploy/local/zipkin.sh). */
    public static final URI ZIPKIN = uri("TRELLIS_ZIPKIN_URL", "http://127.0.0.1:9411");
    public static final String REALM = "trellis";
    public static final String ISSUER = KEYCLOAK + "/realms/" + REALM;

    /** Acme Cloud: partner A, whose portal user is paula. */
    public static final UUID PARTNER_A = UUID.fromString("a1a1a1a1-0000-4000-8000-000000000001");
    /** Borealis Systems: partner B, whose portal user is piet. */
    public static final UUID PARTNER_B = UUID.fromString("b2b2b2b2-0000-4000-8000-000000000002");

    /** The services by name, each on its own port: the isolation tests go around the gateway too. */
    public static final Map<String, URI> SERVICES = Map.of(
            "partner-service", PARTNER_SERVICE,
            "advisory-service", ADVISORY_SERVICE,
            "event-service", EVENT_SERVICE,
            "insights-service", INSIGHTS_SERVICE,
            "webhook-service", WEBHOOK_SERVICE);

    /**
     * Each service's management interface (health, metrics): its HTTP port + 1000, on loopback only. The
     * gateway's and the console's are here too; none of them answers health or metrics on its own port.
     */
    public static final Map<String, URI> MANAGEMENT = Map.of(
            "gateway", uri("TRELLIS_GATEWAY_MANAGEMENT_URL", "http://127.0.0.1:9080"),
            "partner-service", uri("TRELLIS_PARTNER_MANAGEMENT_URL", "http://127.0.0.1:9081"),
            "advisory-service", uri("TRELLIS_ADVISORY_MANAGEMENT_URL", "http://127.0.0.1:9082"),
            "event-service", uri("TRELLIS_EVENT_MANAGEMENT_URL", "http://127.0.0.1:9083"),
            "insights-service", uri("TRELLIS_INSIGHTS_MANAGEMENT_URL", "http://127.0.0.1:9084"),
            "webhook-service", uri("TRELLIS_WEBHOOK_MANAGEMENT_URL", "http://127.0.0.1:9086"),
            "console", uri("TRELLIS_CONSOLE_MANAGEMENT_URL", "http://127.0.0.1:9085"));

    private Stack() {
    }

    private static URI uri(String env, String fallback) {
        String value = System.getenv(env);
        return URI.create(value == null || value.isBlank() ? fallback : value);
    }
}
