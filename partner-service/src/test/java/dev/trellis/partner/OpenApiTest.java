package dev.trellis.partner;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

    @Test
    void theOpenApiDocumentDescribesEveryRouteAndHasExamples() {
        var json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        java.util.Map<String, Object> paths = json.getMap("paths");
        for (String path : new String[] {"/api/partners", "/api/partners/{id}", "/api/partners/me",
                "/api/partners/{id}/lifecycle-changes", "/api/partners/{partnerId}/membership",
                "/api/partners/{id}/membership/key-contacts/{role}", "/api/contacts", "/api/contacts/{id}",
                "/api/partners/me/contacts", "/api/partners/{partnerId}/touchpoints", "/api/touchpoints/{id}",
                "/api/touchpoints/next-steps"}) {
            org.junit.jupiter.api.Assertions.assertTrue(paths.containsKey(path), "no " + path + " in " + paths.keySet());
        }
        org.junit.jupiter.api.Assertions.assertNotNull(json.get("components.schemas.PartnerRequest.examples[0].name"));
        org.junit.jupiter.api.Assertions.assertNotNull(json.get("components.schemas.PartnerRequest.properties.website.examples[0]"));
        org.junit.jupiter.api.Assertions.assertNotNull(json.get("components.schemas.LogTouchpointRequest.examples[0]"));
    }
}
