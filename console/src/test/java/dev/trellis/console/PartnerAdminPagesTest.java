package dev.trellis.console;

import static dev.trellis.console.FakeApi.ADMIN_CONTACT;
import static dev.trellis.console.FakeApi.ADMIN_OTHER;
import static dev.trellis.console.FakeApi.ADMIN_PARTNER;
import static dev.trellis.console.FakeApi.ADMIN_RECEIVED;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Partners, contacts and memberships in the console, against the fake API ({@link FakeApi}): each form sends
 * the body and If-Match the API expects, each refusal lands next to its field, and each role sees only its pages.
 */
@QuarkusTest
class PartnerAdminPagesTest {

    private static final String PARTNER_PAGE = "/partners/" + ADMIN_PARTNER;
    private static final String CONTACT_PAGE = PARTNER_PAGE + "/contacts/" + ADMIN_CONTACT;

    @BeforeEach
    void forget() {
        ADMIN_RECEIVED.clear();
    }

    /** A form page's CSRF cookie and token, for the POST that follows. */
    private static RequestSpecification withTokenFrom(String formPage) {
        Response form = given().redirects().follow(false).when().get(formPage);
        form.then().statusCode(200);
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(form.asString());
        assertTrue(token.find(), "the form on " + formPage + " carries a CSRF token");
        return given().redirects().follow(false).cookie("trellis-csrf", form.getCookie("trellis-csrf")).formParam("csrf-token", token.group(1));
    }

