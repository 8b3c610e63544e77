package dev.trellis.platform.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * Input a lenient parser takes and the database chokes on is a 400 problem naming the field, never a 500: a key
 * sent twice, a NUL character in text or a query, a date or instant beyond the year 9999. And answers carry what
 * hostile readers of them need: no-store, and a challenge with a 401.
 */
@QuarkusTest
class HostileInputTest {

    @Test
    void aKeySentTwiceInOneObjectIsRefusedNamingIt() {
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"size\":1,\"name\":\"b\"}").post("/conventions/widgets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://trellis.dev/problems/unreadable-body"))
                .body("errors.field", contains("name"));
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"size\":1,\"parts\":[{\"label\":\"x\",\"label\":\"y\"}]}")
                .post("/conventions/widgets").then().statusCode(400).body("errors.field", contains("parts[0].label"));
    }

    @Test
    void aNulCharacterInTextIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"name\":\"a\\u0000b\",\"size\":1}").post("/conventions/widgets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("name")).body("errors[0].message", containsString("NUL"));
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"size\":1,\"parts\":[{\"label\":\"\\u0000\"}]}")
                .post("/conventions/widgets").then().statusCode(400).body("errors.field", contains("parts[0].label"));
    }

    @Test
    void aNulCharacterInAQueryIsRefusedNamingTheParameter() {
        given().urlEncodingEnabled(false).get("/conventions/filters?colour=%00").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("colour"));
        given().urlEncodingEnabled(false).get("/conventions/names?cursor=ab%00cd").then().statusCode(400)
                .body("errors.field", contains("cursor"));
    }

    @Test
    void anExtremeDateOrInstantIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"size\":1,\"since\":\"+999999999-12-31\"}")
                .post("/conventions/widgets").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("since")).body("errors[0].message", containsString("9999"));
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"size\":1,\"since\":\"9999-12-31\"}")
                .post("/conventions/widgets").then().statusCode(200);
        given().queryParam("from", "+999999999-12-31T00:00:00Z").get("/conventions/filters").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("from"));
    }

    @Test
    void answersAreNotStoredAndA401ChallengesForABearerToken() {
        given().get("/conventions/widgets/current").then().header("Cache-Control", equalTo("no-store"));
        given().get("/conventions/staff-only").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"trellis\""));
    }
}
