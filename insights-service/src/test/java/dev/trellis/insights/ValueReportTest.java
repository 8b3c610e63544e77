package dev.trellis.insights;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.contracts.advisory.SeatAssigned;
import dev.trellis.contracts.advisory.SeatKind;
import dev.trellis.contracts.event.AttendanceRecorded;
import dev.trellis.contracts.event.SponsorshipConfirmed;
import dev.trellis.contracts.partner.PartnerLifecycleStatus;
import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.contracts.partner.TouchpointLogged;
import dev.trellis.contracts.partner.TouchpointType;
import dev.trellis.insights.domain.TimelineEntry;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A partner's own value report: what it got, from the events of every service; never a score, a note or another partner. */
@QuarkusTest
class ValueReportTest {
    static final UUID A = UUID.fromString(TestTokens.PARTNER_A);

    @Inject
    ObjectMapper json;

    @Test
    void aPartnerReadsWhatItsMembershipGaveItAndNothingOfAnother() throws Exception {
        Events events = new Events(json);
        events.send(Events.PARTNER_TOPIC, PartnerRegistered.TYPE, A, new PartnerRegistered(A, "Acme Cloud", PartnerLifecycleStatus.ACTIVE,
                null, "US", List.of()));
        UUID touchpoint = UUID.randomUUID();
        events.send(Events.PARTNER_TOPIC, TouchpointLogged.TYPE, A, new TouchpointLogged(A, touchpoint, LocalDate.now().minusDays(3),
                TouchpointType.BUSINESS_REVIEW, true, List.of()));
        UUID board = UUID.randomUUID();
        UUID seat = UUID.randomUUID();
        events.send(Events.ADVISORY_TOPIC, SeatAssigned.TYPE, board, new SeatAssigned(board, seat, SeatKind.TIER_APPOINTED,
                UUID.randomUUID(), A, LocalDate.now().minusMonths(2), null));
        UUID event = UUID.randomUUID();
        events.send(Events.EVENT_TOPIC, AttendanceRecorded.TYPE, event, new AttendanceRecorded(event, UUID.randomUUID(),
                UUID.randomUUID(), A, true));
        events.send(Events.EVENT_TOPIC, SponsorshipConfirmed.TYPE, event, new SponsorshipConfirmed(event, UUID.randomUUID(), A,
                "SILVER", "5000", "EUR"));
        Events.await("the touchpoint", () -> TimelineEntry.count("sourceId", touchpoint) == 1);
        Events.await("the seat", () -> dev.trellis.insights.domain.SeatHolding.findById(seat) != null);
        Events.await("the attendance", () -> TimelineEntry.count("partnerId = ?1 and contextId = ?2 and kind = ?3", A, event,
                dev.trellis.insights.domain.TimelineKind.ATTENDED) == 1);
        Events.await("the sponsorship", () -> TimelineEntry.count("partnerId = ?1 and contextId = ?2 and kind = ?3", A, event,
                dev.trellis.insights.domain.TimelineKind.SPONSORED) == 1);

        String body = given().auth().oauth2(TestTokens.partnerA()).get("/api/insights/partners/me/value").then().statusCode(200)
                .body("partnerId", equalTo(A.toString()))
                .body("seats.seatId", org.hamcrest.Matchers.hasItem(seat.toString()))
                .body("touchpoints.type", org.hamcrest.Matchers.hasItem("BUSINESS_REVIEW"))
                .body("sponsorships.level", org.hamcrest.Matchers.hasItem("SILVER"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(Integer.parseInt(given().auth().oauth2(TestTokens.partnerA())
                .get("/api/insights/partners/me/value").then().extract().path("eventsAttended").toString()) >= 1);
        // no score, no reasons, no notes, no summaries
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("score") || body.contains("reason") || body.contains("summary")
                || body.contains("Executive"), body);

        given().auth().oauth2(TestTokens.partnerB()).get("/api/insights/partners/{id}/value", A).then().statusCode(403);
        given().auth().oauth2(TestTokens.partnerA()).get("/api/insights/partners/{id}/value", A).then().statusCode(200);
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/insights/partners/{id}/value", A).then().statusCode(200);
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/insights/partners/me/value").then().statusCode(403);
        given().auth().oauth2(TestTokens.partnerA()).queryParam("from", "2026-02-01").queryParam("to", "2026-01-01")
                .get("/api/insights/partners/me/value").then().statusCode(400).body("errors.field", contains("to"));
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/insights/partners/{id}/value", UUID.randomUUID())
                .then().statusCode(404).body("detail", not(containsString("Exception")));
    }
}
