package dev.trellis.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.console.api.InsightsApi;
import dev.trellis.console.service.FairnessCharts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Boards' meetings, compliance, succession and what-if, the level-playing-field report, and a partner's boards and
 * value report, against the fake API ({@link FakeApi}, which records what the console sent).
 */
@QuarkusTest
class BoardMeetingPagesTest {

    private static final String BOARD = FakeApi.BOARD;
    private static final String MEETINGS = "/boards/" + BOARD + "/meetings";
    private static final String MEETING = MEETINGS + "/" + FakeApi.MEETING;

    @BeforeEach
    void forget() {
        FakeApi.RECEIVED.clear();
    }

    /** A form page's CSRF cookie and token, as a browser would send them back. */
    private static RequestSpecification withCsrf(String page) {
        Response form = given().when().get(page);
        form.then().statusCode(200);
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(form.asString());
        assertTrue(token.find(), "the page carries a CSRF token: " + page);
        return given().redirects().follow(false).cookie("trellis-csrf", form.getCookie("trellis-csrf")).formParam("csrf-token", token.group(1));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void schedulingAMeetingSendsItsLocalStartAndTimeZoneAndOpensIt() {
        withCsrf(MEETINGS).formParam("title", "Q4 Governing Board meeting").formParam("startsAt", "2026-12-01T17:00")
                .formParam("timeZone", "Europe/Berlin").formParam("durationMinutes", "90").formParam("agenda", "1. Budget")
                .formParam("venue", "Foundation office").formParam("onlineUrl", " ")
                .when().post(MEETINGS).then().statusCode(303)
                .header("Location", containsString(MEETING + "?notice=scheduled"));
        String body = FakeApi.RECEIVED.get("schedule");
        assertTrue(body.contains("\"startsAt\":\"2026-12-01T17:00:00\""), body);
        assertTrue(body.contains("\"timeZone\":\"Europe/Berlin\""), body);
        assertTrue(body.contains("\"durationMinutes\":90"), body);
        assertTrue(body.contains("\"title\":\"Q4 Governing Board meeting\""), body);
        assertTrue(body.contains("\"venue\":\"Foundation office\""), body);
        assertFalse(body.contains("onlineUrl"), "a blank field is not sent: " + body);
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void aTimeZoneThatIsNoIanaZoneIsAFieldErrorBeforeAnyApiCall() {
        withCsrf(MEETINGS).formParam("title", "Strategy day").formParam("startsAt", "2026-12-01T17:00").formParam("timeZone", "Mars/Olympus")
                .formParam("durationMinutes", "90")
                .when().post(MEETINGS).then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-timeZone\">must be an IANA time zone"))
                .body(containsString("value=\"Strategy day\""));
        assertNull(FakeApi.RECEIVED.get("schedule"), "nothing was sent to the API");
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void theApisRefusalOfAScheduleIsShownNextToItsFieldWithTheTypedValuesKept() {
        withCsrf(MEETINGS).formParam("title", "").formParam("startsAt", "2026-12-01T17:00").formParam("timeZone", "Europe/Berlin")
                .formParam("durationMinutes", "45")
                .when().post(MEETINGS).then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-title\">must not be blank</p>"))
                .body(containsString("aria-describedby=\"e-title\""))
                .body(containsString("value=\"2026-12-01T17:00\""))
                .body(containsString("value=\"45\""));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void theBoardPageNamesEveryHolderFromOneCallToPartnerService() {
        FakeApi.CONTACTS_ASKED.clear();
        given().when().get("/boards/" + BOARD).then().statusCode(200)
                .body(containsString("Dmitri Tanaka"))
                .body(containsString("Ilse Berg"));
        assertEquals(List.of(FakeApi.HOLDER_A + "," + FakeApi.HOLDER_B), FakeApi.CONTACTS_ASKED);
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void theMeetingPageShowsAttendanceQuorumAndOutcomesAsTheApiComputedThem() {
        given().when().get(MEETING).then().statusCode(200)
                .body(containsString("Quorum met: 1 of 1 voting seat present"))
                .body(containsString("Quorum: at least 2/3 of the voting seats present"))
                .body(containsString("<th scope=\"row\">Dmitri Tanaka</th>"))
                .body(containsString("Voting suspended: does not vote or count for quorum"))
                .body(containsString("value=\"" + FakeApi.SEAT_BOREALIS + ":ALTERNATE\" selected"))
                .body(containsString("Approve the 2027 budget"))
                .body(containsString("Adopted"))
                .body(containsString("more than half of the voting members present"))
                .body(containsString("missing 3 meetings in a row suspends voting until 2 in a row are attended".substring(1)))
                // only the voting member present may vote: the suspended seat gets no vote select
                .body(containsString("id=\"v-" + FakeApi.SEAT_ACME + "\""))
                .body(not(containsString("id=\"v-" + FakeApi.SEAT_BOREALIS + "\"")));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void beforeItsAttendanceIsRecordedAMeetingHasNoQuorumYetAndNoVote() {
        given().when().get(MEETINGS).then().statusCode(200)
                .body(containsString("Attendance not recorded"))
                .body(containsString("href=\"" + MEETINGS + "/" + FakeApi.MEETING_NOT_STARTED + "\""));
        given().when().get(MEETINGS + "/" + FakeApi.MEETING_NOT_STARTED).then().statusCode(200)
                .body(containsString("Not known yet: the attendance is not recorded."))
                .body(containsString("Record the attendance first"))
                .body(not(containsString("name=\"votes\"")));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void attendanceIsSentAsOnePresencePerSeat() {
        withCsrf(MEETING).formParam("attendance", FakeApi.SEAT_ACME + ":PRESENT", FakeApi.SEAT_BOREALIS + ":ALTERNATE")
                .when().post(MEETING + "/attendance").then().statusCode(303)
                .header("Location", containsString(MEETING + "?notice=attendance"));
        assertEquals("{\"attendance\":[{\"seatId\":\"" + FakeApi.SEAT_ACME + "\",\"presence\":\"PRESENT\"},{\"seatId\":\""
                + FakeApi.SEAT_BOREALIS + "\",\"presence\":\"ALTERNATE\"}]}", FakeApi.RECEIVED.get("attendance"));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void attendanceOfAMeetingThatHasNotStartedIsRefusedWithTheApisReason() {
        String meeting = MEETINGS + "/" + FakeApi.MEETING_NOT_STARTED;
        withCsrf(meeting).formParam("attendance", FakeApi.SEAT_ACME + ":PRESENT")
                .when().post(meeting + "/attendance").then().statusCode(422)
                .body(containsString("The attendance was not recorded"))
                .body(containsString("attendance is recorded once it has started"));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void aResolutionCarriesTheVotesChosenAndNoneForMembersWhoDidNotVote() {
        withCsrf(MEETING).formParam("title", "Approve the 2027 budget").formParam("votes", FakeApi.SEAT_ACME + ":YES", "")
                .when().post(MEETING + "/resolutions").then().statusCode(303)
                .header("Location", containsString("notice=resolved"));
        assertEquals("{\"title\":\"Approve the 2027 budget\",\"votes\":[{\"seatId\":\"" + FakeApi.SEAT_ACME + "\",\"vote\":\"YES\"}]}",
                FakeApi.RECEIVED.get("resolution"));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void aVoteTheApiRefusesIsExplainedAndTheTitleKept() {
        withCsrf(MEETING).formParam("title", "Admit a new Gold member").formParam("votes", FakeApi.SEAT_BOREALIS + ":NO")
                .when().post(MEETING + "/resolutions").then().statusCode(422)
                .body(containsString("The resolution was not recorded"))
                .body(containsString("not-a-voter: Seat " + FakeApi.SEAT_BOREALIS + " is not a voting member present"))
                .body(containsString("value=\"Admit a new Gold member\""));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void aResolutionWithoutATitleIsAFieldErrorBeforeAnyApiCall() {
        withCsrf(MEETING).formParam("title", " ").formParam("votes", FakeApi.SEAT_ACME + ":YES")
                .when().post(MEETING + "/resolutions").then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-title\">say what the resolution is</p>"));
        assertNull(FakeApi.RECEIVED.get("resolution"));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void closingSendsTheMinutes() {
        withCsrf(MEETING).formParam("minutes", "The board approved the budget.")
                .when().post(MEETING + "/close").then().statusCode(303).header("Location", containsString("notice=closed"));
        assertEquals("{\"minutes\":\"The board approved the budget.\"}", FakeApi.RECEIVED.get("close"));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void theTeamReadsAMeetingButHasNoFormsAndMayNotRecord() {
        given().when().get(MEETING).then().statusCode(200)
                .body(containsString("Quorum met"))
                .body(not(containsString("Record the attendance")))
                .body(not(containsString("Record a resolution")));
        given().when().get(MEETINGS).then().statusCode(200).body(containsString("Q4 Governing Board meeting"))
                .body(not(containsString("Schedule a meeting")));
        // the board page has a form the team may use (a calendar address), so a CSRF token to try with
        withCsrf("/boards/" + BOARD).formParam("attendance", FakeApi.SEAT_ACME + ":PRESENT")
                .when().post(MEETING + "/attendance").then().statusCode(403);
        assertNull(FakeApi.RECEIVED.get("attendance"));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void theWhatIfSendsTheAcquisitionAndMarksTheRulesThatWouldNewlyBreak() {
        given().queryParam("acquirerPartnerId", FakeApi.PARTNER_A).queryParam("acquiredPartnerId", FakeApi.PARTNER_B)
                .when().get("/boards/what-if").then().statusCode(200)
                .body(containsString("If Acme Cloud acquires Borealis Systems, on 2026-12-02"))
                .body(containsString("1 board would break new rules. Nothing has been changed."))
                .body(containsString("Governing Board: 1 new finding"))
                .body(containsString("The Acme Cloud group would hold 2 seats; the cap is 1"))
                .body(containsString("<strong>New</strong>"))
                .body(containsString("Dmitri Tanaka"))
                .body(containsString("Technical Oversight Committee: nothing would break"));
        assertEquals("{\"changes\":[{\"type\":\"ACQUISITION\",\"acquirerPartnerId\":\"" + FakeApi.PARTNER_A + "\",\"acquiredPartnerId\":\""
                + FakeApi.PARTNER_B + "\"}]}", FakeApi.RECEIVED.get("what-if"));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void aPartnerAcquiringItselfIsAFieldErrorBeforeAnyApiCall() {
        given().queryParam("acquirerPartnerId", FakeApi.PARTNER_A).queryParam("acquiredPartnerId", FakeApi.PARTNER_A)
                .when().get("/boards/what-if").then().statusCode(400)
                .body(containsString("<p class=\"error\" id=\"e-acquiredPartnerId\">choose another partner than the acquirer</p>"));
        assertNull(FakeApi.RECEIVED.get("what-if"));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void successionNamesWhoCouldTakeASeatAndWhyTheOthersCannot() {
        given().when().get("/boards/" + BOARD + "/succession?within=P180D").then().statusCode(200)
                .body(containsString("TIER_APPOINTED seat for Acme Cloud, opens 2027-01-01"))
                .body(containsString("<li>Dmitri Tanaka</li>"))
                .body(containsString("<strong>holder-already-seated</strong>: already holds a seat on this board"))
                .body(containsString("<option value=\"P180D\" selected>"));
        assertEquals("P180D", FakeApi.RECEIVED.get("succession"));
        given().when().get("/boards/" + BOARD + "/succession?within=P5Y").then().statusCode(400)
                .body(containsString("<p class=\"error\" id=\"e-within\">must be a period from P1D to P2Y</p>"));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void complianceShowsCompaniesOverTheCapAndABadDayIsAFieldError() {
        given().when().get("/boards/" + BOARD + "/compliance?on=2026-12-31").then().statusCode(200)
                .body(containsString("on 2026-12-31: 2 findings need a look"))
                .body(containsString("<strong>Over the cap</strong>"))
                .body(containsString("Voting suspended"));
        assertEquals("2026-12-31", FakeApi.RECEIVED.get("compliance"));
        given().when().get("/boards/" + BOARD + "/compliance?on=soon").then().statusCode(400)
                .body(containsString("<p class=\"error\" id=\"e-on\">must be a date like 2027-03-31</p>"))
                .body(containsString("value=\"soon\""));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void theBoardPageLinksToItsMeetingsComplianceAndSuccession() {
        given().when().get("/boards/" + BOARD).then().statusCode(200)
                .body(containsString("href=\"/boards/" + BOARD + "/meetings\""))
                .body(containsString("href=\"/boards/" + BOARD + "/compliance\""))
                .body(containsString("href=\"/boards/" + BOARD + "/succession\""));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void theLevelPlayingFieldShowsSharesAgainstTheCapAsChartsWithTextAndTables() {
        String page = given().when().get("/reports/level-playing-field?months=12").then().statusCode(200)
                .body(containsString("<strong>Near cap</strong>: one more seat breaks it"))
                .body(containsString("<strong>Over cap</strong>"))
                .body(containsString("Acme Cloud 1 seat (33%), at the cap: one more breaks it"))
                .body(containsString("HHI <strong>3333</strong>, highly concentrated, above 1,800"))
                .body(containsString("HHI from 2500 in 2026-11 to 3333 in 2026-12 (highly concentrated, above 1,800); elephant factor 2 throughout"))
                .body(containsString("class=\"cap\""))
                .body(containsString("<polyline points=")).extract().asString();
        assertEquals("12", FakeApi.RECEIVED.get("level-playing-field"));
        assertTrue(page.contains("role=\"img\"") && page.contains("<desc id="), "charts carry a text alternative");
        assertTrue(!page.contains(" style="), "no inline style");
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void monthsThatAreNoNumberOrOutOfRangeAreShownNextToTheField() {
        given().when().get("/reports/level-playing-field?months=many").then().statusCode(400)
                .body(containsString("<p class=\"error\" id=\"e-months\">must be a whole number of months"));
        given().when().get("/reports/level-playing-field?months=99").then().statusCode(400)
                .body(containsString("<p class=\"error\" id=\"e-months\">must be between 1 and 60</p>"))
                .body(containsString("value=\"99\""));
    }

    @Test
    @TestSecurity(user = "paula", roles = "partner")
    void aPartnerSeesHerOrganisationsSeatsAndTheBoardsMeetingsButNoFlags() {
        given().when().get("/my-boards").then().statusCode(200)
                .body(containsString("<h2 id=\"b-" + BOARD + "-title\">Governing Board</h2>"))
                .body(containsString("<th scope=\"row\">Dmitri Tanaka</th>"))
                .body(containsString("href=\"/my-boards/" + BOARD + "/meetings/" + FakeApi.MEETING + "\""))
                .body(containsString("voting suspended"))
                .body(not(containsString("GROUP_CAP_EXCEEDED")))
                .body(not(containsString("Acme group holds")));
        given().when().get("/my-boards/" + BOARD + "/meetings/" + FakeApi.MEETING).then().statusCode(200)
                .body(containsString("Q4 Governing Board meeting")).body(containsString("1. Budget"));
    }

    @Test
    @TestSecurity(user = "paula", roles = "partner")
    void aPartnersValueReportAsksForThePeriodAndShowsNoScore() {
        given().when().get("/reports/value?from=2026-01-01&to=2026-06-30").then().statusCode(200)
                .body(containsString("Value report for Acme Cloud"))
                .body(containsString("<dt>Board meetings represented</dt><dd>4</dd>"))
                .body(containsString("<th scope=\"row\">Governing Board</th>"))
                .body(containsString("QBR"))
                .body(not(containsString("Health"))).body(not(containsString("score")));
        assertEquals("2026-01-01..2026-06-30", FakeApi.RECEIVED.get("value"));
        given().when().get("/reports/value?from=2026-06-30&to=2026-01-01").then().statusCode(400)
                .body(containsString("<p class=\"error\" id=\"e-to\">must not be before from</p>"));
        FakeApi.RECEIVED.clear();
        given().when().get("/reports/value?from=last+spring").then().statusCode(400)
                .body(containsString("<p class=\"error\" id=\"e-from\">must be a date like 2027-03-31</p>"));
        assertNull(FakeApi.RECEIVED.get("value"), "nothing was asked of the API");
    }

    @Test
    @TestSecurity(user = "paula", roles = "partner")
    void aPartnerUserIsRefusedTheFoundationsBoardPagesAndReports() {
        for (String page : new String[] {MEETINGS, MEETING, "/boards/" + BOARD + "/compliance", "/boards/" + BOARD + "/succession",
                "/boards/what-if", "/reports/level-playing-field"}) {
            given().when().get(page).then().statusCode(403).body(containsString("Not yours to see"))
                    .body(not(containsString("Borealis")));
        }
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void staffAreKeptOffThePartnersOwnPages() {
        given().when().get("/my-boards").then().statusCode(403);
        given().when().get("/reports/value").then().statusCode(403);
    }

    /** domain.md §6's worked example: groups A 4, B 2, C 2, D 1, E 1 seats; HHI 2,600, elephant factor 2. */
    @Test
    void theChartsDrawTheCapWhereItIsAndKeepTheHhiBandsApart() {
        List<InsightsApi.GroupShare> groups = List.of(share("A", 4, 40, 4), share("B", 2, 20, 4), share("C", 2, 20, 4), share("D", 1, 10, 4),
                share("E", 1, 10, 4));
        InsightsApi.Pool pool = new InsightsApi.Pool(UUID.randomUUID(), "TOC", 10, 2, 2600, "HIGH", groups,
                List.of(new InsightsApi.MonthPoint(LocalDate.parse("2026-11-01"), 10, 3, 1500),
                        new InsightsApi.MonthPoint(LocalDate.parse("2026-12-01"), 10, 2, 2600)));
        FairnessCharts.Shares shares = FairnessCharts.shares(pool, "seat");
        assertEquals(190 + 260, shares.capX(), "A is at the cap of 4: its bar ends on the cap line");
        assertEquals(260, shares.bars().get(0).length());
        assertEquals("near", shares.bars().get(0).standing());
        assertTrue(shares.description().contains("A 4 seats (40%), at the cap: one more breaks it"), shares.description());
        FairnessCharts.Concentration trend = FairnessCharts.concentration(pool);
        assertEquals(3000, trend.scaleMax(), "the next thousand above the highest month");
        assertTrue(trend.moderateY() - trend.highY() > 20, "the band lines are apart: " + trend.moderateY() + " " + trend.highY());
        assertTrue(trend.description().contains("HHI from 1500 in 2026-11 to 2600 in 2026-12 (highly concentrated, above 1,800); "
                + "elephant factor from 3 to 2"), trend.description());
    }

    private static InsightsApi.GroupShare share(String name, int count, double percent, int cap) {
        return new InsightsApi.GroupShare(UUID.randomUUID(), name, count, percent, cap, count == cap, count > cap);
    }
}
