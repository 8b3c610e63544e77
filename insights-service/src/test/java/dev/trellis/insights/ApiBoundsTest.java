package dev.trellis.insights;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The OpenAPI document states the bounds of what the service answers: its columns, its score, its trend. */
@QuarkusTest
class ApiBoundsTest {

    private static JsonPath document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theDocumentStatesTheScoreTheReasonsAndTheColumnLengths() {
        JsonPath json = document();
        assertEquals(0, (Integer) json.get("components.schemas.HealthResponse.properties.score.minimum"));
        assertEquals(100, (Integer) json.get("components.schemas.HealthResponse.properties.score.maximum"));
        assertEquals(100, (Integer) json.get("components.schemas.Day.properties.score.maximum"));
        assertEquals(6, (Integer) json.get("components.schemas.HealthResponse.properties.reasons.maxItems"));
        assertEquals(500, (Integer) json.get("components.schemas.TimelineEntryResponse.properties.summary.maxLength"));
        assertEquals(40, (Integer) json.get("components.schemas.Source.properties.type.maxLength"));
    }

    @Test
    void theTrendIsAtMostAsLongAsTheDaysParameterAllows() {
        assertEquals(3660, (Integer) document().get("components.schemas.HealthResponse.properties.trend.maxItems"));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("days", 3661)
                .get("/api/insights/partners/{id}/health", UUID.randomUUID())
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("days"));
    }
}
