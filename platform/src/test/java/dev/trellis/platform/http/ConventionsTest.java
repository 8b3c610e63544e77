package dev.trellis.platform.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.trellis.platform.paging.Cursor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConventionsTest {

    @Test
    void validationErrorsAreProblemJsonNamingEachField() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\" \",\"size\":0,\"parts\":[{\"label\":\"\"}]}")
                .post("/conventions/widgets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://trellis.dev/problems/validation"))
                .body("status", equalTo(400))
                .body("errors.field", hasItems("name", "size", "parts[0].label"));
    }

    @Test
    void eachKindOfDomainRefusalHasItsOneStatusAndShape() {
        given().get("/conventions/refusals/missing").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://trellis.dev/problems/not-found"))
                .body("detail", equalTo("Widget w-9 does not exist"));
        given().get("/conventions/refusals/bad").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://trellis.dev/problems/invalid-request"))
                .body("errors[0].field", equalTo("since"));
        given().get("/conventions/refusals/conflict").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://trellis.dev/problems/already-cancelled"))
                .body("rules[0].rule", equalTo("already-cancelled"));
        given().get("/conventions/refusals/broken").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://trellis.dev/problems/company-cap"))
                .body("title", equalTo("Seat policy violated"))
                .body("rules.rule", org.hamcrest.Matchers.contains("company-cap", "tier-entitlement"))
                .body("detail", equalTo("Acme's group already holds 1 of 1 seats; SILVER members hold no seat on this board"));
        given().get("/conventions/refusals/denied").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://trellis.dev/problems/no-partner"));
    }

    @Test
    void locationNamesTheAddressTheGatewayWasCalledAt() {
        given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "crm.example.org")
                .post("/conventions/widgets/created")
                .then().statusCode(201).header("Location", equalTo("https://crm.example.org/conventions/widgets/created/w-1"));
        given().post("/conventions/widgets/created")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.startsWith("http://127.0.0.1:"));
    }

    @Test
    void aQueryParameterTheEndpointDoesNotReadIsRefusedByName() {
        given().get("/conventions/names?limit=2&membershipStatus=ACTIVE&consent=yes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://trellis.dev/problems/unknown-parameter"))
                .body("errors.field", org.hamcrest.Matchers.contains("consent", "membershipStatus"))
                .body("detail", containsString("it accepts: cursor, limit"));
        given().get("/conventions/names?limit=2").then().statusCode(200);
    }

    @Test
    void anUnmatchedPathAnswersInTheHousesWords() {
        given().get("/conventions/no/such/thing").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://trellis.dev/problems/not-found"))
                .body("detail", not(containsString("Unable to find")))
                .body("detail", not(containsString("HTTP 404")));
    }

    @Test
    void missingBodyIsA400NotA500() {
        given().contentType(ContentType.JSON).post("/conventions/widgets")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIsA400ProblemWithoutParserInternals() {
        given().contentType(ContentType.JSON).body("{\"name\": ")
                .post("/conventions/widgets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://trellis.dev/problems/unreadable-body"))
                .body("detail", not(containsString("com.fasterxml")));
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() {
        given().contentType(ContentType.JSON).body("{\"name\":\"w\",\"size\":1,\"since\":\"yesterday\"}")
                .post("/conventions/widgets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("since"));
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemAndAChunkedOneToo() {
        String big = "{\"name\":\"" + "x".repeat(20_000) + "\",\"size\":1}";
        given().contentType(ContentType.JSON).body(big).post("/conventions/widgets")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://trellis.dev/problems/body-too-large"));
        given().contentType(ContentType.JSON)
                .body(new java.io.ByteArrayInputStream(big.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .post("/conventions/widgets").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void anUploadPathTakesItsLargerLimitAndNoMoreDeclaredOrChunked() {
        byte[] file = new byte[60 * 1024]; // over the 16K of every other path, under the 64K of uploads
        given().contentType("text/csv").body(file).post("/conventions/uploads")
                .then().statusCode(200).body(equalTo(Integer.toString(file.length)));
        given().contentType("text/csv").body(new java.io.ByteArrayInputStream(file)).post("/conventions/uploads")
                .then().statusCode(200).body(equalTo(Integer.toString(file.length)));

        byte[] tooLarge = new byte[80 * 1024];
        given().contentType("text/csv").body(tooLarge).post("/conventions/uploads")
                .then().statusCode(413).contentType("application/problem+json");
        given().contentType("text/csv").body(new java.io.ByteArrayInputStream(tooLarge)).post("/conventions/uploads")
                .then().statusCode(413).contentType("application/problem+json");
        // Beside it, the ordinary limit: a declared and a chunked body of the same 60K are refused.
        String widget = "{\"name\":\"" + "x".repeat(60 * 1024) + "\",\"size\":1}";
        given().contentType(ContentType.JSON).body(widget).post("/conventions/widgets")
                .then().statusCode(413).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(new java.io.ByteArrayInputStream(widget.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .post("/conventions/widgets").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void unexpectedErrorsRevealNothingInside() {
        given().get("/conventions/boom")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("detail", containsString("error id"))
                .body(not(containsString("SELECT")))
                .body(not(containsString("hunter2")))
                .body(not(containsString("at dev.trellis")));
    }

    @Test
    void domainRuleViolationsNameTheRule() {
        given().get("/conventions/rule/3")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://trellis.dev/problems/seat-cap"))
                .body("title", equalTo("Company group cap reached"))
                .body("detail", equalTo("Group already holds 3 seats"));
    }

    @Test
    void unknownPathsAndBadPathParametersAreProblemJson() {
        given().get("/conventions/nowhere").then().statusCode(404).contentType("application/problem+json");
        given().get("/conventions/rule/abc").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRoleProtectedEndpointWithoutATokenIs401ProblemJson() {
        given().get("/conventions/staff-only").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void updatesNeedTheCurrentETag() {
        String etag = given().get("/conventions/widgets/current").then().statusCode(200).extract().header("ETag");
        String body = "{\"name\":\"w\",\"size\":2}";

        given().contentType(ContentType.JSON).body(body).put("/conventions/widgets/current")
                .then().statusCode(428).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"999\"").body(body).put("/conventions/widgets/current")
                .then().statusCode(412).contentType("application/problem+json");
        String newer = given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .put("/conventions/widgets/current").then().statusCode(200).extract().header("ETag");
        Assertions.assertNotEquals(etag, newer);
        given().contentType(ContentType.JSON).header("If-Match", etag).body(body).put("/conventions/widgets/current")
                .then().statusCode(412);
    }

    @Test
    void cursorPagingWalksEveryItemOnceInOrder() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 3);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var response = request.get("/conventions/names").then().statusCode(200).extract();
            seen.addAll(response.jsonPath().getList("items", String.class));
            cursor = response.jsonPath().getString("next");
            if (cursor != null) {
                Assertions.assertTrue(response.header("Link").contains("rel=\"next\""), response.header("Link"));
            }
            pages++;
        } while (cursor != null && pages < 10);
        Assertions.assertEquals(List.of("name-0", "name-1", "name-2", "name-3", "name-4", "name-5", "name-6"), seen);
        Assertions.assertEquals(3, pages);
    }

    @Test
    void lastPageHasNoNext() {
        given().queryParam("limit", 50).get("/conventions/names")
                .then().statusCode(200).body("next", nullValue()).header("Link", nullValue());
    }

    @Test
    void limitAndCursorAreValidated() {
        given().queryParam("limit", 0).get("/conventions/names")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", 201).get("/conventions/names").then().statusCode(400);
        given().queryParam("cursor", "!!not-base64!!").get("/conventions/names")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().queryParam("cursor", Cursor.of("a", "b").encode()).get("/conventions/names")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aQueryParameterThatDoesNotParseIsA400NamingItNotA404() {
        for (String limit : new String[] {"abc", "2147483648", "1.5"}) {
            given().queryParam("limit", limit).get("/conventions/names")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
    }

    @Test
    void enumAndInstantFiltersParseOrGetA400NamingThem() {
        given().queryParam("colour", "green").queryParam("from", "2027-01-01T00:00:00Z").get("/conventions/filters")
                .then().statusCode(200).body(equalTo("GREEN 2027-01-01T00:00:00Z"));
        given().queryParam("colour", "").get("/conventions/filters").then().statusCode(200).body(equalTo("null null"));
        given().queryParam("colour", "purple").get("/conventions/filters")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("colour")).body("errors[0].message", equalTo("must be one of [RED, GREEN]"));
        given().queryParam("from", "yesterday").get("/conventions/filters")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void aPathParameterThatDoesNotParseStaysA404() {
        given().get("/conventions/rule/abc").then().statusCode(404).contentType("application/problem+json");
    }
}
