package dev.trellis.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The community team's event pages (draft, edit, publish, cancel, registrations, waitlist, sponsorships, user groups),
 * the partner's registrations and everyone's calendars, against {@link FakeApi}: what the API answered is on the page,
 * each form posts the body (and If-Match) the API expects, and refusals land next to their fields.
 */
@QuarkusTest
class EventAdminPagesTest {

    private static final String DRAFT = FakeApi.EV_DRAFT;
    private static final String PUBLISHED = FakeApi.EV_PUBLISHED;

    @BeforeEach
    void forget() {
        FakeApi.EVENTS_RECEIVED.clear();
    }

    /** A request carrying the CSRF cookie and form field of a page, as a browser posting that page's form would. */
    private static RequestSpecification formOf(String page) {
        Response form = given().when().get(page);
        form.then().statusCode(200);
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(form.asString());
        assertTrue(token.find(), "the page carries a CSRF token: " + page);
        return given().redirects().follow(false).cookie("trellis-csrf", form.getCookie("trellis-csrf"))
                .formParam("csrf-token", token.group(1));
    }

    private static RequestSpecification eventForm(String title, String startsAt) {
        return formOf("/events/new").formParam("kind", "MEETUP").formParam("title", title)
                .formParam("startsAt", startsAt).formParam("endsAt", "2027-02-18 19:00").formParam("timeZone", "Europe/Helsinki")
                .formParam("venue", "Maria 01, Helsinki").formParam("onlineUrl", "").formParam("capacity", "1")
                .formParam("userGroupId", FakeApi.EV_GROUP).formParam("registrationOpensAt", "").formParam("registrationClosesAt", "");
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void aNewEventIsPostedAsADraftWithItsTimesOnTheClockOfItsZone() {
        eventForm("Helsinki meetup #13", "2027-02-18 16:00")
                .when().post("/events").then().statusCode(303)
                .header("Location", containsString("/events/" + DRAFT + "?notice=created"));
        String body = FakeApi.EVENTS_RECEIVED.get("POST /events");
        assertTrue(body.contains("\"startsAt\":\"2027-02-18T14:00:00Z\""), "16:00 in Helsinki is 14:00 UTC in February: " + body);
        assertTrue(body.contains("\"endsAt\":\"2027-02-18T17:00:00Z\""), body);
        assertTrue(body.contains("\"timeZone\":\"Europe/Helsinki\"") && body.contains("\"capacity\":1")
                && body.contains("\"kind\":\"MEETUP\"") && body.contains("\"userGroupId\":\"" + FakeApi.EV_GROUP + "\""), body);
        assertFalse(body.contains("onlineUrl") || body.contains("registrationOpensAt"), "empty fields are left out: " + body);
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void aTimeThatDoesNotParseIsAFieldErrorBeforeAnyApiCall() {
        eventForm("Helsinki meetup #13", "tomorrow evening")
                .when().post("/events").then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-startsAt\">must be a date and time like 2027-02-18 16:00"))
                .body(containsString("aria-describedby=\"e-startsAt\""))
                .body(containsString("value=\"Helsinki meetup #13\""));
        assertFalse(FakeApi.EVENTS_RECEIVED.containsKey("POST /events"), "nothing was sent to the API");
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void anApiRefusalOfTheEventLandsNextToTheFieldItNames() {
        eventForm("Refused title", "2027-02-18 16:00")
                .when().post("/events").then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-endsAt\">must be after startsAt"))
                .body(containsString("href=\"#f-endsAt\""))
                .body(containsString("value=\"Refused title\""));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void editingSendsAMergePatchWithIfMatchAndARuleLandsAtItsField() {
        given().when().get("/events/" + DRAFT + "/edit").then().statusCode(200)
                .body(containsString("value=\"2027-02-18 16:00\"")) // 14:00 UTC on the Helsinki clock
                .body(containsString("name=\"etag\" value=\"&quot;3&quot;\""));
        formOf("/events/" + DRAFT + "/edit").formParam("kind", "MEETUP").formParam("title", "Draft meetup")
                .formParam("startsAt", "2027-02-18 16:00").formParam("endsAt", "2027-02-18 19:00")
                .formParam("timeZone", "Europe/Helsinki").formParam("venue", "").formParam("capacity", "5")
                .formParam("etag", "\"3\"")
                .when().post("/events/" + DRAFT).then().statusCode(303)
                .header("Location", containsString("notice=saved"));
        String patch = FakeApi.EVENTS_RECEIVED.get("PATCH /events/" + DRAFT);
        assertTrue(patch.contains("\"capacity\":5") && patch.contains("\"venue\":null"), "an emptied field is cleared: " + patch);
        assertEquals("\"3\"", FakeApi.EVENTS_RECEIVED.get("PATCH /events/" + DRAFT + " If-Match"));

        formOf("/events/" + DRAFT + "/edit").formParam("kind", "MEETUP").formParam("title", "Draft meetup")
                .formParam("startsAt", "2027-02-18 16:00").formParam("endsAt", "2027-02-18 19:00")
                .formParam("timeZone", "Europe/Helsinki").formParam("capacity", "0").formParam("etag", "\"3\"")
                .when().post("/events/" + DRAFT).then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-capacity\">Capacity 0 is below the 1 seats already taken"));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void aStaleEditSaysSoKeepsWhatWasTypedAndCarriesTheCurrentVersion() {
        formOf("/events/" + DRAFT + "/edit").formParam("kind", "MEETUP").formParam("title", "My better title")
                .formParam("startsAt", "2027-02-18 16:00").formParam("endsAt", "2027-02-18 19:00")
                .formParam("timeZone", "Europe/Helsinki").formParam("capacity", "5").formParam("etag", "\"2\"")
                .when().post("/events/" + DRAFT).then().statusCode(422)
                .body(containsString("Someone changed the event while you were editing it"))
                .body(containsString("value=\"My better title\""))
                .body(containsString("name=\"etag\" value=\"&quot;3&quot;\""));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void publishingSendsTheVersionThePageShowed() {
        formOf("/events/" + DRAFT).formParam("status", "PUBLISHED").formParam("etag", "\"3\"")
                .when().post("/events/" + DRAFT + "/status-changes").then().statusCode(303)
                .header("Location", containsString("notice=published"));
        assertEquals("{\"status\":\"PUBLISHED\"}", FakeApi.EVENTS_RECEIVED.get("POST /events/" + DRAFT + "/status-changes"));
        assertEquals("\"3\"", FakeApi.EVENTS_RECEIVED.get("POST /events/" + DRAFT + "/status-changes If-Match"));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void cancellingAnEventNeedsTheConfirmationBoxAndThenSendsIt() {
        formOf("/events/" + PUBLISHED).formParam("status", "CANCELLED").formParam("etag", "\"3\"")
                .when().post("/events/" + PUBLISHED + "/status-changes").then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-confirm\">tick the box to confirm"))
                .body(containsString("id=\"f-confirm\" name=\"confirm\" value=\"true\" aria-invalid=\"true\""));
        assertFalse(FakeApi.EVENTS_RECEIVED.containsKey("POST /events/" + PUBLISHED + "/status-changes"), "not sent unconfirmed");

        formOf("/events/" + PUBLISHED).formParam("status", "CANCELLED").formParam("etag", "\"3\"").formParam("confirm", "true")
                .when().post("/events/" + PUBLISHED + "/status-changes").then().statusCode(303)
                .header("Location", containsString("notice=cancelled"));
        assertEquals("{\"status\":\"CANCELLED\"}", FakeApi.EVENTS_RECEIVED.get("POST /events/" + PUBLISHED + "/status-changes"));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void aRefusedStatusChangeIsShownInTheStatusPanel() {
        formOf("/events/" + PUBLISHED).formParam("status", "COMPLETED").formParam("etag", "\"3\"")
                .when().post("/events/" + PUBLISHED + "/status-changes").then().statusCode(422)
                .body(containsString("The status was not changed"))
                .body(containsString("An event can be completed once it has started"));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void theEventPageShowsRegistrationsTheWaitlistAndSponsorships() {
        given().when().get("/events/" + PUBLISHED).then().statusCode(200)
                .body(containsString("1 of 1 seats taken, 1 on the waitlist, 0 checked in."))
                .body(containsString("2027-02-18 16:00")) // on the Helsinki clock
                .body(containsString("Helsinki Cloud Native"))
                .body(containsString("id=\"r-" + FakeApi.EV_REG_SEATED + "\""))
                .body(containsString("<h2 id=\"waitlist-title\">Waitlist</h2>"))
                .body(containsString("<li>Ben Waiting"))
                .body(containsString("Cobalt Compute"))
                .body(containsString("/sponsorships/" + FakeApi.EV_SPONSORSHIP + "/confirmation"))
                .body(containsString("Cancel the event"));
        given().when().get("/events/" + DRAFT).then().statusCode(200)
                .body(containsString(">Publish</button>"))
                .body(not(containsString("Check in everyone in the file")));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void cancellingARegistrationCallsTheApiWhichMovesTheWaitlistUp() {
        formOf("/events/" + PUBLISHED).when().post("/events/" + PUBLISHED + "/registrations/" + FakeApi.EV_REG_SEATED + "/cancel")
                .then().statusCode(303).header("Location", containsString("notice=registration-cancelled"));
        assertTrue(FakeApi.EVENTS_RECEIVED.containsKey("DELETE /events/" + PUBLISHED + "/registrations/" + FakeApi.EV_REG_SEATED));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void confirmingASponsorshipSendsItsCurrentVersion() {
        formOf("/events/" + PUBLISHED).when().post("/events/" + PUBLISHED + "/sponsorships/" + FakeApi.EV_SPONSORSHIP + "/confirmation")
                .then().statusCode(303).header("Location", containsString("notice=sponsorship-confirmed"));
        assertEquals("\"7\"", FakeApi.EVENTS_RECEIVED.get("POST /events/" + PUBLISHED + "/sponsorships/" + FakeApi.EV_SPONSORSHIP
                + "/confirmation If-Match"));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void aSponsorRefusalLandsAtThePartnerFieldAndAnAmountThatDoesNotParseIsNotSent() {
        String partner = "d4d4d4d4-0000-4000-8000-000000000004";
        formOf("/events/" + PUBLISHED).formParam("partnerId", partner).formParam("level", "gold").formParam("amount", "lots")
                .formParam("currency", "EUR")
                .when().post("/events/" + PUBLISHED + "/sponsorships").then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-amount\">must be an amount such as 25000.00"));
        assertFalse(FakeApi.EVENTS_RECEIVED.containsKey("POST /events/" + PUBLISHED + "/sponsorships"));

        formOf("/events/" + PUBLISHED).formParam("partnerId", partner).formParam("level", "gold").formParam("amount", "25000")
                .formParam("currency", "eur")
                .when().post("/events/" + PUBLISHED + "/sponsorships").then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-partnerId\">Tundra Telecom is not a member in good standing today"))
                .body(containsString("value=\"25000\""));
        String body = FakeApi.EVENTS_RECEIVED.get("POST /events/" + PUBLISHED + "/sponsorships");
        assertTrue(body.contains("\"level\":\"GOLD\"") && body.contains("\"currency\":\"EUR\"") && body.contains("\"amount\":25000"), body);
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void userGroupsAreListedWithHealthAndARefusalLandsAtItsField() {
        given().when().get("/events/user-groups").then().statusCode(200)
                .body(containsString("Helsinki Cloud Native")).body(containsString("ACTIVE"));
        formOf("/events/user-groups").formParam("name", "Oulu Cloud").formParam("city", "Oulu").formParam("country", "fin")
                .when().post("/events/user-groups").then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-country\">must be an ISO 3166-1 alpha-2 code"))
                .body(containsString("value=\"Oulu Cloud\""));
        assertTrue(FakeApi.EVENTS_RECEIVED.get("POST /user-groups").contains("\"name\":\"Oulu Cloud\""));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void editingAUserGroupSendsAMergePatchWithItsVersion() {
        given().when().get("/events/user-groups/" + FakeApi.EV_GROUP + "/edit").then().statusCode(200)
                .body(containsString("value=\"Helsinki Cloud Native\""));
        formOf("/events/user-groups/" + FakeApi.EV_GROUP + "/edit").formParam("name", "Helsinki Cloud Native")
                .formParam("city", "Espoo").formParam("country", "fi").formParam("etag", "\"5\"")
                .when().post("/events/user-groups/" + FakeApi.EV_GROUP).then().statusCode(303)
                .header("Location", containsString("notice=group-saved"));
        String patch = FakeApi.EVENTS_RECEIVED.get("PATCH /user-groups/" + FakeApi.EV_GROUP);
        assertTrue(patch.contains("\"city\":\"Espoo\"") && patch.contains("\"country\":\"FI\"") && !patch.contains("organiserIds"),
                "the organisers are left as they are: " + patch);
        assertEquals("\"5\"", FakeApi.EVENTS_RECEIVED.get("PATCH /user-groups/" + FakeApi.EV_GROUP + " If-Match"));
    }

    @Test
    @TestSecurity(user = "paula", roles = "partner")
    void aPartnerSeesItsPeoplesRegistrationsAndTheWrongAddressIsRefusedAtTheEmailField() {
        given().when().get("/registrations").then().statusCode(200)
                .body(containsString("Ada Seated")).body(containsString("Published meetup"))
                .body(containsString("Ada Okafor"));
        formOf("/registrations").formParam("eventId", PUBLISHED).formParam("contactId", FakeApi.EV_CONTACT)
                .formParam("name", "Ada Okafor").formParam("email", "wrong@acme-cloud.example")
                .when().post("/registrations").then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-email\">must be the contact&#39;s address on record in partner-service"))
                .body(containsString("value=\"wrong@acme-cloud.example\""));
    }

    @Test
    @TestSecurity(user = "paula", roles = "partner")
    void aPartnerRegistersItsContactUnderTheAddressOnRecordWhenTheEmailIsLeftEmpty() {
        formOf("/registrations").formParam("eventId", PUBLISHED).formParam("contactId", FakeApi.EV_CONTACT)
                .formParam("name", "").formParam("email", "")
                .when().post("/registrations").then().statusCode(303).header("Location", containsString("notice=registered"));
        String body = FakeApi.EVENTS_RECEIVED.get("POST /events/" + PUBLISHED + "/registrations");
        assertTrue(body.contains("\"contactId\":\"" + FakeApi.EV_CONTACT + "\"") && body.contains("\"name\":\"Ada Okafor\"")
                && body.contains("\"email\":\"ada.okafor@acme-cloud.example\""), body);
    }

    @Test
    @TestSecurity(user = "paula", roles = "partner")
    void aPartnerIsRefusedTheTeamsEventPages() {
        given().when().get("/events/" + PUBLISHED).then().statusCode(403).body(not(containsString("Ada Seated")));
        given().when().get("/events/new").then().statusCode(403);
        given().when().get("/events/user-groups").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void staffReadTheEventButHaveNoTeamForms() {
        given().when().get("/events/" + PUBLISHED).then().statusCode(200)
                .body(containsString("Ben Waiting")).body(not(containsString("Cancel the event")))
                .body(not(containsString("Propose a sponsorship")));
        given().when().get("/registrations").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "paula", roles = "partner")
    void theCalendarsPageOffersThePublicFeedsAndAPrivateBoardAddressShownOnce() {
        given().when().get("/calendars").then().statusCode(200)
                .body(containsString("/api/calendar/events.ics\""))
                .body(containsString("href=\"webcal://"))
                .body(containsString("/api/user-groups/" + FakeApi.EV_GROUP + "/calendar.ics"))
                .body(containsString("Governing Board"))
                .body(containsString("/calendars/boards/" + FakeApi.EV_BOARD + "/feeds/" + FakeApi.EV_FEED + "/revoke"))
                .body(not(containsString(FakeApi.EV_SECRET)));
        String created = formOf("/calendars").when().post("/calendars/boards/" + FakeApi.EV_BOARD + "/feeds")
                .then().statusCode(200).body(containsString("It is shown only this once"))
                .body(containsString("webcal://trellis.example/api/boards/calendar-feeds/" + FakeApi.EV_SECRET + ".ics"))
                .extract().asString();
        assertTrue(created.contains("id=\"created-feed\" type=\"text\" readonly value=\"https://trellis.example/api/boards/calendar-feeds/"
                + FakeApi.EV_SECRET + ".ics\""), created);
        assertTrue(FakeApi.EVENTS_RECEIVED.containsKey("POST /boards/" + FakeApi.EV_BOARD + "/calendar-feeds"));
        given().when().get("/calendars").then().body(not(containsString(FakeApi.EV_SECRET)));

        formOf("/calendars").when().post("/calendars/boards/" + FakeApi.EV_BOARD + "/feeds/" + FakeApi.EV_FEED + "/revoke")
                .then().statusCode(303).header("Location", containsString("/calendars?notice=revoked"));
        assertTrue(FakeApi.EVENTS_RECEIVED.containsKey("DELETE /boards/" + FakeApi.EV_BOARD + "/calendar-feeds/" + FakeApi.EV_FEED));
    }
}
