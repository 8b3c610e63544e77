package dev.trellis.console;

import static dev.trellis.console.FakePolicyApi.BOARD;
import static dev.trellis.console.FakePolicyApi.RECEIVED;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A board's seat policy in the console, against {@link FakePolicyApi}: the rules in words, the form filled with
 * them, the whole policy sent back with the board's version as If-Match, and refusals where they belong.
 */
@QuarkusTest
class PolicyPagesTest {

    private static final String PAGE = "/boards/" + BOARD + "/policy";

    @BeforeEach
    void forget() {
        RECEIVED.clear();
    }

    private static RequestSpecification withTokenFrom(String formPage) {
        Response form = given().redirects().follow(false).when().get(formPage);
        form.then().statusCode(200);
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(form.asString());
        assertTrue(token.find(), "the page " + formPage + " carries a CSRF token");
        return given().redirects().follow(false).cookie("trellis-csrf", form.getCookie("trellis-csrf")).formParam("csrf-token", token.group(1));
    }

    /** The form as the edit page fills it from {@link FakePolicyApi#POLICY}, with each list's empty row; then the changes. */
    private static RequestSpecification theFormAsFilled(RequestSpecification form, String... changes) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("etag", List.of("\"7\""));
        fields.put("tier.tier", List.of("PLATINUM", "GOLD", ""));
        fields.put("tier.perMember", List.of("1", "", ""));
        fields.put("tier.membersPerSeat", List.of("", "5", ""));
        fields.put("tier.rounding", List.of("FLOOR", "FLOOR", "FLOOR"));
        fields.put("tier.max", List.of("", "3", ""));
        fields.put("seat.kind", List.of("ELECTED", ""));
        fields.put("seat.count", List.of("2", ""));
        fields.put("seat.ratioOfTier", List.of("", ""));
        fields.put("seat.membersPerSeat", List.of("", ""));
        fields.put("seat.rounding", List.of("FLOOR", "FLOOR"));
        fields.put("seat.min", List.of("", ""));
        fields.put("seat.max", List.of("", ""));
        fields.put("totalSeats", List.of("11"));
        fields.put("activation.kind", List.of("COMMUNITY", ""));
        fields.put("activation.minFilled", List.of("2", ""));
        fields.put("activation.whenKind", List.of("TIER_APPOINTED", ""));
        fields.put("activation.whenTier", List.of("PLATINUM", ""));
        fields.put("cap.scope", List.of("COMPANY_GROUP", "ORGANISATION", "COMPANY_GROUP"));
        fields.put("cap.maxSeats", List.of("1", "", ""));
        fields.put("cap.maxShare", List.of("", "1/3", ""));
        fields.put("cap.kinds", List.of("", "ELECTED, COMMUNITY", ""));
        fields.put("terms.lengthMonths", List.of("24"));
        fields.put("terms.startsOn", List.of("04-01"));
        fields.put("terms.maxConsecutiveTerms", List.of("2"));
        fields.put("terms.staggerCohorts", List.of("2"));
        fields.put("holderMustWorkForPartner", List.of("true"));
        fields.put("attendance.suspendAfterMissed", List.of("3"));
        fields.put("attendance.restoreAfterAttended", List.of("2"));
        fields.put("attendance.minShare", List.of(""));
        fields.put("attendance.windowDays", List.of(""));
        fields.put("attendance.alternateCounts", List.of("true"));
        fields.put("quorum", List.of("2/3"));
        fields.put("decision.strict", List.of("true"));
        fields.put("decision.fraction", List.of("1/2"));
        fields.put("decision.basis", List.of("PRESENT"));
        for (int i = 0; i < changes.length; i += 2) {
            fields.put(changes[i], List.of(changes[i + 1].split("\\|", -1)));
        }
        fields.forEach((name, values) -> form.formParam(name, values.toArray()));
        return form;
    }

    private static String sent() {
        List<String> got = RECEIVED.get("PUT /policy");
        assertTrue(got != null && got.size() == 1, "one PUT reached the API: " + RECEIVED);
        return got.get(0);
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void theTeamReadsEveryRuleOfTheCharterInWordsButMayNotEditIt() {
        given().when().get("/boards/" + FakeApi.BOARD).then().statusCode(200)
                .body(containsString("href=\"/boards/" + FakeApi.BOARD + "/policy\""));
        given().when().get(PAGE).then().statusCode(200)
                .body(containsString("Seat policy of Technical Oversight Committee"))
                .body(containsString("Each Platinum member appoints 1 seat."))
                .body(containsString("Gold members appoint one seat per 5 members (rounded down), at most 3 seats."))
                .body(containsString("2 elected seats."))
                .body(containsString("At most 11 seats in all."))
                .body(containsString("Community seats exist only once 2 tier-appointed seats for Platinum members are filled."))
                .body(containsString("One company group (a company with its parents and subsidiaries) holds at most 1 seat of any kind."))
                .body(containsString("One organisation holds at most 1/3 of the elected and community seats (rounded down)."))
                .body(containsString("A term is at most 24 months."))
                .body(containsString("Every term starts on 1 April."))
                .body(containsString("A holder serves at most 2 terms in a row"))
                .body(containsString("Terms are staggered over 2 cohorts"))
                .body(containsString("A seat held for a partner needs a holder who works for it."))
                .body(containsString("The seat stays with its holder when they change employer"))
                .body(containsString("Voting is suspended after 3 meetings missed in a row, and restored after 2 attended in a row."))
                .body(containsString("Quorum: at least 2/3 of the voting seats present"))
                .body(containsString("A resolution passes with yes votes of more than 1/2 of the voting members present."))
                .body(not(containsString("Edit the rules")));
        given().when().get(PAGE + "/edit").then().statusCode(403);
        theFormAsFilled(withTokenFrom("/partners/new")).when().post(PAGE).then().statusCode(403);
        assertNull(RECEIVED.get("PUT /policy"), "the team's POST never reached the API");
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void theFormIsFilledWithThePolicyAndSavingSendsItWholeWithTheBoardsVersion() {
        given().when().get(PAGE).then().statusCode(200).body(containsString("href=\"" + PAGE + "/edit\""));
        given().when().get(PAGE + "/edit").then().statusCode(200)
                .body(containsString("name=\"etag\" value=\"&quot;7&quot;\""))
                .body(containsString("<option value=\"GOLD\" selected>"))
                .body(containsString("name=\"cap.maxShare\" type=\"text\" value=\"1/3\""))
                .body(containsString("name=\"cap.kinds\" type=\"text\" value=\"ELECTED, COMMUNITY\""))
                .body(containsString("name=\"terms.startsOn\" type=\"text\" value=\"04-01\""))
                .body(containsString("id=\"f-tiers-2-tier\""));
        theFormAsFilled(withTokenFrom(PAGE + "/edit"), "quorum", "3/4")
                .when().post(PAGE).then().statusCode(303).header("Location", endsWith(PAGE + "?notice=saved"));
        String sent = sent();
        assertTrue(sent.startsWith("If-Match=\"7\" "), sent);
        assertTrue(sent.contains("\"tiers\":[{\"tier\":\"PLATINUM\",\"perMember\":1,\"rounding\":\"FLOOR\"},"
                + "{\"tier\":\"GOLD\",\"membersPerSeat\":5,\"rounding\":\"FLOOR\",\"max\":3}]"), sent);
        assertTrue(sent.contains("\"seats\":[{\"kind\":\"ELECTED\",\"count\":2,\"rounding\":\"FLOOR\"}],\"totalSeats\":11"), sent);
        assertTrue(sent.contains("\"activations\":[{\"kind\":\"COMMUNITY\",\"whenKind\":\"TIER_APPOINTED\",\"whenTier\":\"PLATINUM\",\"minFilled\":2}]"), sent);
        assertTrue(sent.contains("\"caps\":[{\"scope\":\"COMPANY_GROUP\",\"maxSeats\":1,\"kinds\":[]},{\"scope\":\"ORGANISATION\","
                + "\"maxShare\":{\"numerator\":1,\"denominator\":3},\"kinds\":[\"ELECTED\",\"COMMUNITY\"]}]"), sent);
        assertTrue(sent.contains("\"terms\":{\"lengthMonths\":24,\"startsOn\":\"--04-01\",\"maxConsecutiveTerms\":2,\"staggerCohorts\":2}"), sent);
        assertTrue(sent.contains("\"seatEndsWhenHolderLeavesEmployer\":false,\"holderMustWorkForPartner\":true"), sent);
        assertTrue(sent.contains("\"attendance\":{\"suspendAfterMissed\":3,\"restoreAfterAttended\":2,\"alternateCounts\":true}"), sent);
        assertTrue(sent.contains("\"quorum\":{\"numerator\":3,\"denominator\":4}"), sent);
        assertTrue(sent.contains("\"decision\":{\"basis\":\"PRESENT\",\"fraction\":{\"numerator\":1,\"denominator\":2},\"strict\":true}"), sent);
        given().when().get(PAGE + "?notice=saved").then().statusCode(200)
                .body(containsString("<p class=\"notice\" role=\"status\">The seat policy is saved"));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void aStaleVersionSaysSoAndKeepsWhatWasTypedWithTheCurrentVersion() {
        String page = theFormAsFilled(withTokenFrom(PAGE + "/edit"), "etag", "\"3\"", "quorum", "3/4", "tier.max", "|4|")
                .when().post(PAGE).then().statusCode(422)
                .body(containsString("The board&#39;s policy changed since you opened this form"))
                .body(containsString("name=\"quorum\" type=\"text\" value=\"3/4\""))
                .body(containsString("name=\"tier.max\" type=\"text\" inputmode=\"numeric\" value=\"4\""))
                .extract().asString();
        assertTrue(page.contains("name=\"etag\" value=\"&quot;7&quot;\""), "submitting again sends the current version");
        assertTrue(sent().startsWith("If-Match=\"3\" "), sent());
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void theEnginesRefusalIsShownAtTheTierRuleItNames() {
        theFormAsFilled(withTokenFrom(PAGE + "/edit"), "tier.perMember", "1|1|")
                .when().post(PAGE).then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-tiers-1\">tier GOLD: set either perMember or membersPerSeat</p>"))
                .body(containsString("id=\"f-tiers-1\" aria-describedby=\"e-tiers-1\""))
                .body(containsString("<a href=\"#f-tiers-1\">tier GOLD: set either perMember or membersPerSeat</a>"));
    }

    @Test
    @TestSecurity(user = "felix", roles = "foundation-staff")
    void aFractionOrDayThatDoesNotParseIsAFieldErrorBeforeAnyCall() {
        theFormAsFilled(withTokenFrom(PAGE + "/edit"), "quorum", "two thirds")
                .when().post(PAGE).then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-quorum\">must be a fraction such as 2/3</p>"))
                .body(containsString("value=\"two thirds\""));
        theFormAsFilled(withTokenFrom(PAGE + "/edit"), "terms.startsOn", "31-04")
                .when().post(PAGE).then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-terms-startsOn\">must be a month and day such as 04-01</p>"));
        assertNull(RECEIVED.get("PUT /policy"), "nothing was sent");
    }

    @Test
    @TestSecurity(user = "pat", roles = "partner")
    void aPartnerUserIsRefusedTheSeatPolicy() {
        given().when().get(PAGE).then().statusCode(403).body(containsString("Not yours to see"))
                .body(not(containsString("Platinum")));
        given().when().get(PAGE + "/edit").then().statusCode(403);
        assertEquals(null, RECEIVED.get("PUT /policy"));
    }
}
