package dev.trellis.advisory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BoardResourceTest {

    @Test
    void boardsNeedAStaffToken() {
        given().get("/api/boards").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partnerA()).get("/api/boards").then().statusCode(403);
    }

    @Test
    void foundationStaffCreateABoardThatTheCommunityTeamCanRead() {
        String name = "End User Advisory Board " + UUID.randomUUID();
        String location = given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"kind\":\"END_USER_BOARD\"}")
                .post("/api/boards")
                .then().statusCode(201).header("Location", startsWith("http")).extract().header("Location");
        given().auth().oauth2(TestTokens.communityTeam()).get(location)
                .then().statusCode(200).body("name", equalTo(name)).body("kind", equalTo("END_USER_BOARD"));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("limit", 200).get("/api/boards")
                .then().statusCode(200).body("items.name", hasItem(name));
    }

    @Test
    void onlyFoundationStaffCreateBoards() {
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body("{\"name\":\"Marketing Committee\",\"kind\":\"MARKETING_COMMITTEE\"}")
                .post("/api/boards").then().statusCode(403);
    }

    @Test
    void invalidBoardsAreRefusedNamingTheField() {
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body("{\"name\":\"Some board\",\"kind\":\"SECRET_SOCIETY\"}")
                .post("/api/boards").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"kind\":\"OTHER\"}")
                .post("/api/boards").then().statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void aSecondBoardWithTheSameNameIsAConflict() {
        String body = "{\"name\":\"Duplicate " + UUID.randomUUID() + "\",\"kind\":\"OTHER\"}";
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).body(body)
                .post("/api/boards").then().statusCode(201);
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).body(body)
                .post("/api/boards").then().statusCode(409).contentType("application/problem+json");
    }
}
