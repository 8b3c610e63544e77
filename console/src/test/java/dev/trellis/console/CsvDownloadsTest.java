package dev.trellis.console;

import static dev.trellis.console.FakeCsvAndEventApi.RECEIVED;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Download as CSV" on the console's lists ({@code /csv/...}): the API's own CSV of the whole filtered list, asked with
 * {@code Accept: text/csv} and only the list's filters, passed on with the API's status and file name and never cached.
 */
@QuarkusTest
class CsvDownloadsTest {

    private static final String CSV_ACCEPT = "Accept=text/csv ";

    @BeforeEach
    void forget() {
        RECEIVED.clear();
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void anEventsWaitlistDownloadIsTheApisCsvWithItsFileNameAndANeutralisedFormulaArrivesAsSent() {
        given().queryParam("status", "WAITLISTED").when().get("/csv/events/" + FakeCsvAndEventApi.EVENT + "/registrations").then()
                .statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"registrations-2026-12-02.csv\"")
                .header("Cache-Control", "no-store")
                .body(equalTo(FakeCsvAndEventApi.CSV_BODY))
                .body(containsString(",'=HYPERLINK("));
        assertEquals(CSV_ACCEPT + "status=WAITLISTED", RECEIVED.get("GET registrations as CSV"));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void onlyTheListsOwnFiltersWithAValueAreSentAndNeverAPageOfIt() {
        given().queryParam("type", "CALL").queryParam("from", "2026-01-01").queryParam("to", "2026-03-31")
                .queryParam("executive", "").queryParam("limit", "5").queryParam("cursor", "abc").queryParam("owner", "me")
                .when().get("/csv/partners/" + FakeCsvAndEventApi.PARTNER + "/touchpoints").then()
                .statusCode(200).header("Content-Disposition", "attachment; filename=\"touchpoints-2026-12-02.csv\"");
        assertEquals(CSV_ACCEPT + "from=2026-01-01&to=2026-03-31&type=CALL", RECEIVED.get("GET touchpoints as CSV"));

        given().when().get("/csv/boards/" + FakeCsvAndEventApi.BOARD + "/seats").then().statusCode(200)
                .body(equalTo("id,status\r\n1,HELD\r\n"));
        assertEquals(CSV_ACCEPT.strip(), RECEIVED.get("GET seats as CSV").strip());
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void contactsMatchingASearchDownloadWithTheSearch() {
        given().queryParam("q", "Ada L").when().get("/csv/contacts").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"contacts-2026-12-02.csv\"")
                .body(equalTo("id,firstName,lastName\r\n" + FakeCsvAndEventApi.CONTACT + ",Ada,Lovelace\r\n"));
        assertEquals(CSV_ACCEPT + "q=Ada L", RECEIVED.get("GET /contacts as CSV"));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void anApiRefusalIsTheErrorPageWithTheApisStatus() {
        given().when().get("/csv/events/" + FakeCsvAndEventApi.EVENT_GONE + "/registrations").then()
                .statusCode(404).contentType(startsWith("text/html")).body(containsString("Nothing here"));
        assertEquals(CSV_ACCEPT.strip(), RECEIVED.get("GET registrations as CSV").strip());
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void onlyTheListsTheConsoleOffersAreAsked() {
        given().when().get("/csv/events/not-an-id/registrations").then().statusCode(404);
        given().when().get("/csv/partners/" + FakeCsvAndEventApi.PARTNER + "/notes").then().statusCode(404);
        given().when().get("/csv/board-compositions").then().statusCode(404);
        assertEquals(0, RECEIVED.size(), RECEIVED.toString());
    }

    @Test
    @TestSecurity(user = "paula", roles = "partner")
    void aPartnerUserDownloadsItsOwnListsButNotTheTeams() {
        given().when().get("/csv/contacts").then().statusCode(403).body(containsString("Not yours to see"));
        given().when().get("/csv/boards/" + FakeCsvAndEventApi.BOARD + "/seats").then().statusCode(403);
        given().when().get("/csv/partners/" + FakeCsvAndEventApi.PARTNER + "/touchpoints").then().statusCode(403);
        assertNull(RECEIVED.get("GET /contacts as CSV"));
        assertNull(RECEIVED.get("GET seats as CSV"));
        // an event's registrations: the API gives a partner user its own people's only
        given().when().get("/csv/events/" + FakeCsvAndEventApi.EVENT + "/registrations").then().statusCode(200);
        given().when().get("/organisation").then().statusCode(200)
                .body(containsString("href=\"/csv/partners/me/contacts\""));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void theTeamsListsOfferTheirCsvWithThePagesFilters() {
        given().when().get("/").then().statusCode(200)
                .body(containsString("href=\"/csv/touchpoints/next-steps?owner=me&amp;due=open\""));
        given().when().get("/events").then().statusCode(200).body(containsString("href=\"/csv/events?from=20"));
        given().when().get("/events/" + FakeApi.EV_PUBLISHED).then().statusCode(200)
                .body(containsString("href=\"/csv/events/" + FakeApi.EV_PUBLISHED + "/registrations\""))
                .body(containsString("href=\"/csv/events/" + FakeApi.EV_PUBLISHED + "/registrations?status=WAITLISTED\""));
        given().when().get("/partners/" + FakeApi.ADMIN_PARTNER).then().statusCode(200)
                .body(containsString("href=\"/csv/partners/" + FakeApi.ADMIN_PARTNER + "/affiliations?current=false\""))
                .body(containsString("href=\"/csv/partners/" + FakeApi.ADMIN_PARTNER + "/touchpoints\""));
        given().when().get("/memberships/" + FakeApi.ADMIN_PARTNER).then().statusCode(200)
                .body(containsString("href=\"/csv/partners/" + FakeApi.ADMIN_PARTNER + "/membership/history\""));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void aBoardsSeatsOfferTheirCsv() {
        given().when().get("/boards/" + FakeApi.BOARD).then().statusCode(200)
                .body(containsString("href=\"/csv/boards/" + FakeApi.BOARD + "/seats\""));
    }
}
