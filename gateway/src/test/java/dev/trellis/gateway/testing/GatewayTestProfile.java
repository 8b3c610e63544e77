package dev.trellis.gateway.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The gateway with fake upstreams and a local signing key instead of the services and Keycloak. */
public class GatewayTestProfile implements QuarkusTestProfile {

    public static final String CORS_ORIGIN = "https://app.trellis.test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                // Unset, so that OIDC verifies with quarkus.oidc.public-key and never calls Keycloak.
                Map.entry("quarkus.oidc.auth-server-url", ""),
                Map.entry("quarkus.oidc.token.issuer", Tokens.ISSUER),
                // The OIDC readiness check reports DOWN without a provider to ask; production keeps it on.
                Map.entry("quarkus.oidc.health.enabled", "false"),
                Map.entry("trellis.gateway.routes.slow-service.timeout", "500ms"),
                Map.entry("trellis.gateway.circuit-breaker.failure-threshold", "3"),
                Map.entry("trellis.gateway.circuit-breaker.open-delay", "1s"),
                // Above FakeUpstreams.HOLD, below the default, so the pool test shows the setting is used.
                Map.entry("trellis.gateway.pool-size", "20"),
                Map.entry("trellis.gateway.cors.origins", CORS_ORIGIN),
                Map.entry("trellis.gateway.limits.max-body-size", "1M"),
                Map.entry("trellis.gateway.limits.uploads.paths", "/api/contacts/imports"),
                Map.entry("trellis.gateway.limits.uploads.max-body-size", "3M"),
                // Every test request comes from 127.0.0.1 and most carry the same subject: the default
                // limits would refuse the suite. RateLimitTest sets low ones.
                Map.entry("trellis.gateway.limits.per-ip.requests-per-second", "100000"),
                Map.entry("trellis.gateway.limits.per-ip.burst", "100000"),
                Map.entry("trellis.gateway.limits.per-user.requests-per-second", "100000"),
                Map.entry("trellis.gateway.limits.per-user.burst", "100000"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeUpstreams.class), new TestResourceEntry(TestSigningKey.class));
    }
}
