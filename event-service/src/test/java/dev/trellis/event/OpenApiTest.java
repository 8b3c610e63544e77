package dev.trellis.event;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

    @Test
    void theOpenApiDocumentDescribesEveryRouteAndHasExamples() {
        var json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Object> paths = json.getMap("paths");
        for (String path : new String[] {"/api/events", "/api/events/{id}", "/api/events/{id}/status-changes",
                "/api/events/{id}/calendar.ics", "/api/events/{eventId}/registrations",
                "/api/events/{eventId}/registrations/{id}", "/api/events/{eventId}/check-ins",
                "/api/events/{eventId}/check-ins/{registrationId}", "/api/events/{eventId}/sponsorships",
                "/api/events/{eventId}/sponsorships/{id}", "/api/events/{eventId}/sponsorships/{id}/confirmation",
                "/api/user-groups", "/api/user-groups/{id}", "/api/user-groups/{id}/calendar.ics",
                "/api/calendar/events.ics"}) {
            assertTrue(paths.containsKey(path), "no " + path + " in " + paths.keySet());
        }
        for (String schema : new String[] {"EventRequest", "EventPatch", "RegistrationRequest", "SponsorshipRequest",
                "UserGroupRequest", "StatusChangeRequest", "CheckInRequest"}) {
            assertNotNull(json.get("components.schemas." + schema + ".examples[0]"), "no example for " + schema);
        }
    }

    @Test
    void aGuestsCancellationIsDescribedWithItsCancelTokenAsTheAlternativeToASignedInToken() {
        var json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertNotNull(json.get("components.securitySchemes.SecurityScheme"), "the OpenID Connect scheme is still there");
        org.junit.jupiter.api.Assertions.assertEquals("X-Cancel-Token", json.get("components.securitySchemes.CancelToken.name"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("SecurityScheme", "CancelToken"),
                json.getList("paths.'/api/events/{eventId}/registrations/{id}'.delete.security").stream()
                        .map(r -> ((Map<?, ?>) r).keySet().iterator().next()).toList());
        // The routes that need a role keep theirs.
        assertNotNull(json.get("paths.'/api/events'.post.security[0].SecurityScheme"),
                "POST /api/events: " + json.get("paths.'/api/events'.post.security"));
    }
}
