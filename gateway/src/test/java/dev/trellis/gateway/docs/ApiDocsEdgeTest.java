package dev.trellis.gateway.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** What the gateway itself adds to the merged document: its rate-limit fields and 429, only when its limits are on. */
class ApiDocsEdgeTest {

    private static JsonObject document() {
        return new JsonObject().put("paths", new JsonObject().put("/api/partners", new JsonObject()
                .put("parameters", new io.vertx.core.json.JsonArray())
                .put("get", new JsonObject().put("responses", new JsonObject()
                        .put("200", new JsonObject().put("description", "OK"))
                        .put("404", new JsonObject().put("description", "Not found"))
                        .put("500", new JsonObject().put("description", "Failed"))))));
    }

    @Test
    void withRateLimitsEveryOperationSaysItMayAnswer429AndEach2xxAnd4xxCarriesTheRateLimitFields() {
        JsonObject doc = document();
        ApiDocs.describeEdge(doc, true);
        JsonObject responses = doc.getJsonObject("paths").getJsonObject("/api/partners").getJsonObject("get")
                .getJsonObject("responses");
        JsonObject tooMany = responses.getJsonObject("429");
        assertEquals("#/components/schemas/Problem", tooMany.getJsonObject("content")
                .getJsonObject("application/problem+json").getJsonObject("schema").getString("$ref"));
        assertTrue(tooMany.getJsonObject("headers").containsKey("Retry-After"));
        for (String status : new String[] {"200", "404", "429"}) {
            JsonObject headers = responses.getJsonObject(status).getJsonObject("headers");
            assertTrue(headers.containsKey("RateLimit") && headers.containsKey("RateLimit-Policy"), status);
        }
        JsonObject failed = responses.getJsonObject("500").getJsonObject("headers");
        assertFalse(failed.containsKey("RateLimit"), "a 5xx is not counted against a limit");
        assertTrue(failed.containsKey("Access-Control-Allow-Origin"));
        assertTrue("\"per-ip\";r=999;t=1".matches(responses.getJsonObject("200").getJsonObject("headers")
                .getJsonObject("RateLimit").getJsonObject("schema").getString("pattern")));
        assertTrue("\"per-ip\";q=1000;w=5, \"per-user\";q=200;w=4".matches(responses.getJsonObject("200")
                .getJsonObject("headers").getJsonObject("RateLimit-Policy").getJsonObject("schema").getString("pattern")));
        assertEquals(false, doc.getJsonArray("servers").getJsonObject(0).getBoolean("x-internal"));
    }

    @Test
    void withoutRateLimitsTheDocumentPromisesNoneOfThemOnlyCors() {
        JsonObject doc = document();
        ApiDocs.describeEdge(doc, false);
        JsonObject responses = doc.getJsonObject("paths").getJsonObject("/api/partners").getJsonObject("get")
                .getJsonObject("responses");
        assertFalse(responses.containsKey("429"));
        assertEquals(java.util.Set.of("Access-Control-Allow-Origin"),
                responses.getJsonObject("200").getJsonObject("headers").fieldNames());
    }

    @Test
    void theIssuersOpenIdConnectSchemeBecomesTheAuthorizationCodeFlowSwaggerUiSignsInWith() {
        JsonObject doc = new JsonObject().put("components", new JsonObject().put("securitySchemes", new JsonObject()
                .put("SecurityScheme", new JsonObject().put("type", "openIdConnect").put("openIdConnectUrl",
                        "http://127.0.0.1:8180/realms/trellis/.well-known/openid-configuration"))
                .put("CancelToken", new JsonObject().put("type", "apiKey").put("in", "header").put("name", "X-Cancel-Token"))));
        ApiDocs.describeSignIn(doc);
        JsonObject schemes = doc.getJsonObject("components").getJsonObject("securitySchemes");
        JsonObject flow = schemes.getJsonObject("SecurityScheme").getJsonObject("flows").getJsonObject("authorizationCode");
        assertEquals("oauth2", schemes.getJsonObject("SecurityScheme").getString("type"));
        assertEquals("http://127.0.0.1:8180/realms/trellis/protocol/openid-connect/auth", flow.getString("authorizationUrl"));
        assertEquals("http://127.0.0.1:8180/realms/trellis/protocol/openid-connect/token", flow.getString("tokenUrl"));
        assertEquals("apiKey", schemes.getJsonObject("CancelToken").getString("type"), "other schemes stay as they are");
    }

    @Test
    void aServiceNameBecomesAComponentPrefix() {
        assertEquals("EventService", ApiDocs.prefix("event-service"));
        assertEquals("Insights2Service", ApiDocs.prefix("insights2-service"));
    }
}
