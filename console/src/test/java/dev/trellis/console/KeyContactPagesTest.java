package dev.trellis.console;

import static dev.trellis.console.FakeKeyContactApi.ANA;
import static dev.trellis.console.FakeKeyContactApi.BEN;
import static dev.trellis.console.FakeKeyContactApi.PARTNER;
import static dev.trellis.console.FakeKeyContactApi.RECEIVED;
import static dev.trellis.console.FakeKeyContactApi.STRANGER;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Key contacts on the membership page, against {@link FakeKeyContactApi}: every role with its holder, staff naming
 * one of the partner's current people (PUT) or clearing a role (DELETE), refusals at their field, and who may do it.
 */
@QuarkusTest
class KeyContactPagesTest {

    private static final String PAGE = "/memberships/" + PARTNER;

    @BeforeEach
    void reset() {
        FakeKeyContactApi.reset();
    }

    private static RequestSpecification withTokenFrom(String formPage) {
        Response form = given().redirects().follow(false).when().get(formPage);
        form.then().statusCode(200);
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(form.asString());
        assertTrue(token.find(), "the page " + formPage + " carries a CSRF token");
        return given().redirects().follow(false).cookie("trellis-csrf", form.getCookie("trellis-csrf")).formParam("csrf-token", token.group(1));
    }

    private static String oneLine(String html) {
        return html.replaceAll("\\s+", " ");
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void staffSeeEveryRoleWithItsHolderAndNameOneOfThePartnersPeopleForARole() {
        String page = given().when().get(PAGE).then().statusCode(200)
                .body(containsString("<th scope=\"row\">Voting representative</th>"))
                .body(containsString("<a href=\"/partners/" + PARTNER + "/contacts/" + ANA + "\">Ana Lima</a></td><td>ana@calliope.example</td>"))
                .body(containsString("action=\"/memberships/" + PARTNER + "/key-contacts/VOTING/remove\""))
                // the partner's people today, each once with their roles
                .body(containsString("<option value=\"" + ANA + "\">Ana Lima (Executive sponsor, Technical lead)</option>"))
                .body(containsString("<option value=\"" + BEN + "\">Ben Okoro (Developer)</option>")).extract().asString();
        assertTrue(oneLine(page).contains("<th scope=\"row\">Billing contact</th> <td>Nobody</td>"), "nobody holds the billing role");
        withTokenFrom(PAGE).formParam("role", "BILLING").formParam("contactId", BEN)
                .when().post(PAGE + "/key-contacts").then().statusCode(303)
                .header("Location", endsWith(PAGE + "?notice=key-contact-assigned#key-contacts"));
        assertEquals(List.of("PUT BILLING {\"contactId\":\"" + BEN + "\"}"), RECEIVED);
        String after = given().when().get(PAGE + "?notice=key-contact-assigned").then().statusCode(200)
                .body(containsString("The key contact is named.")).extract().asString();
        assertTrue(oneLine(after).contains("<th scope=\"row\">Billing contact</th> <td><a href=\"/partners/" + PARTNER
                + "/contacts/" + BEN + "\">Ben Okoro</a>"), "Ben holds the billing role");
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void removingARoleSendsADeleteAndTheRoleIsEmptyAfterwards() {
        withTokenFrom(PAGE).when().post(PAGE + "/key-contacts/VOTING/remove").then().statusCode(303)
                .header("Location", endsWith(PAGE + "?notice=key-contact-removed#key-contacts"));
        assertEquals(List.of("DELETE VOTING"), RECEIVED);
        given().when().get(PAGE + "?notice=key-contact-removed").then().statusCode(200)
                .body(containsString("The key-contact role is cleared."))
                .body(not(containsString("Ana Lima</a>")));
        // removing it again: partner-service's 404 is said on the page, not a 500
        withTokenFrom(PAGE).when().post(PAGE + "/key-contacts/VOTING/remove").then().statusCode(422)
                .body(containsString("Key contact VOTING not found"));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void someoneNotWorkingForThePartnerIsRefusedNextToThePersonAndTheChoiceIsKept() {
        withTokenFrom(PAGE).formParam("role", "TECHNICAL").formParam("contactId", STRANGER)
                .when().post(PAGE + "/key-contacts").then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-contactId\">is not currently affiliated with this partner</p>"))
                .body(containsString("aria-describedby=\"e-contactId\""))
                .body(containsString("<option value=\"TECHNICAL\" selected>Technical contact</option>"))
                .body(containsString("<a href=\"#f-contactId\">is not currently affiliated with this partner</a>"));
        assertEquals(List.of("PUT TECHNICAL {\"contactId\":\"" + STRANGER + "\"}"), RECEIVED);
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void aRoleOrPersonNotChosenFromTheListsIsAFieldErrorBeforeAnyCall() {
        withTokenFrom(PAGE).formParam("role", "TREASURER").formParam("contactId", BEN)
                .when().post(PAGE + "/key-contacts").then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-role\">must be one of Primary contact"));
        withTokenFrom(PAGE).formParam("role", "PRIMARY").formParam("contactId", "")
                .when().post(PAGE + "/key-contacts").then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-contactId\">choose one of the partner&#39;s people</p>"));
        assertTrue(RECEIVED.isEmpty(), "nothing was sent: " + RECEIVED);
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void theTeamSeesTheKeyContactsButMayNotChangeThem() {
        given().when().get(PAGE).then().statusCode(200)
                .body(containsString("Ana Lima</a>"))
                .body(not(containsString("/key-contacts/VOTING/remove")))
                .body(not(containsString("Name a key contact")));
        // a page of the team's with a form, for a valid CSRF token: the refusal is the role's, not the token's
        withTokenFrom("/partners/new").formParam("role", "BILLING").formParam("contactId", BEN)
                .when().post(PAGE + "/key-contacts").then().statusCode(403);
        withTokenFrom("/partners/new").when().post(PAGE + "/key-contacts/VOTING/remove").then().statusCode(403);
        assertTrue(RECEIVED.isEmpty(), "nothing was sent: " + RECEIVED);
    }

    @Test
    @TestSecurity(user = "pat", roles = "partner")
    void aPartnerUserIsRefusedTheMembershipPageAndItsKeyContactForms() {
        given().when().get(PAGE).then().statusCode(403).body(containsString("Not yours to see")).body(not(containsString("Ana Lima")));
        given().redirects().follow(false).when().get(PAGE + "/key-contacts").then().statusCode(403);
        assertTrue(RECEIVED.isEmpty());
    }
}
