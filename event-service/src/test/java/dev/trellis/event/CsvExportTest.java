package dev.trellis.event;

import static dev.trellis.event.Fixtures.team;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** An event's registrations as text/csv: the JSON list's rows, the caller's visibility, safe cells. */
@QuarkusTest
class CsvExportTest {
    static final UUID PARTNER_A = UUID.fromString(TestTokens.PARTNER_A);
    static final UUID PARTNER_B = UUID.fromString(TestTokens.PARTNER_B);
    static final List<String> HEADER = List.of("id", "eventId", "contactId", "name", "email", "partnerId", "partnerName",
            "source", "status", "checkedInAt", "createdAt");

    static List<List<String>> parse(String body) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(body)) {
            return it.readAll();
        }
    }

    private static String register(UUID event, String name, String email) {
        return given().auth().oauth2(team()).contentType(ContentType.JSON).body(Map.of("name", name, "email", email))
                .post("/api/events/{id}/registrations", event).then().statusCode(201).extract().path("id");
    }

    private static List<String> jsonIds(String token, UUID event, String status) {
        var request = given().auth().oauth2(token).accept(ContentType.JSON);
        if (status != null) {
            request.queryParam("status", status);
        }
        return request.get("/api/events/{id}/registrations", event).then().statusCode(200).extract().path("items.id");
    }

    private static List<List<String>> csv(String token, UUID event, String status) throws IOException {
        var request = given().auth().oauth2(token).accept("text/csv");
        if (status != null) {
            request.queryParam("status", status);
        }
        String body = request.get("/api/events/{id}/registrations", event).then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"registrations-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"")
                .extract().asString();
        List<List<String>> table = parse(body);
        Assertions.assertEquals(HEADER, table.get(0));
        return table.subList(1, table.size());
    }

    @Test
    void registrationsCsvHasTheJsonRowsForTheSameFilterAndEachPartnerOnlyItsOwn() throws IOException {
        ReadModel.partner(PARTNER_A, "Acme Cloud", "ACTIVE", "acme-cloud.test");
        ReadModel.partner(PARTNER_B, "Borealis Systems", "ACTIVE", "borealis.test");
        UUID event = Fixtures.publishedEvent(2);
        String formula = register(event, "=HYPERLINK(\"http://evil.example\",\"x\")", "f-" + UUID.randomUUID() + "@acme-cloud.test");
        String quoted = register(event, "Smith, \"Jr.\"", "q-" + UUID.randomUUID() + "@acme-cloud.test");
        register(event, "Bo Borealis", "b-" + UUID.randomUUID() + "@borealis.test");

        List<List<String>> all = csv(TestTokens.foundationStaff(), event, null);
        Assertions.assertEquals(jsonIds(TestTokens.foundationStaff(), event, null), all.stream().map(r -> r.get(0)).toList());
        Assertions.assertEquals(3, all.size());
        List<List<String>> waitlisted = csv(TestTokens.communityTeam(), event, "WAITLISTED");
        Assertions.assertEquals(jsonIds(TestTokens.communityTeam(), event, "WAITLISTED"),
                waitlisted.stream().map(r -> r.get(0)).toList());
        Assertions.assertEquals(1, waitlisted.size());

        Map<String, String> names = new java.util.HashMap<>();
        all.forEach(r -> names.put(r.get(0), r.get(3)));
        Assertions.assertEquals("'=HYPERLINK(\"http://evil.example\",\"x\")", names.get(formula));
        Assertions.assertEquals("Smith, \"Jr.\"", names.get(quoted));

        List<List<String>> mine = csv(TestTokens.partnerA(), event, null);
        Assertions.assertEquals(jsonIds(TestTokens.partnerA(), event, null), mine.stream().map(r -> r.get(0)).toList());
        Assertions.assertEquals(2, mine.size());
        Assertions.assertTrue(mine.stream().allMatch(r -> r.get(5).equals(TestTokens.PARTNER_A)), mine.toString());
        List<List<String>> theirs = csv(TestTokens.partnerB(), event, null);
        Assertions.assertEquals(1, theirs.size());
        Assertions.assertEquals("Bo Borealis", theirs.get(0).get(3));
    }

    @Test
    void eventsCsvHasTheJsonRowsForTheSameFiltersWithoutDraftsForAnonymousCallers() throws IOException {
        java.time.Instant at = java.time.Instant.now().plus(3000 + new java.util.Random().nextInt(20000), java.time.temporal.ChronoUnit.DAYS)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        UUID published = Fixtures.publishedEvent(10, at);
        UUID draft = Fixtures.draftEvent(10, at.plusSeconds(60), null);
        Map<String, Object> window = Map.of("from", at.toString(), "to", at.plusSeconds(3600).toString());
        List<String> anonymous = given().accept(ContentType.JSON).queryParams(window).get("/api/events").then().statusCode(200)
                .extract().path("items.id");
        String body = given().accept("text/csv").queryParams(window).get("/api/events").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<List<String>> table = parse(body);
        Assertions.assertEquals(List.of("id", "kind", "title", "description", "startsAt", "endsAt", "timeZone", "venue",
                "onlineUrl", "capacity", "registrationOpensAt", "registrationClosesAt", "userGroupId", "status",
                "publicSignUp"), table.get(0));
        Assertions.assertEquals(anonymous, table.subList(1, table.size()).stream().map(r -> r.get(0)).toList());
        Assertions.assertEquals(List.of(published.toString()), anonymous);
        String team = given().auth().oauth2(team()).accept("text/csv").queryParams(window).get("/api/events").then()
                .statusCode(200).extract().asString();
        Assertions.assertEquals(List.of(published.toString(), draft.toString()),
                parse(team).subList(1, 3).stream().map(r -> r.get(0)).toList());
    }

    @Test
    void refusalsAreTheJsonListsAsProblemJson() {
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(TestTokens.partnerA()).get("/api/events/{id}/registrations", unknown).then().statusCode(404);
        given().auth().oauth2(TestTokens.partnerA()).accept("text/csv").get("/api/events/{id}/registrations", unknown)
                .then().statusCode(404).contentType("application/problem+json");
        UUID event = Fixtures.publishedEvent(5);
        given().auth().oauth2(team()).accept("text/csv").queryParam("status", "nonsense")
                .get("/api/events/{id}/registrations", event).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(team()).accept("text/html").get("/api/events/{id}/registrations", event).then().statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void theOpenApiDocumentListsTextCsvForRegistrations() {
        var doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Object> content = doc.getMap("paths.'/api/events/{eventId}/registrations'.get.responses.'200'.content");
        Assertions.assertTrue(content.containsKey("text/csv") && content.containsKey("application/json"), content.keySet().toString());
    }
}
