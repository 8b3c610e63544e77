package dev.trellis.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The import pages: who sees which import, the file passed to the API's import route as sent (text/csv, the dry-run
 * flag of the button pressed), the report read back (counts, refused lines first), a refusal of the whole file on
 * the file field, and the upload limit of these pages beside every other page's.
 */
@QuarkusTest
class ImportPagesTest {
    private static final String FILE = "email,firstName,lastName\r\nada@northwind.example,Ada,Lovelace\r\n"
            + "grace@northwind.example,Grace,Hopper\r\nnot-an-email,X,Y\r\n";

    @BeforeEach
    void forget() {
        FakeImportsApi.RECEIVED.clear();
    }

    private static RequestSpecification withCsrf() {
        Response form = given().when().get("/imports");
        form.then().statusCode(200);
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(form.asString());
        assertTrue(token.find(), "the page carries a CSRF token");
        return given().redirects().follow(false).cookie("trellis-csrf", form.getCookie("trellis-csrf"))
                .multiPart("csrf-token", token.group(1));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void theTeamImportsContactsAndPartnersButNotMemberships() {
        given().when().get("/imports").then().statusCode(200)
                .body(containsString("id=\"import-contacts\""))
                .body(containsString("id=\"import-partners\""))
                .body(not(containsString("id=\"import-memberships\"")))
                .body(containsString("<a href=\"/imports\">Import</a>"));
        withCsrf().multiPart("file", "members.csv", FILE.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("dryRun", "true").when().post("/imports/memberships").then().statusCode(403);
        assertNull(FakeImportsApi.RECEIVED.get("memberships"), "nothing was sent to the API");
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void staffImportMembershipsOnly() {
        given().when().get("/imports").then().statusCode(200)
                .body(containsString("id=\"import-memberships\""))
                .body(not(containsString("id=\"import-contacts\"")));
        withCsrf().multiPart("file", "members.csv", "tier,termStart,termEnd,partnerDomain\r\n".getBytes(
                StandardCharsets.UTF_8), "text/csv").multiPart("dryRun", "false")
                .when().post("/imports/memberships").then().statusCode(200)
                .body(containsString("Import of members.csv: Memberships"));
        FakeImportsApi.Received sent = FakeImportsApi.RECEIVED.get("memberships");
        assertEquals("false", sent.dryRun());
    }

    @Test
    @TestSecurity(user = "pat", roles = "partner")
    void partnersHaveNoImportPage() {
        given().redirects().follow(false).when().get("/imports").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void checkingAFileSendsItAsCsvAndShowsTheCountsWithTheRefusedLineFirst() {
        String page = withCsrf().multiPart("file", "contacts.csv", FILE.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("dryRun", "true").when().post("/imports/contacts").then().statusCode(200)
                .body(containsString("Check of contacts.csv: Contacts with affiliations"))
                .body(containsString("3 lines: 1 would be created, 0 would be updated, 1 unchanged, 1 refused. "
                        + "Nothing was changed."))
                .extract().asString();
        FakeImportsApi.Received sent = FakeImportsApi.RECEIVED.get("contacts");
        assertTrue(sent.contentType().startsWith("text/csv"), sent.contentType());
        assertEquals("true", sent.dryRun());
        assertEquals(FILE, sent.body(), "the file as uploaded");
        int refused = page.indexOf("<td>not-an-email</td>");
        int created = page.indexOf("<td>ada@northwind.example</td>");
        assertTrue(refused > 0 && created > refused, "the refused line comes first: " + page);
        assertTrue(page.contains("email: must be an email address, like ada@example.org"), page);
        assertTrue(!page.contains("<td>grace@northwind.example</td>"), "unchanged lines are counted, not listed");
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void theWholeReportDownloadsAsCsvWhenTheFormAsksForItAndARefusedFileStillShowsOnThePage() {
        Response download = withCsrf().multiPart("file", "contacts.csv", FILE.getBytes(StandardCharsets.UTF_8),
                "text/csv").multiPart("dryRun", "false").multiPart("report", "csv").when().post("/imports/contacts");
        download.then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"contacts-import-report.csv\"")
                .header("Cache-Control", "no-store");
        assertTrue(download.contentType().startsWith("text/csv"), download.contentType());
        assertEquals(FakeImportsApi.REPORT, download.asString(), "every line, unchanged ones too, as the API wrote it");
        assertEquals("false", FakeImportsApi.RECEIVED.get("contacts").dryRun());

        withCsrf().multiPart("file", "partners.csv", FILE.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("dryRun", "true").multiPart("report", "csv").when().post("/imports/partners").then()
                .statusCode(200).header("Content-Disposition", "attachment; filename=\"partners-check-report.csv\"");
        withCsrf().multiPart("file", "people.csv", "name\r\nAda\r\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("dryRun", "true").multiPart("report", "csv").when().post("/imports/contacts").then()
                .statusCode(422).contentType(containsString("text/html"))
                .body(containsString("<p class=\"error\" id=\"e-contacts-file\">the header row has no column email"));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void aFileTheApiRefusesWholeIsShownOnTheFileField() {
        withCsrf().multiPart("file", "people.csv", "name\r\nAda\r\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("dryRun", "true").when().post("/imports/contacts").then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-contacts-file\">the header row has no column email"))
                .body(containsString("<a href=\"#f-contacts-file\">"));
        withCsrf().multiPart("dryRun", "true").when().post("/imports/partners").then().statusCode(400)
                .body(containsString("<p class=\"error\" id=\"e-partners-file\">choose a CSV file"));
        assertNull(FakeImportsApi.RECEIVED.get("partners"), "no file, nothing sent");
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void anImportPageTakesAFileOverTheOrdinaryLimitThatOtherPagesRefuse() {
        StringBuilder big = new StringBuilder("email,firstName,lastName,jobTitle\r\n");
        while (big.length() < 3 * 1024 * 1024) {
            big.append("someone").append(big.length()).append("@northwind.example,Some,One,").append("x".repeat(60))
                    .append("\r\n");
        }
        byte[] file = big.toString().getBytes(StandardCharsets.UTF_8);
        withCsrf().multiPart("file", "large.csv", file, "text/csv").multiPart("dryRun", "true")
                .when().post("/imports/contacts").then().statusCode(200);
        assertEquals(file.length, FakeImportsApi.RECEIVED.get("contacts").body().length());

        given().contentType("application/x-www-form-urlencoded").body("q=" + "x".repeat(2 * 1024 * 1024))
                .when().post("/partners").then().statusCode(413);
    }
}