    private static String received(String route) {
        List<String> got = ADMIN_RECEIVED.get(route);
        assertTrue(got != null && !got.isEmpty(), "the API received " + route + ": " + ADMIN_RECEIVED);
        return got.get(got.size() - 1);
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void theTeamRegistersAPartnerWithDomainsCountryAndParentAndLandsOnItsPage() {
        given().when().get("/partners").then().statusCode(200).body(containsString("href=\"/partners/new\""));
        withTokenFrom("/partners/new")
                .formParam("name", "Zephyr Wind").formParam("website", "https://zephyr.example")
                .formParam("emailDomains", "Zephyr.example, zephyr-wind.example").formParam("country", "dk")
                .formParam("description", "Wind power").formParam("parentPartnerId", ADMIN_OTHER)
                .when().post("/partners").then().statusCode(303)
                .header("Location", endsWith(PARTNER_PAGE + "?notice=created"));
        String body = received("POST /partners");
        assertTrue(body.contains("\"emailDomains\":[\"zephyr.example\",\"zephyr-wind.example\"]"), body);
        assertTrue(body.contains("\"country\":\"DK\"") && body.contains("\"parentPartnerId\":\"" + ADMIN_OTHER + "\""), body);
        assertTrue(!body.contains("legalName"), "an empty optional field is left out: " + body);
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void aTakenEmailDomainIsShownNextToTheDomainsAndTheTypedValuesAreKept() {
        withTokenFrom("/partners/new")
                .formParam("name", "Copycat").formParam("emailDomains", "taken.example")
                .when().post("/partners").then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-emailDomains\">These email domains belong to another partner"))
                .body(containsString("aria-describedby=\"e-emailDomains\""))
                .body(containsString("value=\"Copycat\""));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void editingAProfileSendsAMergePatchWithTheVersionReadAndAStaleVersionSaysSo() {
        given().when().get(PARTNER_PAGE + "/edit").then().statusCode(200)
                .body(containsString("name=\"etag\" value=\"&quot;4&quot;\""))
                .body(containsString("value=\"zephyr.example\""));
        withTokenFrom(PARTNER_PAGE + "/edit")
                .formParam("etag", "\"4\"").formParam("name", "Zephyr Wind A/S").formParam("emailDomains", "zephyr.example")
                .formParam("website", "").formParam("parentPartnerId", "")
                .when().post(PARTNER_PAGE).then().statusCode(303).header("Location", endsWith(PARTNER_PAGE + "?notice=saved"));
        String sent = received("PATCH /partners/" + ADMIN_PARTNER);
        assertTrue(sent.startsWith("If-Match=\"4\" "), sent);
        assertTrue(sent.contains("\"name\":\"Zephyr Wind A/S\"") && sent.contains("\"website\":null")
                && sent.contains("\"parentPartnerId\":null"), "emptied fields are cleared: " + sent);

        withTokenFrom(PARTNER_PAGE + "/edit")
                .formParam("etag", "\"3\"").formParam("name", "Stale Wind").formParam("description", "What I typed")
                .when().post(PARTNER_PAGE).then().statusCode(422)
                .body(containsString("Someone changed the partner&#39;s profile while you were editing it"))
                .body(containsString("value=\"Stale Wind\"")).body(containsString("What I typed"))
                .body(containsString("name=\"etag\" value=\"&quot;4&quot;\""));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void aMalformedWebsiteIsRefusedNextToTheWebsite() {
        withTokenFrom(PARTNER_PAGE + "/edit")
                .formParam("etag", "\"4\"").formParam("name", "Zephyr Wind").formParam("website", "not-a-url")
                .when().post(PARTNER_PAGE).then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-website\">must be a public http(s) URL"))
                .body(containsString("href=\"#f-website\""));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void thePartnerPageListsPeopleWhoLeftWithTheirPastRolesAndThePendingTier() {
        given().when().get(PARTNER_PAGE).then().statusCode(200)
                .body(containsString("<a href=\"" + CONTACT_PAGE + "\">Ngozi Okafor</a> <span class=\"meta\">(left)</span>"))
                .body(containsString("TECHNICAL_LEAD 2025-03-01 to 2026-10-31"))
                .body(containsString("GOLD from " + LocalDate.now().plusDays(20)))
                .body(containsString("href=\"/memberships/" + ADMIN_PARTNER + "\""))
                .body(not(containsString("href=\"" + PARTNER_PAGE + "/edit\"")));
        assertTrue(FakeApi.OVERVIEW_ASKED.contains(ADMIN_PARTNER + " affiliations=200 touchpoints=10"),
                "the overview, whose affiliations include ended ones: " + FakeApi.OVERVIEW_ASKED);
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void aNewContactIsCreatedThenAffiliatedWithThePartnerInTheRoleChosen() {
        given().when().get(PARTNER_PAGE).then().statusCode(200)
                .body(containsString("href=\"" + PARTNER_PAGE + "/contacts/new\""))
                .body(containsString("href=\"" + PARTNER_PAGE + "/edit\""));
        withTokenFrom(PARTNER_PAGE + "/contacts/new")
                .formParam("firstName", "Ngozi").formParam("lastName", "Okafor").formParam("email", "ngozi@zephyr.example")
                .formParam("jobTitle", "CTO").formParam("role", "TECHNICAL_LEAD").formParam("startDate", "2025-03-01")
                .when().post(PARTNER_PAGE + "/contacts").then().statusCode(303)
                .header("Location", endsWith(CONTACT_PAGE + "?notice=contact-created"));
        String contact = received("POST /contacts");
        assertTrue(contact.contains("\"firstName\":\"Ngozi\"") && contact.contains("\"jobTitle\":\"CTO\"") && !contact.contains("phone"),
                contact);
        String affiliation = received("POST affiliations");
        assertTrue(affiliation.contains("\"partnerId\":\"" + ADMIN_PARTNER + "\"") && affiliation.contains("\"role\":\"TECHNICAL_LEAD\"")
                && affiliation.contains("\"startDate\":\"2025-03-01\""), affiliation);
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void aDuplicateEmailIsShownNextToTheEmailAndABadDateBeforeAnyCall() {
        withTokenFrom(PARTNER_PAGE + "/contacts/new")
                .formParam("firstName", "Ngozi").formParam("lastName", "Okafor").formParam("email", "taken@zephyr.example")
                .formParam("role", "DEVELOPER").formParam("startDate", "2025-03-01")
                .when().post(PARTNER_PAGE + "/contacts").then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-email\">Another contact already has this email address"))
                .body(containsString("value=\"taken@zephyr.example\""));
        withTokenFrom(PARTNER_PAGE + "/contacts/new")
                .formParam("firstName", "Ngozi").formParam("lastName", "Okafor").formParam("email", "n@zephyr.example")
                .formParam("role", "DEVELOPER").formParam("startDate", "last spring")
                .when().post(PARTNER_PAGE + "/contacts").then().statusCode(422)
                .body(containsString("id=\"e-startDate\""));
        assertEquals(1, ADMIN_RECEIVED.get("POST /contacts").size(), "the bad date reached no API");
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void theContactPageShowsCurrentAndPastRolesAndEditingSendsIfMatch() {
        given().when().get(CONTACT_PAGE).then().statusCode(200)
                .body(containsString("<h1>Ngozi Okafor</h1>"))
                .body(containsString("EXECUTIVE_SPONSOR")).body(containsString("Borealis Systems"))
                .body(containsString("2026-10-31")).body(containsString("href=\"" + CONTACT_PAGE + "/move\""));
        withTokenFrom(CONTACT_PAGE + "/edit")
                .formParam("etag", "\"3\"").formParam("firstName", "Ngozi").formParam("lastName", "Okafor-Ade")
                .formParam("email", "ngozi@zephyr.example").formParam("phone", "")
                .when().post(CONTACT_PAGE).then().statusCode(303).header("Location", endsWith(CONTACT_PAGE + "?notice=contact-saved"));
        String sent = received("PATCH /contacts");
        assertTrue(sent.startsWith("If-Match=\"3\" ") && sent.contains("\"lastName\":\"Okafor-Ade\"") && sent.contains("\"phone\":null"), sent);
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void theSearchOffersItsPartnersAsCsvAndTheDownloadIsTheApisExport() {
        given().queryParam("q", "Zephyr & Co").queryParam("tier", "GOLD").when().get("/partners").then().statusCode(200)
                .body(containsString("href=\"/partners/export.csv?q=Zephyr+%26+Co&amp;tier=GOLD&amp;membershipStatus=\""));
        given().queryParam("q", "Zephyr & Co").queryParam("tier", "GOLD").when().get("/partners/export.csv").then()
                .statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"partners-2026-12-02.csv\"")
                .header("Cache-Control", "no-store")
                .body(equalTo("id,name\r\n" + ADMIN_PARTNER + ",Zephyr Wind\r\n"));
        assertTrue(received("GET /partners as CSV").contains("q=Zephyr & Co tier=GOLD"), received("GET /partners as CSV"));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void movingAContactPicksTheNewEmployerBySearchAndSendsTheMove() {
        given().queryParam("q", "Borealis").when().get(CONTACT_PAGE + "/move").then().statusCode(200)
                .body(containsString("<option value=\"" + ADMIN_PARTNER + "\">Zephyr Wind"))
                .body(not(containsString("<option value=\"" + ADMIN_OTHER + "\"")));
        assertTrue(received("GET /partners").contains("q=Borealis"));
        withTokenFrom(CONTACT_PAGE + "/move?q=Zephyr")
                .formParam("q", "Zephyr").formParam("partnerId", ADMIN_PARTNER).formParam("role", "EXECUTIVE_SPONSOR")
                .formParam("date", "2026-11-01")
                .when().post(CONTACT_PAGE + "/moves").then().statusCode(303)
                .header("Location", endsWith("/partners/" + ADMIN_OTHER + "/contacts/" + ADMIN_CONTACT + "?notice=moved"));
        String sent = received("POST moves");
        assertTrue(sent.contains("\"partnerId\":\"" + ADMIN_PARTNER + "\"") && sent.contains("\"role\":\"EXECUTIVE_SPONSOR\"")
                && sent.contains("\"date\":\"2026-11-01\""), sent);
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void aMoveRefusedForItsDateSaysSoNextToTheDate() {
        withTokenFrom(CONTACT_PAGE + "/move?q=Zephyr")
                .formParam("q", "Zephyr").formParam("partnerId", ADMIN_PARTNER).formParam("role", "DEVELOPER")
                .formParam("date", "2020-01-01")
                .when().post(CONTACT_PAGE + "/moves").then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-date\">an open affiliation starts on or after the move date"))
                .body(containsString("value=\"2020-01-01\""));
        withTokenFrom(CONTACT_PAGE + "/move?q=Zephyr")
                .formParam("q", "Zephyr").formParam("role", "DEVELOPER").formParam("date", "2026-11-01")
                .when().post(CONTACT_PAGE + "/moves").then().statusCode(422)
                .body(containsString("id=\"e-partnerId\""));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void staffSeeRenewalsDueWithThePendingTierAndLinksToTheActions() {
        given().when().get("/memberships").then().statusCode(200)
                .body(containsString("<a href=\"/memberships/" + ADMIN_PARTNER + "\">Zephyr Wind</a>"))
                .body(containsString("GOLD from " + LocalDate.now().plusDays(20)))
                .body(containsString("href=\"/memberships/" + ADMIN_PARTNER + "/renew\""))
                .body(containsString("<td>30</td>"));
        assertTrue(received("GET /partners").contains("membershipStatus=PENDING,NEW,CURRENT,GRACE"));
        // A 10-day window leaves out a term that ends in 30 days.
        given().queryParam("within", "10").when().get("/memberships").then().statusCode(200)
                .body(not(containsString("href=\"/memberships/" + ADMIN_PARTNER + "/renew\"")));
        given().when().get("/memberships/" + ADMIN_PARTNER).then().statusCode(200)
                .body(containsString("STARTED")).body(containsString("felix"))
                .body(containsString("href=\"/memberships/" + ADMIN_PARTNER + "/tier-change\""));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void renewingAndChangingTheTierSendTheVersionReadAndTheApisRefusalsLandNextToTheirFields() {
        withTokenFrom("/memberships/" + ADMIN_PARTNER + "/renew").formParam("etag", "\"7\"").formParam("months", "12")
                .when().post("/memberships/" + ADMIN_PARTNER + "/renew").then().statusCode(303)
                .header("Location", endsWith("/memberships/" + ADMIN_PARTNER + "?notice=renew"));
        assertEquals("If-Match=\"7\" {\"months\":12}", received("POST renewals"));

        withTokenFrom("/memberships/" + ADMIN_PARTNER + "/renew").formParam("etag", "\"7\"").formParam("months", "121")
                .when().post("/memberships/" + ADMIN_PARTNER + "/renew").then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-months\">must be less than or equal to 120"))
                .body(containsString("value=\"121\""));
        withTokenFrom("/memberships/" + ADMIN_PARTNER + "/renew").formParam("etag", "\"7\"").formParam("months", "a year")
                .when().post("/memberships/" + ADMIN_PARTNER + "/renew").then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-months\">must be a whole number"));

        String effective = LocalDate.now().plusDays(10).toString();
        withTokenFrom("/memberships/" + ADMIN_PARTNER + "/tier-change").formParam("etag", "\"7\"").formParam("tier", "GOLD")
                .formParam("effectiveDate", effective)
                .when().post("/memberships/" + ADMIN_PARTNER + "/tier-change").then().statusCode(303);
        assertEquals("If-Match=\"7\" {\"tier\":\"GOLD\",\"effectiveDate\":\"" + effective + "\"}", received("POST tier-changes"));

        withTokenFrom("/memberships/" + ADMIN_PARTNER + "/tier-change").formParam("etag", "\"7\"").formParam("tier", "GOLD")
                .formParam("effectiveDate", "2020-01-01")
                .when().post("/memberships/" + ADMIN_PARTNER + "/tier-change").then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-tier\">A tier change needs a live membership"));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void startingOverALiveMembershipAndEndingWithAStaleVersionAreExplainedOnTheForm() {
        withTokenFrom("/memberships/" + ADMIN_PARTNER + "/start").formParam("etag", "\"7\"").formParam("tier", "GOLD")
                .formParam("termStart", "2027-01-01").formParam("termEnd", "2027-12-31").formParam("autoRenew", "true")
                .when().post("/memberships/" + ADMIN_PARTNER + "/start").then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-termStart\">The membership has not expired"));
        String sent = received("PUT membership");
        assertTrue(sent.contains("\"autoRenew\":true") && sent.contains("\"termEnd\":\"2027-12-31\"") && !sent.contains("graceDays"), sent);

        withTokenFrom("/memberships/" + ADMIN_PARTNER + "/end").formParam("etag", "\"6\"").formParam("endDate", "2026-12-31")
                .when().post("/memberships/" + ADMIN_PARTNER + "/end").then().statusCode(422)
                .body(containsString("The membership changed since you opened this form"))
                .body(containsString("name=\"etag\" value=\"&quot;7&quot;\""))
                .body(containsString("value=\"2026-12-31\""));
    }

    @Test
    @TestSecurity(user = "paula", roles = "partner")
    void aPartnerUserSeesItsPeopleWithRolesAndItsMembershipWithRenewalAndPendingTier() {
        given().when().get("/organisation").then().statusCode(200)
                .body(containsString("TECHNICAL_LEAD since 2025-03-01; VOTING_CONTACT since 2026-02-01"))
                .body(containsString("Ends on 2027-01-31 unless renewed"))
                .body(containsString("GOLD from " + LocalDate.now().plusDays(20)))
                .body(not(containsString("Health"))).body(not(containsString("Touchpoints")));
    }

    @Test
    @TestSecurity(user = "paula", roles = "partner")
    void aPartnerUserIsRefusedTheMembershipAndPartnerAdministrationPages() {
        for (String page : List.of("/memberships", "/memberships/" + ADMIN_PARTNER, "/memberships/" + ADMIN_PARTNER + "/renew",
                "/partners/new", PARTNER_PAGE + "/edit", CONTACT_PAGE, CONTACT_PAGE + "/move")) {
            given().when().get(page).then().statusCode(403).body(containsString("Not yours to see"))
                    .body(not(containsString("Zephyr Wind")));
        }
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void theTeamMayLookAtMembershipsButNotChangeThem() {
        given().when().get("/memberships/" + ADMIN_PARTNER).then().statusCode(200)
                .body(not(containsString("href=\"/memberships/" + ADMIN_PARTNER + "/renew\"")));
        given().when().get("/memberships/" + ADMIN_PARTNER + "/renew").then().statusCode(403);
    }
}
