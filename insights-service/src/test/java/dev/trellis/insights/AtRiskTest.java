package dev.trellis.insights;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.contracts.advisory.BoardCompositionChanged;
import dev.trellis.contracts.advisory.GroupSeats;
import dev.trellis.contracts.advisory.PartnerEntitlement;
import dev.trellis.contracts.advisory.SeatAssigned;
import dev.trellis.contracts.advisory.SeatKind;
import dev.trellis.contracts.advisory.SeatVacated;
import dev.trellis.contracts.event.AttendanceRecorded;
import dev.trellis.contracts.partner.MembershipChangeKind;
import dev.trellis.contracts.partner.MembershipChanged;
import dev.trellis.contracts.partner.MembershipStatus;
import dev.trellis.contracts.partner.MembershipTerms;
import dev.trellis.contracts.partner.NextStepChanged;
import dev.trellis.contracts.partner.PartnerLifecycleStatus;
import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.contracts.partner.TouchpointLogged;
import dev.trellis.contracts.partner.TouchpointType;
import dev.trellis.insights.domain.PartnerHealth;
import dev.trellis.insights.domain.TimelineEntry;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each health input driven through real Kafka events built from the contracts, read back from the worklist, the
 * health and the timeline.
 */
@QuarkusTest
class AtRiskTest {
    static final LocalDate TODAY = LocalDate.now();

    @Inject
    ObjectMapper json;

    @Test
    void renewalSoonNoExecutiveTouchpointAndAnEmptySeatPutAPartnerAtTheTopWithExactlyThoseReasons() throws Exception {
        Events events = new Events(json);
        String tier = tier();
        UUID atRisk = member(events, tier, TODAY.minusMonths(11), TODAY.plusDays(30), false, "At Risk Corp");
        touchpoint(events, atRisk, TODAY.minusDays(120), true);
        UUID board = UUID.randomUUID();
        UUID seat = UUID.randomUUID();
        events.send(Events.ADVISORY_TOPIC, SeatAssigned.TYPE, board, new SeatAssigned(board, seat, SeatKind.TIER_APPOINTED,
                UUID.randomUUID(), atRisk, TODAY.minusYears(1), null));
        events.send(Events.ADVISORY_TOPIC, SeatVacated.TYPE, board, new SeatVacated(board, seat, SeatKind.TIER_APPOINTED,
                UUID.randomUUID(), atRisk, TODAY.minusYears(1), null, TODAY.minusDays(10)));

        UUID healthy = member(events, tier, TODAY.minusMonths(6), TODAY.plusDays(20), true, "Healthy Corp");
        touchpoint(events, healthy, TODAY.minusDays(10), true);

        Events.await("three reasons for the partner at risk", () -> reasons(atRisk) == 3);
        Events.await("the healthy partner's touchpoint", () -> score(healthy) == 100);

        given().auth().oauth2(TestTokens.communityTeam()).queryParam("tier", tier).get("/api/insights/at-risk")
                .then().statusCode(200)
                .body("items.partnerId", contains(atRisk.toString()))
                .body("items[0].partnerName", equalTo("At Risk Corp"))
                .body("items[0].score", equalTo(100 - 25 - 20 - 15))
                .body("items[0].reasons.code", containsInAnyOrder("renewal-due", "no-executive-touchpoint", "entitled-seat-empty"))
                .body("items[0].reasons.find { it.code == 'no-executive-touchpoint' }.observation",
                        startsWith("no executive touchpoint for 120 days"))
                .body("items[0].nextAction", equalTo("Confirm the renewal with the partner's primary contact"))
                .body("items[0].renewalOn", equalTo(TODAY.plusDays(30).toString()));

        // The renewal window filters: a renewal in 30 days is within P60D, not within P20D.
        given().auth().oauth2(TestTokens.foundationStaff()).queryParam("tier", tier).queryParam("renewal-within", "P20D")
                .get("/api/insights/at-risk").then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(TestTokens.foundationStaff()).queryParam("tier", tier).queryParam("renewal-within", "P60D")
                .get("/api/insights/at-risk").then().statusCode(200).body("items.partnerId", contains(atRisk.toString()));

        given().auth().oauth2(TestTokens.communityTeam()).get("/api/insights/partners/{id}/health", atRisk)
                .then().statusCode(200).body("score", equalTo(40)).body("trend.day", contains(TODAY.toString()))
                .body("reasons.action", hasItems("Book an executive business review", "Ask the partner to appoint a representative to the board"));

        given().auth().oauth2(TestTokens.communityTeam()).get("/api/insights/partners/{id}/timeline", atRisk)
                .then().statusCode(200)
                .body("items.kind", hasItems("MEMBERSHIP", "TOUCHPOINT", "SEAT_ASSIGNED", "SEAT_VACATED"))
                .body("items.find { it.kind == 'SEAT_VACATED' }.source.href",
                        org.hamcrest.Matchers.endsWith(":" + io.restassured.RestAssured.port + "/api/boards/" + board + "/seats/" + seat));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("kind", "TOUCHPOINT")
                .get("/api/insights/partners/{id}/timeline", atRisk)
                .then().statusCode(200).body("items.kind", contains("TOUCHPOINT")).body("items[0].executive", equalTo(true));
        // The partner page's one call: the same health and the timeline's first page.
        given().auth().oauth2(TestTokens.foundationStaff()).queryParam("kind", "TOUCHPOINT").queryParam("limit", 1)
                .get("/api/insights/partners/{id}/overview", atRisk)
                .then().statusCode(200).body("health.score", equalTo(40)).body("health.trend.day", contains(TODAY.toString()))
                .body("timeline.items.kind", contains("TOUCHPOINT")).body("timeline.items[0].executive", equalTo(true));
    }

