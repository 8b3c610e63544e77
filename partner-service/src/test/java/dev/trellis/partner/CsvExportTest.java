package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every list of this service as text/csv: the JSON list's rows, the caller's visibility, safe cells. */
@QuarkusTest
class CsvExportTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    PartnerService partners;

    @BeforeEach
    void demoPartners() {
        ContactFixtures.partners(partners);
    }

    private static RequestSpecification csv(String token) {
        return given().auth().oauth2(token).accept("text/csv");
    }

    private static RequestSpecification json(String token) {
        return given().auth().oauth2(token).accept(ContentType.JSON);
    }

    static List<List<String>> parse(String body) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(body)) {
            return it.readAll();
        }
    }

    /** The rows under the header, each as column name → cell. */
    static List<Map<String, String>> rows(String body, List<String> header) throws IOException {
        List<List<String>> table = parse(body);
        Assertions.assertEquals(header, table.get(0));
        return table.subList(1, table.size()).stream().map(r -> {
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), r.get(i));
            }
            return row;
        }).toList();
    }

    private static String csvOf(RequestSpecification request, String path) {
        return request.get(path).then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Cache-Control", "no-store")
                .header("Content-Disposition", startsWith("attachment; filename=\"")).extract().asString();
    }

    private UUID partner(String name) {
        UUID id = UUID.randomUUID();
        partners.registerIfAbsent(id, name, null, "DE", LifecycleStatus.ACTIVE);
        return id;
    }

    @Test
    void partnersCsvHasTheJsonListsRowsForTheSameFiltersAndNeutralisesFormulas() throws IOException {
        String tag = "csvx" + UUID.randomUUID().toString().substring(0, 8);
        UUID formula = partner("=HYPERLINK(\"http://evil.example\",\"" + tag + "\")");
        UUID tricky = partner(tag + " Smith, \"Jr.\"\nSecond line");
        partner(tag + " plain");
        List<String> jsonIds = json(TestTokens.communityTeam()).queryParam("q", tag).get("/api/partners")
                .then().statusCode(200).extract().path("items.id");
        Assertions.assertEquals(3, jsonIds.size());
        String body = csv(TestTokens.communityTeam()).queryParam("q", tag).get("/api/partners").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"partners-" + TODAY + ".csv\"").extract().asString();
        List<Map<String, String>> rows = rows(body, List.of("id", "externalId", "name", "legalName", "website",
                "emailDomains", "description", "logoUrl", "country", "parentPartnerId", "lifecycleStatus", "createdAt", "updatedAt"));
        Assertions.assertEquals(jsonIds, rows.stream().map(r -> r.get("id")).toList(), "same rows, same order");
        Map<String, String> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.get("id"), r.get("name")));
        Assertions.assertEquals("'=HYPERLINK(\"http://evil.example\",\"" + tag + "\")", byId.get(formula.toString()));
        Assertions.assertEquals(tag + " Smith, \"Jr.\"\nSecond line", byId.get(tricky.toString()), "quoting round-trips");
        // the same paging as JSON when limit is given
        String page = csv(TestTokens.communityTeam()).queryParam("q", tag).queryParam("limit", 2).get("/api/partners")
                .then().statusCode(200).header("Link", org.hamcrest.Matchers.containsString("rel=\"next\"")).extract().asString();
        Assertions.assertEquals(3, parse(page).size(), "header and 2 rows");
    }

    @Test
    void aListLongerThanOnePageIsStreamedWholeInTheJsonListsOrder() throws IOException {
        String tag = "csvlong" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 205; i++) {
            partner(tag + " " + String.format("%03d", i));
        }
        List<String> jsonIds = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = json(TestTokens.foundationStaff()).queryParam("q", tag).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/partners").then().statusCode(200).extract().jsonPath();
            jsonIds.addAll(page.getList("items.id"));
            cursor = page.getString("next");
        } while (cursor != null);
        List<List<String>> table = parse(csvOf(csv(TestTokens.foundationStaff()).queryParam("q", tag), "/api/partners"));
        Assertions.assertEquals(205, jsonIds.size());
        Assertions.assertEquals(jsonIds, table.subList(1, table.size()).stream().map(r -> r.get(0)).toList(),
                "two pages read while streaming, in order, none twice");
    }

    @Test
    void aPartnerUsersPartnersCsvHoldsOnlyItsOwnOrganisation() throws IOException {
        List<List<String>> table = parse(csvOf(csv(TestTokens.partnerA()), "/api/partners"));
        Assertions.assertEquals(2, table.size(), table.toString());
        Assertions.assertEquals(TestTokens.PARTNER_A, table.get(1).get(0));
        Assertions.assertEquals(1, parse(csvOf(csv(TestTokens.partnerA()).queryParam("q", "borealis"), "/api/partners")).size(),
                "only the header");
    }

    @Test
    void contactsCsvHasTheJsonRowsForStaffAndIsRefusedToPartnersAsJsonIs() throws IOException {
        String id = ContactFixtures.contact("Csv", "O'Neil, \"Exporter\"");
        ContactFixtures.affiliate(id, TestTokens.PARTNER_A, "DEVELOPER", "2024-01-01");
        List<String> jsonIds = json(TestTokens.foundationStaff()).queryParam("partnerId", TestTokens.PARTNER_A)
                .queryParam("limit", 200).get("/api/contacts").then().statusCode(200).extract().path("items.id");
        String body = csvOf(csv(TestTokens.foundationStaff()).queryParam("partnerId", TestTokens.PARTNER_A), "/api/contacts");
        List<Map<String, String>> rows = rows(body, List.of("id", "firstName", "lastName", "email", "phone", "jobTitle",
                "currentAffiliations"));
        Assertions.assertEquals(jsonIds, rows.stream().map(r -> r.get("id")).toList());
        Map<String, String> mine = rows.stream().filter(r -> r.get("id").equals(id)).findFirst().orElseThrow();
        Assertions.assertEquals("O'Neil, \"Exporter\"", mine.get("lastName"));
        Assertions.assertEquals("Acme Cloud: DEVELOPER", mine.get("currentAffiliations"));

        json(TestTokens.partnerA()).get("/api/contacts").then().statusCode(403);
        csv(TestTokens.partnerA()).get("/api/contacts").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aPartnersOwnContactsCsvHoldsOnlyItsPeople() throws IOException {
        String a = ContactFixtures.contact("Own", "Person");
        ContactFixtures.affiliate(a, TestTokens.PARTNER_A, "TECHNICAL_LEAD", "2024-01-01");
        String b = ContactFixtures.contact("Other", "Person");
        ContactFixtures.affiliate(b, TestTokens.PARTNER_B, "DEVELOPER", "2024-01-01");
        List<String> jsonIds = json(TestTokens.partnerA()).queryParam("limit", 200).get("/api/partners/me/contacts")
                .then().statusCode(200).extract().path("items.id");
        List<Map<String, String>> rows = rows(csvOf(csv(TestTokens.partnerA()), "/api/partners/me/contacts"),
                List.of("id", "firstName", "lastName", "email", "phone", "jobTitle", "roles"));
        List<String> ids = rows.stream().map(r -> r.get("id")).toList();
        Assertions.assertEquals(jsonIds, ids);
        Assertions.assertTrue(ids.contains(a));
        Assertions.assertFalse(ids.contains(b), "another partner's person");
        csv(TestTokens.communityTeam()).get("/api/partners/me/contacts").then().statusCode(403);
    }

    @Test
    void touchpointsCsvHasNoNotesColumnForAnyoneAndTheSameRowsAsJson() throws IOException {
        UUID partner = partner("Touchpoint CSV " + UUID.randomUUID());
        String person = ContactFixtures.contact("Attending", "Person");
        ContactFixtures.affiliate(person, partner.toString(), "DEVELOPER", "2024-01-01");
        Map<String, Object> one = TouchpointFixtures.touchpoint(TODAY.minusDays(3), "CALL", List.of(UUID.fromString(person)));
        one.put("summary", "@SUM(A1) follow-up, \"quoted\"");
        TouchpointFixtures.log(TestTokens.communityTeam(), partner.toString(), one);
        TouchpointFixtures.log(TestTokens.communityTeam(), partner.toString(),
                TouchpointFixtures.touchpoint(TODAY.minusDays(1), "MEETING", List.of()));
        String path = "/api/partners/" + partner + "/touchpoints";
        List<String> jsonIds = json(TestTokens.foundationStaff()).queryParam("type", "CALL").get(path).then().statusCode(200)
                .extract().path("items.id");
        String body = csvOf(csv(TestTokens.foundationStaff()).queryParam("type", "CALL"), path);
        Assertions.assertFalse(body.contains("INTERNAL-NOTE"), body);
        List<Map<String, String>> rows = rows(body, List.of("id", "partnerId", "partnerName", "occurredOn", "type",
                "summary", "executive", "attendeeContacts", "attendeeStaff", "nextStepCount", "loggedBy", "createdAt",
                "updatedAt"));
        Assertions.assertEquals(jsonIds, rows.stream().map(r -> r.get("id")).toList());
        Assertions.assertEquals("'@SUM(A1) follow-up, \"quoted\"", rows.get(0).get("summary"));
        Assertions.assertEquals("Attending Person", rows.get(0).get("attendeeContacts"));
        String all = csvOf(csv(TestTokens.communityTeam()), path);
        Assertions.assertEquals(3, parse(all).size());
        Assertions.assertFalse(all.contains("INTERNAL-NOTE") || parse(all).get(0).contains("notes"));

        csv(TestTokens.partnerA()).get("/api/partners/" + TestTokens.PARTNER_A + "/touchpoints").then().statusCode(403)
                .contentType("application/problem+json");
        json(TestTokens.foundationStaff()).get("/api/partners/" + UUID.randomUUID() + "/touchpoints").then().statusCode(404);
        csv(TestTokens.foundationStaff()).get("/api/partners/" + UUID.randomUUID() + "/touchpoints").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void membershipHistoryCsvHasTheJsonLinesForStaffOnly() throws IOException {
        UUID partner = partner("Member CSV " + UUID.randomUUID());
        Map<String, Object> start = new HashMap<>(Map.of("tier", "GOLD", "termStart", TODAY.toString(),
                "termEnd", TODAY.plusYears(1).minusDays(1).toString(), "autoRenew", true));
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).body(start)
                .put("/api/partners/" + partner + "/membership").then().statusCode(201);
        String path = "/api/partners/" + partner + "/membership/history";
        List<String> jsonIds = json(TestTokens.foundationStaff()).get(path).then().statusCode(200).extract().path("items.id");
        List<Map<String, String>> rows = rows(csvOf(csv(TestTokens.foundationStaff()), path), List.of("id", "kind", "tier",
                "status", "termStart", "termEnd", "effectiveDate", "recordedBy", "recordedAt"));
        Assertions.assertEquals(jsonIds, rows.stream().map(r -> r.get("id")).toList());
        Assertions.assertEquals("GOLD", rows.get(0).get("tier"));
        json(TestTokens.partnerA()).get("/api/partners/" + TestTokens.PARTNER_A + "/membership/history").then().statusCode(403);
        csv(TestTokens.partnerA()).get("/api/partners/" + TestTokens.PARTNER_A + "/membership/history").then().statusCode(403);
    }

    @Test
    void affiliationsAndNextStepsCsvHaveTheJsonRowsForStaffOnly() throws IOException {
        UUID partner = partner("Affiliations CSV " + UUID.randomUUID());
        String person = ContactFixtures.contact("Affiliated", "Person");
        ContactFixtures.affiliate(person, partner.toString(), "BILLING", "2024-01-01");
        String path = "/api/partners/" + partner + "/affiliations";
        List<String> jsonIds = json(TestTokens.communityTeam()).queryParam("current", "false").get(path).then().statusCode(200)
                .extract().path("items.id");
        List<Map<String, String>> rows = rows(csvOf(csv(TestTokens.communityTeam()).queryParam("current", "false"), path),
                List.of("id", "contactId", "firstName", "lastName", "partnerId", "partnerName", "role", "startDate",
                        "endDate", "source"));
        Assertions.assertEquals(jsonIds, rows.stream().map(r -> r.get("id")).toList());
        Assertions.assertEquals("BILLING", rows.get(0).get("role"));
        csv(TestTokens.partnerA()).get("/api/partners/" + TestTokens.PARTNER_A + "/affiliations").then().statusCode(403);

        String owner = "csv-owner-" + UUID.randomUUID().toString().substring(0, 8);
        String ownerToken = TestTokens.token(owner, List.of("community-team"), null);
        given().auth().oauth2(ownerToken).get("/api/touchpoints/next-steps?owner=me").then().statusCode(200);
        Map<String, Object> touchpoint = TouchpointFixtures.touchpoint(TODAY.minusDays(2), "CALL", List.of());
        touchpoint.put("nextSteps", List.of(TouchpointFixtures.step("+send the \"renewal\", today", owner, TODAY.plusDays(3))));
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON).body(touchpoint)
                .post("/api/partners/" + partner + "/touchpoints").then().log().ifValidationFails().statusCode(201);
        List<String> stepIds = json(ownerToken).queryParam("owner", "me").get("/api/touchpoints/next-steps")
                .then().statusCode(200).extract().path("items.id");
        List<Map<String, String>> steps = rows(csvOf(csv(ownerToken).queryParam("owner", "me"),
                "/api/touchpoints/next-steps"), List.of("id", "touchpointId", "partnerId", "partnerName", "description",
                "owner", "dueOn", "done", "doneAt", "overdue", "createdAt", "updatedAt"));
        Assertions.assertEquals(stepIds, steps.stream().map(r -> r.get("id")).toList());
        Assertions.assertEquals("'+send the \"renewal\", today", steps.get(0).get("description"));
        csv(TestTokens.partnerA()).get("/api/touchpoints/next-steps").then().statusCode(403);
    }

    @Test
    void anAcceptNoListCanProduceIsA406ProblemAndJsonStaysTheDefault() {
        given().auth().oauth2(TestTokens.communityTeam()).accept("text/html").get("/api/partners").then().statusCode(406)
                .contentType("application/problem+json").body("type", equalTo("https://trellis.dev/problems/not-acceptable"));
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/partners").then().statusCode(200)
                .contentType("application/json").header("Vary", "Accept");
        csv(TestTokens.communityTeam()).queryParam("limit", 500).get("/api/partners").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().accept("text/csv").get("/api/partners").then().statusCode(401);
    }

    @Test
    void theOpenApiDocumentListsTextCsvForEachList() {
        var doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String path : List.of("/api/partners", "/api/contacts", "/api/partners/me/contacts",
                "/api/partners/{partnerId}/touchpoints", "/api/partners/{partnerId}/membership/history",
                "/api/partners/{partnerId}/affiliations", "/api/touchpoints/next-steps")) {
            Map<String, Object> content = doc.getMap("paths.'" + path + "'.get.responses.'200'.content");
            Assertions.assertNotNull(content, path);
            Assertions.assertTrue(content.containsKey("text/csv") && content.containsKey("application/json"),
                    path + ": " + content.keySet());
            Assertions.assertEquals("string", doc.getString("paths.'" + path + "'.get.responses.'200'.content.'text/csv'.schema.type"), path);
        }
    }
}
