package dev.trellis.platform.testing.management;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Health and metrics answer on the management interface only, never on the port callers use; the OpenAPI
 * document stays on the service's port (the gateway merges it into /api/openapi). Each service runs these
 * as {@code @QuarkusTest class ManagementInterfaceTest extends ManagementInterfaceRules {}}.
 */
public abstract class ManagementInterfaceRules {

    /** The management interface's root, {@code http://host:port/q/}. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    private URI managementPath(String path) {
        return URI.create(management.toString()).resolve(path);
    }

    @Test
    protected void theServiceIsReadyAfterItsMigrationsOnTheManagementPort() {
        given().get(managementPath("/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"));
        given().get(managementPath("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
        given().get(managementPath("/q/health/started")).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    protected void metricsAreServedOnTheManagementPort() {
        given().get(managementPath("/q/metrics")).then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/health", "/q/health/ready", "/q/health/live", "/q/health/started", "/q/metrics" })
    protected void theServicePortServesNoHealthOrMetrics(String path) {
        given().get(path).then().statusCode(404);
    }

    @Test
    protected void theOpenApiDocumentStaysOnTheServicePort() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("openapi", startsWith("3."));
    }
}