    @Test
    void renewalIn30DaysNoExecutiveTouchpointFor120DaysAndAnEntitledSeatNeverFilledPutAMemberAtTheTop() throws Exception {
        Events events = new Events(json);
        String tier = tier();
        UUID neverSeated = member(events, tier, TODAY.minusMonths(11), TODAY.plusDays(30), false, "Never Seated Corp");
        touchpoint(events, neverSeated, TODAY.minusDays(120), true);
        UUID seated = member(events, tier, TODAY.minusMonths(6), TODAY.plusDays(20), true, "Seated Corp");
        touchpoint(events, seated, TODAY.minusDays(10), true);
        // advisory-service: the board's policy gives each member of the tier a seat; one holds it, the other never did
        UUID board = UUID.randomUUID();
        events.send(Events.ADVISORY_TOPIC, BoardCompositionChanged.TYPE, board, new BoardCompositionChanged(board,
                "Governing Board " + tier, TODAY, 1, List.of(new GroupSeats(seated, 1, 1)), List.of(
                        new PartnerEntitlement(seated, tier, 1, 1), new PartnerEntitlement(neverSeated, tier, 1, 0))));

        // the three topics are read independently: wait for the touchpoint too, not only for three reasons
        Events.await("three reasons for the member that never filled its seat", () -> reasons(neverSeated) == 3
                && reasonCodes(neverSeated).contains("no executive touchpoint for 120 days"));
        Events.await("the seated member's touchpoint", () -> score(seated) == 100);

        given().auth().oauth2(TestTokens.communityTeam()).queryParam("tier", tier).get("/api/insights/at-risk")
                .then().statusCode(200)
                .body("items.partnerId", contains(neverSeated.toString()))
                .body("items[0].score", equalTo(100 - 25 - 20 - 15))
                .body("items[0].reasons.code", contains("renewal-due", "no-executive-touchpoint", "entitled-seat-empty"))
                .body("items[0].reasons[0].observation", startsWith("renewal in 30 days"))
                .body("items[0].reasons[1].observation", startsWith("no executive touchpoint for 120 days"))
                .body("items[0].reasons[2].observation", equalTo("the entitled seat on Governing Board " + tier + " has never been filled"))
                .body("items[0].reasons[2].action", equalTo("Ask the partner to appoint a representative to Governing Board " + tier));

        // The member appoints its representative: the next composition says the seat is filled, and the reason goes.
        events.send(Events.ADVISORY_TOPIC, BoardCompositionChanged.TYPE, board, new BoardCompositionChanged(board,
                "Governing Board " + tier, TODAY, 2, List.of(new GroupSeats(seated, 1, 1), new GroupSeats(neverSeated, 1, 1)),
                List.of(new PartnerEntitlement(seated, tier, 1, 1), new PartnerEntitlement(neverSeated, tier, 1, 1))));
        Events.await("the seat filled", () -> reasons(neverSeated) == 2);
    }

