package dev.trellis.advisory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The OpenAPI document states the limits the service enforces, and they are the database columns' lengths. */
@QuarkusTest
class ApiBoundsTest {

    private static JsonPath document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theDocumentStatesTheColumnLengthsAndCountsOfResponses() {
        JsonPath json = document();
        assertEquals(200, (Integer) json.get("components.schemas.BoardRequest.properties.name.maxLength"));
        assertEquals(200, (Integer) json.get("components.schemas.CompositionResponse.properties.name.maxLength"));
        assertEquals(300, (Integer) json.get("components.schemas.ResolutionResponse.properties.title.maxLength"));
        // A resolution counts the votes of its request, which holds at most 500 lines.
        assertEquals(500, (Integer) json.get("components.schemas.ResolutionRequest.properties.votes.maxItems"));
        assertEquals(500, (Integer) json.get("components.schemas.ResolutionResponse.properties.yes.maximum"));
        assertEquals(200, (Integer) json.get("components.schemas.OpeningLine.properties.eligible.maxItems"));
        assertEquals(60, (Integer) json.get("components.schemas.RuleLine.properties.rule.maxLength"));
        assertEquals(255, (Integer) json.get("components.schemas.CalendarSubscriptionResponse.properties.owner.maxLength"));
    }

    @Test
    void aBoardNameAsLongAsItsColumnIsTakenAndOneLongerIsRefused() {
        String name = UUID.randomUUID() + "x".repeat(200 - 36);
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"kind\":\"OTHER\"}")
                .post("/api/boards").then().statusCode(201).body("name", equalTo(name));
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "y\",\"kind\":\"OTHER\"}")
                .post("/api/boards").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
    }
}
