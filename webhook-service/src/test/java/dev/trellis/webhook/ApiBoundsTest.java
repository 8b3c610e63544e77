package dev.trellis.webhook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** The OpenAPI document states the bounds of what the service takes and answers. */
@QuarkusTest
class ApiBoundsTest {

    private static JsonPath document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theDocumentStatesTheLengthsOfTheSubscriptionAndTheLog() {
        JsonPath json = document();
        assertEquals(2000, (Integer) json.get("components.schemas.SubscriptionRequest.properties.url.maxLength"));
        assertEquals(50, (Integer) json.get("components.schemas.SubscriptionRequest.properties.eventTypes.maxItems"));
        assertEquals(100, (Integer) json.get("components.schemas.SubscriptionRequest.properties.eventTypes.items.maxLength"));
        assertEquals(200, (Integer) json.get("components.schemas.SubscriptionResponse.properties.description.maxLength"));
        assertEquals(500, (Integer) json.get("components.schemas.DeliveryResponse.properties.lastError.maxLength"));
        assertEquals(599, (Integer) json.get("components.schemas.DeliveryResponse.properties.lastStatusCode.maximum"));
    }
}
