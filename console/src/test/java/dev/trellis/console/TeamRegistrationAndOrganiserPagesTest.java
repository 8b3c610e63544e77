package dev.trellis.console;

import static dev.trellis.console.FakeCsvAndEventApi.CONTACT;
import static dev.trellis.console.FakeCsvAndEventApi.EVENT;
import static dev.trellis.console.FakeCsvAndEventApi.GROUP;
import static dev.trellis.console.FakeCsvAndEventApi.ORGANISER;
import static dev.trellis.console.FakeCsvAndEventApi.RECEIVED;
import static dev.trellis.console.FakeCsvAndEventApi.REFUSED;
import static dev.trellis.console.FakeCsvAndEventApi.REGISTRATION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * The community team registers one of the CRM's contacts for an event, and names a user group's organisers from the
 * contacts, against {@link FakeCsvAndEventApi}: what the console sends, the outcome event-service answers, its refusals
 * next to the contact, and who may use the pages.
 */
@QuarkusTest
class TeamRegistrationAndOrganiserPagesTest {

    private static final String REGISTER = "/events/" + EVENT + "/registrations/contact";
    private static final String GROUP_PAGE = "/events/user-groups/" + GROUP + "/organisers";

    @BeforeEach
    void forget() {
        RECEIVED.clear();
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

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void theEventPageSearchesTheContactsAndListsTheMatchesToPickFrom() {
        given().when().get("/events/" + EVENT).then().statusCode(200)
                .body(containsString("action=\"" + REGISTER + "\""));
        given().queryParam("q", "ada").when().get(REGISTER).then().statusCode(200)
                .body(containsString("value=\"" + CONTACT + "\""))
                .body(containsString("Ada Lovelace"))
                .body(containsString("ada@analytical.example"))
                .body(containsString("Analytical Engines"))
                .body(containsString("href=\"/csv/contacts?q=ada\""));
        assertEquals("ada", RECEIVED.get("GET /contacts?q"));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void registeringAContactSendsItsIdNameAndAddressAndShowsTheWaitlistAsTheApiAnswered() {
        formOf(REGISTER + "?q=ada").formParam("contactId", CONTACT).formParam("q", "ada")
                .when().post(REGISTER).then().statusCode(303)
                .header("Location", endsWith(REGISTER + "?registered=" + REGISTRATION));
        String body = RECEIVED.get("POST registrations");
        assertTrue(body.contains("\"contactId\":\"" + CONTACT + "\""), body);
        assertTrue(body.contains("\"name\":\"Ada Lovelace\"") && body.contains("\"email\":\"ada@analytical.example\""), body);
        assertTrue(!body.contains("source"), "event-service's default source (STAFF) is left to it: " + body);
        given().queryParam("registered", REGISTRATION).when().get(REGISTER).then().statusCode(200)
                .body(containsString("The event is full: Ada Lovelace is on the waitlist"));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void aContactRegisteredAlreadyIsSaidNextToTheContactWithTheSearchKept() {
        formOf(REGISTER + "?q=ada").formParam("contactId", REFUSED).formParam("q", "ada")
                .when().post(REGISTER).then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-contactId\">This contact is registered for this event already</p>"))
                .body(containsString("aria-describedby=\"e-contactId\""))
                .body(containsString("href=\"#f-contactId\""))
                .body(containsString("value=\"" + REFUSED + "\" checked"));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void noContactPickedIsAFieldErrorBeforeAnyCall() {
        formOf(REGISTER + "?q=ada").formParam("q", "ada").when().post(REGISTER).then().statusCode(422)
                .body(containsString("id=\"e-contactId\">choose the contact to register"));
        assertNull(RECEIVED.get("POST registrations"));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void staffReadTheGroupsOrganisersByNameButDoNotChangeThem() {
        given().when().get("/events/user-groups").then().statusCode(200)
                .body(containsString("href=\"/events/user-groups/" + FakeApi.EV_GROUP + "/organisers\""))
                .body(not(containsString("/edit\"")));
        given().when().get(GROUP_PAGE).then().statusCode(200)
                .body(containsString("Dmitri Tanaka"))
                .body(containsString("Acme Cloud"))
                .body(containsString("href=\"/events/" + EVENT + "\">Analytical meetup"))
                .body(not(containsString("Add an organiser")))
                .body(not(containsString("/remove\"")));
        given().when().get(REGISTER).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void addingAnOrganiserPatchesTheListAtThePagesVersion() {
        given().queryParam("q", "a").when().get(GROUP_PAGE).then().statusCode(200)
                .body(containsString("value=\"" + CONTACT + "\""))
                .body(not(containsString("id=\"c-" + ORGANISER + "\"")));
        formOf(GROUP_PAGE + "?q=a").formParam("contactId", CONTACT).formParam("etag", "\"4\"").formParam("q", "a")
                .when().post(GROUP_PAGE).then().statusCode(303)
                .header("Location", endsWith(GROUP_PAGE + "?notice=organiser-added#organisers"));
        assertEquals("If-Match=\"4\" {\"organiserIds\":[\"" + ORGANISER + "\",\"" + CONTACT + "\"]}", RECEIVED.get("PATCH user group"));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void removingAnOrganiserPatchesTheListWithoutThem() {
        formOf(GROUP_PAGE).formParam("etag", "\"4\"").when().post(GROUP_PAGE + "/" + ORGANISER + "/remove")
                .then().statusCode(303).header("Location", endsWith("?notice=organiser-removed#organisers"));
        assertEquals("If-Match=\"4\" {\"organiserIds\":[]}", RECEIVED.get("PATCH user group"));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void theApisRefusalAndAStaleVersionAreSaidNextToTheContact() {
        formOf(GROUP_PAGE + "?q=a").formParam("contactId", REFUSED).formParam("etag", "\"4\"").formParam("q", "a")
                .when().post(GROUP_PAGE).then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-contactId\">size must be between 0 and 20</p>"));
        formOf(GROUP_PAGE + "?q=a").formParam("contactId", CONTACT).formParam("etag", "\"3\"").formParam("q", "a")
                .when().post(GROUP_PAGE).then().statusCode(412)
                .body(containsString("id=\"e-contactId\">Someone changed the group since you opened this page"));
    }

    @Test
    @TestSecurity(user = "paula", roles = "partner")
    void aPartnerUserCannotUseTheTeamsPages() {
        given().when().get(GROUP_PAGE).then().statusCode(403);
        given().queryParam("q", "ada").when().get(REGISTER).then().statusCode(403);
        assertNull(RECEIVED.get("GET /contacts?q"));
    }
}
