package dev.trellis.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.gateway.testing.GatewayTestProfile;
import dev.trellis.gateway.testing.RawHttp;
import dev.trellis.gateway.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Requests the gateway will not pass on get a problem body like every other refusal, not Vert.x'
 * empty status: a request target or header section over the gateway's limits (4096 characters, 20 KiB
 * by default), a missing or repeated Host, a repeated Authorization.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class RequestShapeTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void requestTargetOverTheLimitIs414Problem() {
        given().when().get("/api/events?q=" + "a".repeat(4100))
                .then().statusCode(414)
                .header("Content-Type", startsWith("application/problem+json"))
                .header("X-Request-Id", notNullValue())
                .body("status", equalTo(414))
                .body("detail", containsString("4096"));
    }

    @Test
    void requestTargetJustUnderTheLimitIsServed() {
        given().when().get("/api/events?q=" + "a".repeat(4000)).then().statusCode(200);
    }

    @Test
    void headersOverTheLimitAre431Problem() {
        given().header("X-Padding", "a".repeat(21 * 1024)).when().get("/api/events")
                .then().statusCode(431)
                .header("Content-Type", startsWith("application/problem+json"))
                .header("X-Request-Id", notNullValue())
                .body("status", equalTo(431))
                .body("detail", containsString("headers"));
    }

    @Test
    void requestWithoutHostIs400ProblemNot500() {
        RawHttp.Response response = RawHttp.exchange(gateway.getPort(),
                "GET /api/events HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertProblem(response, 400, "malformed");
    }

    @Test
    void requestWithTwoHostHeadersIs400Problem() {
        RawHttp.Response response = RawHttp.exchange(gateway.getPort(),
                "GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.test\r\nConnection: close\r\n\r\n");
        assertProblem(response, 400, "more than one Host");
    }

    @Test
    void requestWithTwoAuthorizationHeadersIs400ProblemEvenIfBothAreValid() {
        String token = Tokens.withRoles("partner");
        RawHttp.Response response = RawHttp.exchange(gateway.getPort(), "GET /api/partners HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\nAuthorization: Bearer " + token
                + "\r\nConnection: close\r\n\r\n");
        assertProblem(response, 400, "more than one Authorization");
        // One of them alone passes.
        given().auth().oauth2(token).when().get("/api/partners").then().statusCode(200);
    }

    private static void assertProblem(RawHttp.Response response, int status, String detail) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.header("Content-Type").get(0).startsWith("application/problem+json"), response.headers().toString());
        assertEquals(1, response.header("X-Request-Id").size(), response.headers().toString());
        JsonObject body = new JsonObject(response.body());
        assertEquals(status, body.getInteger("status"));
        assertTrue(body.getString("detail").contains(detail), body.getString("detail"));
    }
}
