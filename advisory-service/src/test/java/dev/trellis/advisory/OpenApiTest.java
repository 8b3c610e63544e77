package dev.trellis.advisory;

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
        for (String path : new String[] {"/api/boards", "/api/boards/{id}", "/api/boards/{id}/policy", "/api/boards/{id}/seats",
                "/api/boards/{id}/seats/{seatId}", "/api/boards/{id}/seats/{seatId}/vacate", "/api/boards/{id}/overrides",
                "/api/boards/{id}/compliance", "/api/boards/{id}/composition", "/api/board-compositions", "/api/boards/{id}/meetings",
                "/api/boards/{id}/meetings/{meetingId}", "/api/boards/{id}/meetings/{meetingId}/attendance",
                "/api/boards/{id}/meetings/{meetingId}/resolutions", "/api/boards/{id}/meetings/{meetingId}/close",
                "/api/boards/{id}/calendar.ics"}) {
            assertTrue(paths.containsKey(path), "no " + path + " in " + paths.keySet());
        }
        assertNotNull(json.get("components.schemas.AppointRequest.examples[0]"));
        assertNotNull(json.get("components.schemas.MeetingRequest.examples[0]"));
        assertNotNull(json.get("paths.'/api/boards/{id}/policy'.put.requestBody.content.'application/json'.examples"));
    }
}
