package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
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

    /** An https URL on a public host, exactly {@code length} characters long. */
    private static String url(int length) {
        String start = "https://acme-cloud.example/";
        return start + "a".repeat(length - start.length());
    }

    @Test
    void theDocumentStatesTheColumnLengthsOfRequestsAndResponses() {
        JsonPath json = document();
        assertEquals(500, (Integer) json.get("components.schemas.PartnerRequest.properties.website.maxLength"));
        assertEquals(2000, (Integer) json.get("components.schemas.PartnerRequest.properties.logoUrl.maxLength"));
        assertEquals(253, (Integer) json.get("components.schemas.PartnerRequest.properties.emailDomains.items.maxLength"));
        assertEquals(500, (Integer) json.get("components.schemas.SelfServicePatch.properties.website.maxLength"));
        assertEquals(200, (Integer) json.get("components.schemas.PartnerResponse.properties.name.maxLength"));
        assertEquals(500, (Integer) json.get("components.schemas.PartnerResponse.properties.website.maxLength"));
        assertEquals(20, (Integer) json.get("components.schemas.PartnerResponse.properties.emailDomains.maxItems"));
        assertEquals(10000, (Integer) json.get("components.schemas.TouchpointResponse.properties.notes.maxLength"));
        assertEquals(100, (Integer) json.get("components.schemas.NextStepRequest.properties.owner.maxLength"));
        assertEquals(365, (Integer) json.get("components.schemas.MembershipResponse.properties.graceDays.maximum"));
        assertEquals(5, (Integer) json.get("components.schemas.PartnerOverviewResponse.properties.keyContacts.maxItems"));
    }

    @Test
    void aWebsiteAsLongAsItsColumnIsTakenAndOneLongerIsRefused() {
        String name = "Bounds " + UUID.randomUUID();
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"website\":\"" + url(500) + "\",\"logoUrl\":\"" + url(2000) + "\"}")
                .post("/api/partners").then().statusCode(201);
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body("{\"name\":\"X\",\"website\":\"" + url(501) + "\",\"logoUrl\":\"" + url(2001) + "\"}")
                .post("/api/partners").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("website")).body("errors.field", hasItem("logoUrl"));
    }
}
