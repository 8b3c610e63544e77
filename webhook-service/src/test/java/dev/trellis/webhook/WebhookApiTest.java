package dev.trellis.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The subscription API: who may do what, and the answers to bad input. */
@QuarkusTest
class WebhookApiTest {
    private static final String TYPE = "dev.trellis.partner.membership-changed.v1";

    private static Map<String, Object> body(String url, List<String> types, String partnerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("eventTypes", types);
        body.put("partnerId", partnerId);
        return body;
    }

    private static Response create(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/webhooks");
    }

    @Test
    void staffCreateASubscriptionAndSeeItsSecretOnce() {
        Response created = create(TestTokens.communityTeam(), body("http://127.0.0.1:9/hook", List.of(TYPE), null));
        created.then().statusCode(201).header("Location", notNullValue()).body("secret", startsWith("whsec_"))
                .body("enabled", equalTo(true)).body("ownerPartnerId", nullValue());
        String id = created.jsonPath().getString("id");
        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/webhooks/{id}", id).then().statusCode(200)
                .body("secret", nullValue()).body("eventTypes", equalTo(List.of(TYPE)));
        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/webhooks").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void aPartnerSeesAndChangesItsOwnSubscriptionsOnly() {
        String staffs = create(TestTokens.communityTeam(), body("http://127.0.0.1:9/hook", List.of(TYPE), null))
                .then().statusCode(201).extract().path("id");
        Response own = create(TestTokens.partnerA(), body("http://127.0.0.1:9/a", List.of(TYPE), null));
        own.then().statusCode(201).body("ownerPartnerId", equalTo(TestTokens.PARTNER_A))
                .body("partnerId", equalTo(TestTokens.PARTNER_A));
        String mine = own.jsonPath().getString("id");
        given().auth().oauth2(TestTokens.partnerA()).get("/api/webhooks/{id}", staffs).then().statusCode(404);
        given().auth().oauth2(TestTokens.partnerB()).get("/api/webhooks/{id}", mine).then().statusCode(404);
        given().auth().oauth2(TestTokens.partnerB()).delete("/api/webhooks/{id}", mine).then().statusCode(404);
        given().auth().oauth2(TestTokens.partnerB()).get("/api/webhooks/{id}/deliveries", mine).then().statusCode(404);
        given().auth().oauth2(TestTokens.partnerA()).get("/api/webhooks").then().statusCode(200)
                .body("items.id", hasItem(mine)).body("items.id", not(hasItem(staffs)));
        // Staff see the partner's subscription too.
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/webhooks/{id}", mine).then().statusCode(200);
        given().auth().oauth2(TestTokens.partnerA()).delete("/api/webhooks/{id}", mine).then().statusCode(204);
        given().auth().oauth2(TestTokens.partnerA()).get("/api/webhooks/{id}", mine).then().statusCode(404);
    }

    @Test
    void aPartnerCannotFilterOnAnotherPartner() {
        create(TestTokens.partnerA(), body("http://127.0.0.1:9/a", List.of(TYPE), TestTokens.PARTNER_B))
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://trellis.dev/problems/not-your-partner"));
    }

    @Test
    void aPartnerTokenWithoutPartnerIdIsRefused() {
        String token = TestTokens.token("nobody", List.of("partner"), null);
        create(token, body("http://127.0.0.1:9/a", List.of(TYPE), null)).then().statusCode(403)
                .body("type", equalTo("https://trellis.dev/problems/no-partner"));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        create(TestTokens.communityTeam(), body("http://10.0.0.1/hook", List.of(TYPE), null)).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("url"));
        create(TestTokens.communityTeam(), body("ftp://example.com/hook", List.of(TYPE), null)).then().statusCode(400)
                .body("errors.field", hasItem("url"));
        create(TestTokens.communityTeam(), body("http://169.254.169.254/latest", List.of(TYPE), null)).then().statusCode(400)
                .body("errors.field", hasItem("url"));
        create(TestTokens.communityTeam(), body("https://hooks.example.com/x", List.of("dev.trellis.nothing.v1"), null))
                .then().statusCode(400).body("errors.field", hasItem("eventTypes[0]"));
        create(TestTokens.communityTeam(), body("https://hooks.example.com/x", List.of(), null)).then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON).body("{\"url\": 5, \"eventTypes\": {}}")
                .post("/api/webhooks").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("limit", 0).get("/api/webhooks").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("cursor", "garbage").get("/api/webhooks").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/webhooks/not-a-uuid").then().statusCode(404);
    }

    @Test
    void anUpdateNeedsTheCurrentVersion() {
        Response created = create(TestTokens.communityTeam(), body("http://127.0.0.1:9/hook", List.of(TYPE), null));
        String id = created.jsonPath().getString("id");
        String etag = created.header("ETag");
        Map<String, Object> change = body("http://127.0.0.1:9/other", List.of(TYPE, "dev.trellis.partner.partner-changed.v1"),
                TestTokens.PARTNER_B);
        change.put("enabled", false);
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON).body(change)
                .put("/api/webhooks/{id}", id).then().statusCode(428);
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON).body(change).header("If-Match", "\"99\"")
                .put("/api/webhooks/{id}", id).then().statusCode(412);
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON).body(change).header("If-Match", etag)
                .put("/api/webhooks/{id}", id).then().statusCode(200).body("enabled", equalTo(false))
                .body("disabledReason", startsWith("Disabled by cora")).body("partnerId", equalTo(TestTokens.PARTNER_B))
                .body("url", equalTo("http://127.0.0.1:9/other"));
    }

    @Test
    void redeliveringAnUnknownOrPendingDeliveryIsRefused() {
        String id = create(TestTokens.communityTeam(), body("http://127.0.0.1:9/hook", List.of(TYPE), null)).jsonPath().getString("id");
        given().auth().oauth2(TestTokens.communityTeam()).post("/api/webhooks/{id}/deliveries/{d}/redelivery", id, UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/webhooks/{id}/deliveries", id).then().statusCode(200)
                .body("items", equalTo(List.of()));
    }

    @Test
    void withoutATokenNothingIsAnswered() {
        given().get("/api/webhooks").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body("http://127.0.0.1:9/hook", List.of(TYPE), null)).post("/api/webhooks")
                .then().statusCode(401);
    }
}
