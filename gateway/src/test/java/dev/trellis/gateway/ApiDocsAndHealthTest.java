package dev.trellis.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.gateway.testing.GatewayTestProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * The merged OpenAPI document, its Swagger UI, and readiness per upstream. The fake partner- and
 * advisory-service publish small documents; event-service's is broken and offline-, slow- and
 * flaky-service publish none. advisory-service reports itself not ready.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class ApiDocsAndHealthTest {

    /** The management interface's root, {@code http://host:port/q/}. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void documentMergesTheRoutedPathsOfEveryServiceThatAnswered() {
        given().when().get("/api/openapi")
                .then().statusCode(200)
                .contentType("application/json")
                .body("info.title", equalTo("Trellis API"))
                .body("paths", hasKey("/api/partners"))
                .body("paths", hasKey("/api/boards"))
                .body("paths.'/api/partners'.get.summary", equalTo("list of partner-service"))
                // Paths the gateway does not route to that service are not part of the public API.
                .body("paths", not(hasKey("/internal/partner-service")))
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", hasKey("partner-service-only"))
                .body("components.schemas", hasKey("advisory-service-only"))
                // ...nor what only they use: the components no routed path reaches are dropped.
                .body("components.schemas", not(hasKey("partner-service-internal")))
                .body("tags.name", hasItem("advisory-service"));
    }

    @Test
    void servicesThatDidNotAnswerAreNamed() {
        given().when().get("/api/openapi")
                .then().statusCode(200)
                .body("x-trellis-missing-services", hasItem("event-service"))
                .body("x-trellis-missing-services", hasItem("offline-service"))
                .body("x-trellis-missing-services", not(hasItem("partner-service")))
                .body("info.description", containsString("event-service"));
    }

    @Test
    void aComponentTwoServicesDefineDifferentlyIsRenamedForTheSecondAndItsReferencesFollow() {
        given().when().get("/api/openapi")
                .then().statusCode(200)
                .body("openapi", equalTo("3.1.0"))
                // advisory-service comes first in the test's route table, so it keeps the name.
                .body("components.schemas.Clash.description", equalTo("advisory-service"))
                .body("components.schemas.PartnerServiceClash.description", equalTo("partner-service"))
                .body("paths.'/api/boards'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Clash"))
                .body("paths.'/api/partners'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/PartnerServiceClash"))
                // The shared problem body is identical in both and stays one component.
                .body("components.schemas", not(hasKey("PartnerServiceProblem")))
                .body("x-trellis-renamed", equalTo(java.util.List.of(
                        "partner-service: schemas/Clash -> schemas/PartnerServiceClash")));
    }

    @Test
    void documentAndUiArePublicReadsOnly() {
        given().when().get("/api/docs/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("swagger-ui-bundle.js"))
                .body(containsString("/api/openapi"));
        given().when().get("/api/docs/swagger-ui-bundle.js").then().statusCode(200)
                .body(containsString("SwaggerUIBundle"));
        given().redirects().follow(false).when().get("/api/docs").then().statusCode(302);
        given().when().post("/api/openapi").then().statusCode(401);
    }

    @Test
    void documentIsAlsoServedAsYaml() {
        String yaml = given().when().get("/api/openapi?format=yaml")
                .then().statusCode(200).contentType("application/yaml")
                .extract().asString();
        assertTrue(yaml.startsWith("\"openapi\": \"3.1.0\"\n"), yaml);
        assertTrue(yaml.contains("\n  \"/api/partners\":\n    \"get\":\n      \"summary\": \"list of partner-service\"\n"), yaml);
        assertTrue(yaml.contains("\n\"x-trellis-missing-services\":\n  - \"event-service\"\n"), yaml);
    }

    @Test
    void unknownFormatIs406Problem() {
        given().when().get("/api/openapi?format=xml").then().statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void readinessNamesEachUpstreamAndStaysUpWhenOneIsDown() {
        given().when().get(URI.create(management.toString()).resolve("/q/health/ready"))
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Upstream services' }.data.'partner-service'", equalTo("UP"))
                .body("checks.find { it.name == 'Upstream services' }.data.'advisory-service'",
                        startsWith("DOWN (readiness answered HTTP 503"))
                .body("checks.find { it.name == 'Upstream services' }.data.'offline-service'",
                        startsWith("DOWN (not reachable"))
                .body(not(containsString("127.0.0.1")));
    }

    @Test
    void livenessIgnoresUpstreams() {
        given().when().get(URI.create(management.toString()).resolve("/q/health/live"))
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(not(containsString("Upstream services")));
    }
}
