package dev.trellis.event;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every route and method against every kind of caller. Published events, user groups and feeds are public;
 * everything else needs a role. Foundation staff read registrations and sponsorships but change nothing; a
 * partner user registers its own contacts and sees its own company's registrations and sponsorships
 * (another company's are 404, as if they did not exist).
 */
@QuarkusTest
class AccessRulesTest {
    private static final UUID PARTNER_A = UUID.fromString(TestTokens.PARTNER_A);
    private static final String[] CALLERS = {"anonymous", "community-team", "foundation-staff", "partner A", "partner B"};

    private record Route(String method, Supplier<String> path, String contentType, Supplier<String> body, int... expected) {
    }

    private UUID event;
    private UUID draft;
    private UUID group;
    private UUID contactA;
    private String registrationA;
    private String sponsorshipA;

    @BeforeEach
    void fixtures() {
        ReadModel.partner(PARTNER_A, "Acme Cloud", "ACTIVE", "acme-cloud.test");
        ReadModel.member(PARTNER_A); // a sponsorship of A can be confirmed
        contactA = ReadModel.contactOf(PARTNER_A, "ada@acme-cloud.test");
        group = UserGroupTest.group("Access " + UUID.randomUUID());
        // Starts within the day, so check-in is open.
        event = Fixtures.publishedEvent(1000, java.time.Instant.now().plus(2, java.time.temporal.ChronoUnit.HOURS));
        draft = Fixtures.draftEvent(10, java.time.Instant.now().plusSeconds(86_400), null);
        registrationA = registerContactA();
        sponsorshipA = proposeSponsorship();
    }

    @Test
    void everyRouteAnswersEachCallerAsTheRulesSay() {
        String json = ContentType.JSON.toString();
        String patch = "application/merge-patch+json";
        String newEvent = "{\"kind\":\"WEBINAR\",\"title\":\"T\",\"startsAt\":\"2027-09-01T10:00:00Z\","
                + "\"endsAt\":\"2027-09-01T11:00:00Z\",\"timeZone\":\"UTC\"}";
        List<Route> routes = List.of(
                //                                                                             anon team staff A    B
                new Route("GET", () -> "/api/events", null, null, 200, 200, 200, 200, 200),
                new Route("POST", () -> "/api/events", json, () -> newEvent, 401, 201, 403, 403, 403),
                new Route("GET", () -> "/api/events/" + event, null, null, 200, 200, 200, 200, 200),
                new Route("GET", () -> "/api/events/" + draft, null, null, 404, 200, 404, 404, 404),
                new Route("PATCH", () -> "/api/events/" + event, patch, () -> "{\"capacity\":1000}", 401, 200, 403, 403, 403),
                new Route("POST", () -> "/api/events/" + Fixtures.publishedEvent(5) + "/status-changes", json,
                        () -> "{\"status\":\"CANCELLED\"}", 401, 200, 403, 403, 403),
                new Route("GET", () -> "/api/events/" + event + "/calendar.ics", null, null, 200, 200, 200, 200, 200),
                new Route("POST", () -> "/api/events/" + Fixtures.publishedEvent(5) + "/registrations", json,
                        () -> "{\"contactId\":\"" + contactA + "\",\"name\":\"Ada\",\"email\":\"ada@acme-cloud.test\"}",
                        401, 201, 403, 201, 403),
                new Route("GET", () -> "/api/events/" + event + "/registrations", null, null, 401, 200, 200, 200, 200),
                new Route("GET", () -> "/api/events/" + event + "/registrations/" + registrationA, null, null,
                        401, 200, 200, 200, 404),
                new Route("DELETE", () -> "/api/events/" + event + "/registrations/" + registerContactA(), null, null,
                        401, 200, 403, 200, 404),
                new Route("POST", () -> "/api/events/" + event + "/check-ins", json,
                        () -> "{\"registrationId\":\"" + registerContactA() + "\"}", 401, 200, 403, 403, 403),
                new Route("POST", () -> "/api/events/" + event + "/check-ins", "text/csv",
                        () -> "email\nnobody@example.org\n", 401, 200, 403, 403, 403),
                new Route("DELETE", () -> "/api/events/" + event + "/check-ins/" + checkedInContactA(), null, null,
                        401, 200, 403, 403, 403),
                new Route("GET", () -> "/api/events/" + event + "/sponsorships", null, null, 401, 200, 200, 200, 200),
                new Route("POST", () -> "/api/events/" + event + "/sponsorships", json,
                        () -> "{\"partnerId\":\"" + PARTNER_A + "\",\"level\":\"GOLD\",\"amount\":1000,\"currency\":\"EUR\"}",
                        401, 201, 403, 403, 403),
                new Route("GET", () -> "/api/events/" + event + "/sponsorships/" + sponsorshipA, null, null,
                        401, 200, 200, 200, 404),
                new Route("POST", () -> "/api/events/" + event + "/sponsorships/" + proposeSponsorship() + "/confirmation",
                        json, () -> "", 401, 200, 403, 403, 403),
                new Route("DELETE", () -> "/api/events/" + event + "/sponsorships/" + proposeSponsorship(), null, null,
                        401, 200, 403, 403, 403),
                new Route("GET", () -> "/api/user-groups", null, null, 200, 200, 200, 200, 200),
                new Route("POST", () -> "/api/user-groups", json,
                        () -> "{\"name\":\"G\",\"city\":\"Oslo\",\"country\":\"NO\"}", 401, 201, 403, 403, 403),
                new Route("GET", () -> "/api/user-groups/" + group, null, null, 200, 200, 200, 200, 200),
                new Route("PATCH", () -> "/api/user-groups/" + group, patch, () -> "{\"city\":\"Oslo\"}", 401, 200, 403, 403, 403),
                new Route("GET", () -> "/api/user-groups/" + group + "/calendar.ics", null, null, 200, 200, 200, 200, 200),
                new Route("GET", () -> "/api/calendar/events.ics", null, null, 200, 200, 200, 200, 200));

        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            for (int c = 0; c < CALLERS.length; c++) {
                RequestSpecification request = as(c).header("If-Match", "*");
                if (route.contentType() != null) {
                    request.contentType(route.contentType()).body(route.body().get());
                }
                String path = route.path().get();
                int status = request.request(route.method(), path).statusCode();
                if (status != route.expected()[c]) {
                    wrong.add(route.method() + " " + path + " as " + CALLERS[c] + ": " + status + ", expected "
                            + route.expected()[c]);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** A partner token whose partner_id is not a UUID links to no organisation: it sees no partner's data. */
    @Test
    void aPartnerTokenWithAMalformedClaimSeesNothingOfAnyPartner() {
        String token = TestTokens.token("mallory", List.of("partner"), "not-a-uuid");
        given().auth().oauth2(token).get("/api/events/{id}/registrations", event).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(0));
        given().auth().oauth2(token).get("/api/events/{id}/registrations/{r}", event, registrationA).then().statusCode(404);
        given().auth().oauth2(token).delete("/api/events/{id}/registrations/{r}", event, registrationA).then().statusCode(404);
        given().auth().oauth2(token).get("/api/events/{id}/sponsorships", event).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(0));
        given().auth().oauth2(token).get("/api/events/{id}/sponsorships/{s}", event, sponsorshipA).then().statusCode(404);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + contactA + "\",\"name\":\"Ada\",\"email\":\"" + Fixtures.email() + "\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(403)
                .body("type", org.hamcrest.Matchers.endsWith("own-contacts-only"));
    }

    private static RequestSpecification as(int caller) {
        return switch (caller) {
            case 0 -> given();
            case 1 -> given().auth().oauth2(TestTokens.communityTeam());
            case 2 -> given().auth().oauth2(TestTokens.foundationStaff());
            case 3 -> given().auth().oauth2(TestTokens.partnerA());
            default -> given().auth().oauth2(TestTokens.partnerB());
        };
    }

    /** A registration of a new contact of A (a contact is registered once per event). */
    private String registerContactA() {
        return given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + ReadModel.contactOf(PARTNER_A) + "\",\"name\":\"Ada\",\"email\":\""
                        + Fixtures.email() + "\"}")
                .post("/api/events/{id}/registrations", event).then().statusCode(201).extract().path("id");
    }

    private String checkedInContactA() {
        String id = registerContactA();
        given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body("{\"registrationId\":\"" + id + "\"}").post("/api/events/{id}/check-ins", event).then().statusCode(200);
        return id;
    }

    private String proposeSponsorship() {
        return given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body("{\"partnerId\":\"" + PARTNER_A + "\",\"level\":\"SILVER\",\"amount\":500,\"currency\":\"USD\"}")
                .post("/api/events/{id}/sponsorships", event).then().statusCode(201).extract().path("id");
    }
}