    @Test
    void aCompositionFromBeforeEntitlementsWereCarriedLeavesTheSeatRuleAsItWas() throws Exception {
        Events events = new Events(json);
        UUID partner = member(events, tier(), TODAY.minusMonths(2), TODAY.plusYears(1), true, "Old Events Corp");
        touchpoint(events, partner, TODAY.minusDays(5), true);
        UUID board = UUID.randomUUID();
        UUID seat = UUID.randomUUID();
        // an advisory-service from before entitlements: a composition without them (null), then the seat vacated
        events.send(Events.ADVISORY_TOPIC, BoardCompositionChanged.TYPE, board, new BoardCompositionChanged(board, "Old Board",
                TODAY, 1, List.of(new GroupSeats(partner, 1, null))));
        events.send(Events.ADVISORY_TOPIC, SeatAssigned.TYPE, board, new SeatAssigned(board, seat, SeatKind.TIER_APPOINTED,
                UUID.randomUUID(), partner, TODAY.minusYears(1), null));
        events.send(Events.ADVISORY_TOPIC, SeatVacated.TYPE, board, new SeatVacated(board, seat, SeatKind.TIER_APPOINTED,
                UUID.randomUUID(), partner, TODAY.minusYears(1), null, TODAY.minusDays(3)));
        Events.await("the emptied seat's reason", () -> reasonCodes(partner).contains("the entitled seat on Old Board is empty since "
                + TODAY.minusDays(3)));
    }

    @Test
    void anOverdueNextStepCostsHealthUntilItIsDone() throws Exception {
        Events events = new Events(json);
        UUID partner = member(events, tier(), TODAY.minusMonths(2), TODAY.plusYears(1), true, "Follow-up Corp");
        touchpoint(events, partner, TODAY.minusDays(5), true);
        UUID step = UUID.randomUUID();
        UUID touchpoint = UUID.randomUUID();
        events.send(Events.PARTNER_TOPIC, NextStepChanged.TYPE, partner,
                new NextStepChanged(partner, step, touchpoint, TODAY.minusDays(2), false, null));
        Events.await("the overdue step's reason", () -> reasonCodes(partner).contains("overdue-next-steps"));
        events.send(Events.PARTNER_TOPIC, NextStepChanged.TYPE, partner,
                new NextStepChanged(partner, step, touchpoint, TODAY.minusDays(2), true, java.time.Instant.now()));
        Events.await("the reason gone once the step is done", () -> score(partner) == 100);
    }

    private static String reasonCodes(UUID partner) {
        PartnerHealth h = PartnerHealth.findById(partner);
        return h == null ? "" : h.reasons;
    }

