package dev.trellis.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's pages against a fake API ({@link FakeApi}), without Keycloak: the browser tests in e2e
 * cover sign-in and the real services.
 */
@QuarkusTest
class ConsolePagesTest {

    private static final String PARTNER = "a1a1a1a1-0000-4000-8000-000000000001";

    /** The management interface's root, {@code http://host:port/q/}. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void healthAnswersOnTheManagementPortOnly() {
        for (String path : List.of("/q/health/live", "/q/health/ready", "/q/health/started")) {
            given().when().get(URI.create(management.toString()).resolve(path)).then().statusCode(200)
                    .body("status", equalTo("UP"));
            given().when().get(path).then().statusCode(404);
        }
    }

    @Test
    void everyPageCarriesAStrictContentSecurityPolicy() {
        given().when().get("/signed-out").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void pagesHaveNoInlineScriptOrStyle() {
        String page = given().when().get("/signed-out").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<script src=\"/webjars/htmx.org/dist/htmx.min.js\""), page);
        assertTrue(!page.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*") && !page.contains("<style") && !page.contains(" style="),
                "no inline script or style: " + page);
    }

    @Test
    void htmxIsServedFromTheWebjar() {
        given().when().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void aFormPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        given().formParam("version", "0").formParam("done", "true")
                .when().post("/next-steps/" + UUID.randomUUID()).then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void aPartnersPageShowsEveryPartFromOneCallPerService() {
        FakeApi.OVERVIEW_ASKED.clear();
        given().when().get("/partners/" + PARTNER + "?kind=REGISTRATION").then().statusCode(200)
                .body(containsString("Dmitri Tanaka"))
                .body(containsString("GOLD"))
                .body(containsString("Quarterly review"))
                .body(containsString("Wants a second seat"))
                .body(containsString("No executive touchpoint for 120 days"))
                .body(containsString("Registered for KubeDay"));
        assertEquals(List.of(PARTNER + " affiliations=200 touchpoints=10", "insights " + PARTNER + " days=90 kind=REGISTRATION"),
                FakeApi.OVERVIEW_ASKED);
    }

    @Test
    @TestSecurity(user = "paula", roles = "partner")
    void aPartnerUserGetsTheRefusalPageForTheTeamsPages() {
        given().when().get("/partners/" + PARTNER).then().statusCode(403)
                .body(containsString("Not yours to see")).body(not(containsString("Acme Cloud")));
        given().when().get("/partners/" + PARTNER + "/touchpoints/new").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void anApiRefusalIsShownNextToTheFieldItNamesAndWhatWasTypedIsKept() {
        Response form = given().when().get("/partners/" + PARTNER + "/touchpoints/new");
        form.then().statusCode(200).body(containsString("Dmitri Tanaka"));
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(form.asString());
        assertTrue(token.find(), "the form carries a CSRF token");
        given().cookie("trellis-csrf", form.getCookie("trellis-csrf"))
                .formParam("csrf-token", token.group(1))
                .formParam("occurredOn", "2026-12-01").formParam("type", "CALL").formParam("summary", "Roadmap call")
                .formParam("nextSteps[0].description", "Send the deck").formParam("nextSteps[0].owner", "nobody!")
                .formParam("nextSteps[0].dueOn", "2026-12-08")
                .when().post("/partners/" + PARTNER + "/touchpoints")
                .then().statusCode(422)
                .body(containsString("<p class=\"error\" id=\"e-step-owner\">must be a staff username"))
                .body(containsString("aria-describedby=\"e-step-owner\""))
                .body(containsString("value=\"Roadmap call\""));
    }

    @Test
    @TestSecurity(user = "cora", roles = "community-team")
    void aDateThatDoesNotParseIsAFieldErrorNotA500() {
        Response form = given().when().get("/partners/" + PARTNER + "/touchpoints/new");
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(form.asString());
        assertTrue(token.find());
        given().cookie("trellis-csrf", form.getCookie("trellis-csrf")).formParam("csrf-token", token.group(1))
                .formParam("occurredOn", "yesterday").formParam("summary", "x")
                .when().post("/partners/" + PARTNER + "/touchpoints")
                .then().statusCode(422).body(containsString("id=\"e-occurredOn\""));
    }
}
