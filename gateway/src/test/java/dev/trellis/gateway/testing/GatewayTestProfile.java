package dev.trellis.gateway.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The gateway with fake upstreams and a local signing key instead of the services and Keycloak. */
public class GatewayTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                // Unset, so that OIDC verifies with quarkus.oidc.public-key and never calls Keycloak.
                "quarkus.oidc.auth-server-url", "",
                "quarkus.oidc.token.issuer", Tokens.ISSUER,
                // The OIDC readiness check reports DOWN without a provider to ask; production keeps it on.
                "quarkus.oidc.health.enabled", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeUpstreams.class), new TestResourceEntry(TestSigningKey.class));
    }
}
