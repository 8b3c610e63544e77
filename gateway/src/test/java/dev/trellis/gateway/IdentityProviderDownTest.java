package dev.trellis.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.trellis.gateway.testing.FakeUpstreams;
import dev.trellis.gateway.testing.TestSigningKey;
import dev.trellis.gateway.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keycloak unreachable since startup: honest readiness, and 503 problems rather than 500s. */
@QuarkusTest
@TestProfile(IdentityProviderDownTest.KeycloakDown.class)
class IdentityProviderDownTest {

    public static class KeycloakDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 1 on loopback: nothing listens, so the connection is refused at once.
            return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:1/realms/trellis");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            // The signing key only mints tokens here; OIDC is not told about it (no public-key mode).
            return List.of(new TestResourceEntry(FakeUpstreams.class), new TestResourceEntry(SigningKeyOnly.class));
        }
    }

    public static class SigningKeyOnly extends TestSigningKey {
        @Override
        public Map<String, String> start() {
            return Map.of(PRIVATE_KEY_PROPERTY, super.start().get(PRIVATE_KEY_PROPERTY));
        }
    }

    /** The management interface's root, {@code http://host:port/q/}. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void readinessIsDown() {
        given().when().get(URI.create(management.toString()).resolve("/q/health/ready")).then().statusCode(503);
        given().when().get(URI.create(management.toString()).resolve("/q/health/live")).then().statusCode(200);
    }

    @Test
    void tokenThatCannotBeVerifiedIs503Problem() {
        given().auth().oauth2(Tokens.withRoles("partner")).when().get("/api/partners")
                .then().statusCode(503)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("status", equalTo(503));
    }

    @Test
    void anonymousRequestsAreStillAnswered() {
        given().when().get("/api/partners").then().statusCode(401);
        given().when().get("/api/events").then().statusCode(200).body("upstream", equalTo("event-service"));
    }
}
