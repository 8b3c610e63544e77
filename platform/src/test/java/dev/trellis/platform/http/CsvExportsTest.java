package dev.trellis.platform.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.trellis.platform.csv.CsvTable;
import dev.trellis.platform.testing.CsvTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CsvExportsTest {
    @TestHTTPResource("/csv/rows")
    URI rows;

    static List<List<String>> parse(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(csv)) {
            return it.readAll();
        }
    }

    @Test
    void csvIsAskedForByAcceptAndJsonStaysTheDefault() {
        given().get("/csv/rows").then().statusCode(200).contentType("application/json").header("Vary", "Accept")
                .body("items.n", org.hamcrest.Matchers.contains(0, 1, 2));
        given().accept("*/*").get("/csv/rows").then().statusCode(200).contentType("application/json");
        given().accept("application/json, text/csv").get("/csv/rows").then().contentType("application/json");
        given().accept("text/csv;q=0.5, application/json").get("/csv/rows").then().contentType("application/json");
        given().accept("application/json;q=0.5, text/csv").get("/csv/rows").then().contentType(startsWith("text/csv"));
        given().accept("text/*").get("/csv/rows").then().contentType(startsWith("text/csv"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        given().accept("text/csv").get("/csv/rows").then().statusCode(200)
                .header("Content-Type", "text/csv; charset=UTF-8; header=present")
                .header("Content-Disposition", "attachment; filename=\"rows-" + today + ".csv\"")
                .header("Cache-Control", "no-store").header("Vary", "Accept")
                .body(equalTo("n,name,tags,score\r\n0,row 0,a;b,0\r\n1,row 1,a;b,\r\n2,row 2,a;b,-2\r\n"));
    }

    @Test
    void anAcceptTheRouteCannotProduceIsA406Problem() {
        given().accept("text/html").get("/csv/rows").then().statusCode(406).contentType("application/problem+json")
                .body("type", equalTo("https://trellis.dev/problems/not-acceptable"));
    }

    @Test
    void aRefusalIsProblemJsonEvenWhenCsvWasAskedFor() {
        given().accept("text/csv").queryParam("size", -1).get("/csv/rows").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("https://trellis.dev/problems/not-found"));
        given().accept("text/csv").queryParam("limit", 0).get("/csv/rows").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().accept("text/csv").queryParam("nonsense", 1).get("/csv/rows").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void withoutLimitTheWholeListIsStreamedPageByPage() throws IOException {
        String body = given().accept("text/csv").queryParam("size", 450).get("/csv/rows").then().statusCode(200)
                .header("Link", nullValue()).extract().asString();
        List<List<String>> table = parse(body);
        Assertions.assertEquals(451, table.size(), "header and 450 rows");
        Assertions.assertEquals(List.of("n", "name", "tags", "score"), table.get(0));
        for (int n = 0; n < 450; n++) {
            Assertions.assertEquals(String.valueOf(n), table.get(n + 1).get(0));
        }
        Assertions.assertEquals(3, CsvTestResource.FETCHES.get(), "pages of " + 200 + " rows, never all at once");
    }

    @Test
    void withLimitOrCursorCsvIsOnePageWithTheSameNextLinkAsJson() throws IOException {
        String link = given().queryParam("size", 5).queryParam("limit", 2).get("/csv/rows").then().extract().header("Link");
        String csvLink = given().accept("text/csv").queryParam("size", 5).queryParam("limit", 2).get("/csv/rows")
                .then().statusCode(200).header("Link", equalTo(link)).extract().header("Link");
        Assertions.assertTrue(csvLink.contains("rel=\"next\""), csvLink);
        String cursor = given().queryParam("size", 5).queryParam("limit", 2).get("/csv/rows").then().extract().path("next");
        String page2 = given().accept("text/csv").queryParam("size", 5).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/csv/rows").then().statusCode(200).extract().asString();
        Assertions.assertEquals(List.of(List.of("n", "name", "tags", "score"), List.of("2", "row 2", "a;b", "-2"),
                List.of("3", "row 3", "a;b", "")), parse(page2));
    }

    @Test
    void aListLongerThanTheCapFailsTheDownloadInsteadOfEndingShort() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(rows + "?size=1000")).header("Accept", "text/csv").build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            Assertions.assertNotEquals(200, response.statusCode(), "a complete-looking file of " + response.body().length() + " chars");
        } catch (IOException expected) {
            // the transfer was cut off: the client knows the file is incomplete
        }
    }

    @Test
    void quotingOfCommasQuotesAndNewlinesRoundTrips() throws IOException {
        String tricky = "Smith, \"Jr.\"\r\nline two\nthree;four";
        String body = given().accept("text/csv").queryParam("size", 1).queryParam("name", tricky).get("/csv/rows")
                .then().statusCode(200).body(containsString("\"Smith, \"\"Jr.\"\"")).extract().asString();
        Assertions.assertEquals(tricky, parse(body).get(1).get(1));
    }

    @Test
    void aCellThatASpreadsheetWouldRunIsPrefixedWithAQuote() throws IOException {
        for (String formula : List.of("=HYPERLINK(\"http://evil.example\",\"click\")", "+1+1", "-1+1", "@SUM(A1)", "\tx", "\rx")) {
            String body = given().accept("text/csv").queryParam("size", 1).queryParam("name", formula).get("/csv/rows")
                    .then().statusCode(200).extract().asString();
            Assertions.assertEquals("'" + formula, parse(body).get(1).get(1), formula);
        }
        Assertions.assertEquals("-5", CsvTable.cell(-5), "a number is no formula");
        Assertions.assertEquals("a=b", CsvTable.cell("a=b"));
        Assertions.assertEquals("", CsvTable.cell(null));
        Assertions.assertEquals("'=x;y", CsvTable.cell(List.of("=x", "y")));
    }

    @Test
    void theBodyIsUtf8() {
        byte[] body = given().accept("text/csv").queryParam("size", 1).queryParam("name", "Zürich – 東京").get("/csv/rows")
                .then().statusCode(200).extract().asByteArray();
        Assertions.assertTrue(new String(body, StandardCharsets.UTF_8).contains("Zürich – 東京"));
    }
}