    @Test
    void aRedeliveredEventAddsNoSecondLine() throws Exception {
        Events events = new Events(json);
        UUID partner = member(events, tier(), TODAY.minusMonths(2), TODAY.plusYears(1), true, "Redelivered");
        String id = UUID.randomUUID().toString();
        TouchpointLogged t = new TouchpointLogged(partner, UUID.randomUUID(), TODAY, TouchpointType.MEETING, false, List.of());
        events.send(Events.PARTNER_TOPIC, id, TouchpointLogged.TYPE, partner, t);
        events.send(Events.PARTNER_TOPIC, id, TouchpointLogged.TYPE, partner, t);
        events.send(Events.EVENT_TOPIC, AttendanceRecorded.TYPE, partner,
                new AttendanceRecorded(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), partner, true));
        Events.await("the attendance after the touchpoint", () -> TimelineEntry.count("partnerId = ?1 and kind = ?2", partner,
                dev.trellis.insights.domain.TimelineKind.ATTENDED) == 1);
        Events.await("one touchpoint line", () -> TimelineEntry.count("partnerId = ?1 and kind = ?2", partner,
                dev.trellis.insights.domain.TimelineKind.TOUCHPOINT) == 1);
    }

    @Test
    void partnersSeeNoInsightsAndBadParametersAre400s() {
        UUID any = UUID.randomUUID();
        given().auth().oauth2(TestTokens.partnerA()).get("/api/insights/at-risk").then().statusCode(403);
        given().auth().oauth2(TestTokens.partnerA()).get("/api/insights/partners/{id}/timeline", TestTokens.PARTNER_A).then().statusCode(403);
        given().auth().oauth2(TestTokens.partnerA()).get("/api/insights/partners/{id}/health", TestTokens.PARTNER_A).then().statusCode(403);
        given().get("/api/insights/at-risk").then().statusCode(401);
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("renewal-within", "soon").get("/api/insights/at-risk")
                .then().statusCode(400).body("errors.field", contains("renewal-within"));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("kind", "GOSSIP").get("/api/insights/partners/{id}/timeline", any)
                .then().statusCode(400).body("errors.field", contains("kind"));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("from", "+999999999-12-31")
                .get("/api/insights/partners/{id}/timeline", any).then().statusCode(400).body("errors.field", contains("from"));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("cursor", "garbage").get("/api/insights/at-risk")
                .then().statusCode(400);
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/insights/partners/{id}/health", any).then().statusCode(404);
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/insights/partners/{id}/overview", any).then().statusCode(200)
                .body("health", org.hamcrest.Matchers.nullValue()).body("timeline.items.size()", equalTo(0));
        given().auth().oauth2(TestTokens.partnerA()).get("/api/insights/partners/{id}/overview", TestTokens.PARTNER_A).then().statusCode(403);
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("kind", "GOSSIP").get("/api/insights/partners/{id}/overview", any)
                .then().statusCode(400).body("errors.field", contains("kind"));
    }

    private static String tier() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private static UUID member(Events events, String tier, LocalDate start, LocalDate end, boolean autoRenew, String name)
            throws Exception {
        UUID partner = UUID.randomUUID();
        events.send(Events.PARTNER_TOPIC, PartnerRegistered.TYPE, partner,
                new PartnerRegistered(partner, name, PartnerLifecycleStatus.ACTIVE, null, "DE", List.of()));
        MembershipTerms terms = new MembershipTerms(tier, null, null, start, end, autoRenew, 30);
        events.send(Events.PARTNER_TOPIC, MembershipChanged.TYPE, partner, new MembershipChanged(partner, UUID.randomUUID(), tier,
                MembershipStatus.CURRENT, start, end, 30, autoRenew, start, MembershipChangeKind.STARTED, terms));
        return partner;
    }

    private static void touchpoint(Events events, UUID partner, LocalDate on, boolean executive) throws Exception {
        events.send(Events.PARTNER_TOPIC, TouchpointLogged.TYPE, partner,
                new TouchpointLogged(partner, UUID.randomUUID(), on, TouchpointType.MEETING, executive, List.of(UUID.randomUUID())));
    }

    private static int reasons(UUID partner) {
        PartnerHealth h = PartnerHealth.findById(partner);
        return h == null ? -1 : h.reasons.split("\"code\"").length - 1;
    }

    private static int score(UUID partner) {
        PartnerHealth h = PartnerHealth.findById(partner);
        return h == null ? -1 : h.score;
    }
}
