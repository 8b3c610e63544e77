package dev.trellis.partner;

import static dev.trellis.partner.ContactFixtures.A;
import static dev.trellis.partner.ContactFixtures.B;
import static dev.trellis.partner.ContactFixtures.affiliate;
import static dev.trellis.partner.ContactFixtures.contact;
import static dev.trellis.partner.TouchpointFixtures.log;
import static dev.trellis.partner.TouchpointFixtures.touchpoint;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A touchpoint's contact attendees are people of the touchpoint's partner on the touchpoint's day: someone
 * of another partner is a 422 naming the attendee, an unknown id a 400 naming it (as an erased one is).
 */
@QuarkusTest
class TouchpointAttendeeRulesTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    PartnerService partners;

    @BeforeEach
    void partners() {
        ContactFixtures.partners(partners);
    }

    private static RequestSpecification team() {
        return given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON);
    }

    private static UUID personOf(String partner, String since) {
        String id = contact("Attendee", "Of" + UUID.randomUUID().toString().substring(0, 6));
        affiliate(id, partner, "DEVELOPER", since);
        return UUID.fromString(id);
    }

    @Test
    void anAttendeeOfAnotherPartnerIsRefusedWith422NamingTheAttendee() {
        UUID ours = personOf(A, "2024-01-01");
        UUID theirs = personOf(B, "2024-01-01");
        team().body(touchpoint(TODAY.minusDays(2), "CALL", List.of(ours, theirs)))
                .post("/api/partners/" + A + "/touchpoints").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/attendee-not-affiliated"))
                .body("rules", hasSize(1))
                .body("rules[0].rule", equalTo("attendee-not-affiliated"))
                .body("rules[0].detail", containsString("attendeeContactIds[1]"));
        // The same people are fine at their own partners.
        log(TestTokens.communityTeam(), B, touchpoint(TODAY.minusDays(2), "CALL", List.of(theirs)));
    }

    @Test
    void anAttendeeWhoJoinedAfterTheTouchpointDayIsRefused() {
        UUID newcomer = personOf(A, TODAY.minusDays(5).toString());
        team().body(touchpoint(TODAY.minusDays(6), "CALL", List.of(newcomer)))
                .post("/api/partners/" + A + "/touchpoints").then().statusCode(422)
                .body("rules[0].detail", containsString("attendeeContactIds[0]"));
        log(TestTokens.communityTeam(), A, touchpoint(TODAY.minusDays(5), "CALL", List.of(newcomer)));
    }

    @Test
    void anUnknownAttendeeIsA400NamingItLikeAnErasedOne() {
        UUID ours = personOf(A, "2024-01-01");
        team().body(touchpoint(TODAY.minusDays(1), "CALL", List.of(ours, UUID.randomUUID())))
                .post("/api/partners/" + A + "/touchpoints").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("attendeeContactIds[1]"));
    }

    @Test
    void aPatchMayNotAddAnAttendeeOfAnotherPartnerNorMoveTheDateOutsideTheirAffiliation() {
        UUID ours = personOf(A, TODAY.minusDays(10).toString());
        UUID theirs = personOf(B, "2024-01-01");
        String id = log(TestTokens.communityTeam(), A, touchpoint(TODAY.minusDays(3), "CALL", List.of(ours)))
                .getString("id");
        team().header("If-Match", "*").body(Map.of("attendeeContactIds", List.of(ours, theirs)))
                .patch("/api/touchpoints/" + id).then().statusCode(422)
                .body("rules[0].detail", containsString("attendeeContactIds[1]"));
        team().header("If-Match", "*").body(Map.of("occurredOn", TODAY.minusDays(20).toString()))
                .patch("/api/touchpoints/" + id).then().statusCode(422)
                .body("rules[0].detail", containsString("attendeeContactIds[0]"));
        team().header("If-Match", "*").body(Map.of("attendeeContactIds", List.of(UUID.randomUUID())))
                .patch("/api/touchpoints/" + id).then().statusCode(400)
                .body("errors.field", contains("attendeeContactIds[0]"));
        team().get("/api/touchpoints/" + id).then().statusCode(200)
                .body("attendeeContactIds", contains(ours.toString()))
                .body("occurredOn", equalTo(TODAY.minusDays(3).toString()));
    }
}
