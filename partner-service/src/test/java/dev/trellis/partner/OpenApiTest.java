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
                "/api/touchpoints/next-steps", "/api/contacts/imports", "/api/partners/imports",
                "/api/partners/memberships/imports", "/api/contacts/{id}/erasure", "/api/erasure-requests",
                "/api/erasure-requests/{id}", "/api/contacts/unsubscribe"}) {
            org.junit.jupiter.api.Assertions.assertTrue(paths.containsKey(path), "no " + path + " in " + paths.keySet());
        }
        org.junit.jupiter.api.Assertions.assertNotNull(json.get("components.schemas.PartnerRequest.examples[0].name"));
        org.junit.jupiter.api.Assertions.assertNotNull(json.get("components.schemas.PartnerRequest.properties.website.examples[0]"));
        org.junit.jupiter.api.Assertions.assertNotNull(json.get("components.schemas.LogTouchpointRequest.examples[0]"));
    }

    @Test
    void thePlatformsAuditRouteIsDescribedUnderThisServicesNameOnly() {
        var json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        java.util.Map<String, Object> paths = json.getMap("paths");
        org.junit.jupiter.api.Assertions.assertFalse(paths.keySet().stream().anyMatch(p -> p.contains("{service}")),
                paths.keySet().toString());
        org.junit.jupiter.api.Assertions.assertEquals("AuditResource_list_partner",
                json.get("paths.'/api/audit/partner'.get.operationId"));
        java.util.List<String> parameters = json.getList("paths.'/api/audit/partner'.get.parameters.name");
        org.junit.jupiter.api.Assertions.assertFalse(parameters.contains("service"), parameters.toString());
        org.junit.jupiter.api.Assertions.assertTrue(parameters.contains("entityType"), parameters.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasAUniqueIdAndEveryErrorAnswerIsAProblem() {
        var json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals("object", json.get("components.schemas.Problem.type"));
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.Map<String, java.util.Map<String, Object>> paths = json.getMap("paths");
        int created = 0;
        for (var path : paths.entrySet()) {
            for (var method : path.getValue().entrySet()) {
                if (!(method.getValue() instanceof java.util.Map<?, ?> operation) || !operation.containsKey("responses")) {
                    continue;
                }
                String where = method.getKey() + " " + path.getKey();
                Object id = operation.get("operationId");
                org.junit.jupiter.api.Assertions.assertTrue(id instanceof String && ids.add((String) id),
                        where + " has no operationId of its own: " + id);
                var responses = (java.util.Map<String, java.util.Map<String, Object>>) operation.get("responses");
                org.junit.jupiter.api.Assertions.assertTrue(responses.containsKey("500"), where + " says nothing of 500");
                for (var answer : responses.entrySet()) {
                    if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                        var content = (java.util.Map<String, java.util.Map<String, Object>>) answer.getValue().get("content");
                        org.junit.jupiter.api.Assertions.assertEquals("#/components/schemas/Problem",
                                ((java.util.Map<String, Object>) content.get("application/problem+json").get("schema")).get("$ref"),
                                where + " " + answer.getKey());
                    }
                    if (answer.getKey().equals("201")) {
                        created++;
                        org.junit.jupiter.api.Assertions.assertTrue(
                                ((java.util.Map<String, Object>) answer.getValue().get("headers")).containsKey("Location"), where);
                    }
                }
                if (operation.containsKey("security")) {
                    org.junit.jupiter.api.Assertions.assertTrue(responses.containsKey("401") && responses.containsKey("403"), where);
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(created > 0, "no 201 answer at all");
        org.junit.jupiter.api.Assertions.assertTrue(ids.contains("PartnerResource_create"), ids.toString());
        // Roles are no OAuth scopes: the OpenID Connect requirement names none, the roles are stated beside it.
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(),
                json.getList("paths.'/api/partners'.post.security[0].SecurityScheme"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("community-team"),
                json.getList("paths.'/api/partners'.post.x-trellis-roles"));
        org.junit.jupiter.api.Assertions.assertTrue(json.getString("paths.'/api/partners'.post.description")
                .endsWith("Roles: community-team (realm roles in the token's realm_access.roles)."));
        org.junit.jupiter.api.Assertions.assertEquals(true, json.get("servers[0].x-internal"));
        // The bounds the platform enforces are stated: a page size, a page's length, a UUID's.
        java.util.List<java.util.Map<String, Object>> listParameters = json.getList("paths.'/api/partners'.get.parameters");
        var limit = listParameters.stream().filter(p -> "limit".equals(p.get("name"))).findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Map.of("type", "integer", "format", "int32", "minimum", 1,
                "maximum", 200), ((java.util.Map<String, Object>) limit.get("schema")).entrySet().stream()
                .filter(e -> !e.getKey().equals("default")).collect(java.util.stream.Collectors.toMap(
                        java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)));
        org.junit.jupiter.api.Assertions.assertEquals(200, (Integer) json.get("components.schemas.PageTouchpointResponse.properties.items.maxItems"));
        org.junit.jupiter.api.Assertions.assertEquals(36, (Integer) json.get("components.schemas.UUID.maxLength"));
    }
}
