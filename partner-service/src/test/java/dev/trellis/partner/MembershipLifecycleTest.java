package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.trellis.contracts.partner.PartnerLapsed;
import dev.trellis.contracts.partner.PartnerReactivated;
import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.domain.MembershipRules;
import dev.trellis.partner.service.MembershipStatusSweep;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The partner's lifecycle follows its membership (README, "Lifecycle follows membership"), and a
 * membership's status is right whenever it is read, without waiting for the sweep.
 */
@QuarkusTest
class MembershipLifecycleTest {
    @Inject
    PartnerService partners;
    @Inject
    MembershipStatusSweep sweep;
    @Inject
    EntityManager em;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    private UUID partner(LifecycleStatus status) {
        UUID id = UUID.randomUUID();
        partners.registerIfAbsent(id, "Lifecycle " + id, null, "DE", status);
        return id;
    }

    private static RequestSpecification staff() {
        return given().auth().oauth2(TestTokens.foundationStaff()).contentType("application/json");
    }

    private static String url(UUID partner) {
        return "/api/partners/" + partner + "/membership";
    }

    private static Map<String, Object> terms(LocalDate start, LocalDate end, boolean autoRenew, int graceDays) {
        Map<String, Object> body = new HashMap<>();
        body.put("tier", "GOLD");
        body.put("termStart", start.toString());
        body.put("termEnd", end.toString());
        body.put("autoRenew", autoRenew);
        body.put("graceDays", graceDays);
        return body;
    }

    private static String start(UUID partner, LocalDate start, LocalDate end, boolean autoRenew, int graceDays) {
        return staff().body(terms(start, end, autoRenew, graceDays)).put(url(partner))
                .then().statusCode(201).extract().header("ETag");
    }

    private static String lifecycle(UUID partner) {
        return staff().get("/api/partners/" + partner).then().statusCode(200).extract().path("lifecycleStatus");
    }

    private List<Object[]> lapses(UUID partner) {
        return OutboxRows.about(em, PartnerLapsed.TYPE, "partnerId", partner.toString());
    }

    private List<Object[]> reactivations(UUID partner) {
        return OutboxRows.about(em, PartnerReactivated.TYPE, "partnerId", partner.toString());
    }

    // ---- lifecycle follows membership

    @Test
    void aPartnerLapsesInTheSweepOnceItsMembershipsGraceIsOver() {
        UUID partner = partner(LifecycleStatus.ACTIVE);
        LocalDate end = today.minusDays(1);
        start(partner, today.minusYears(1), end, false, 30);
        sweep.sweep(today);
        Assertions.assertEquals("ACTIVE", lifecycle(partner), "grace is still membership");
        Assertions.assertEquals(0, lapses(partner).size());

        sweep.sweep(end.plusDays(31));
        Assertions.assertEquals("LAPSED", lifecycle(partner));
        List<Object[]> lapsed = lapses(partner);
        Assertions.assertEquals(1, lapsed.size());
        Assertions.assertEquals(partner.toString(), lapsed.get(0)[0], "keyed by the partner");
        String data = (String) lapsed.get(0)[2];
        Assertions.assertTrue(data.contains("\"previousStatus\":\"ACTIVE\"")
                && data.contains("\"effectiveDate\":\"" + end.plusDays(31) + "\""), data);

        sweep.sweep(end.plusDays(40));
        Assertions.assertEquals(1, lapses(partner).size(), "lapsed once");
    }

    @Test
    void endingAMembershipLapsesThePartnerTheDayAfterItsLastDay() {
        UUID partner = partner(LifecycleStatus.ACTIVE);
        String etag = start(partner, today.minusMonths(6), today.plusMonths(6), false, 30);
        staff().header("If-Match", etag).body(Map.of("endDate", today.toString())).post(url(partner) + "/end")
                .then().statusCode(200);
        Assertions.assertEquals("ACTIVE", lifecycle(partner), "a member until the end of the last day");
        sweep.sweep(today.plusDays(1));
        Assertions.assertEquals("LAPSED", lifecycle(partner));
        String data = (String) lapses(partner).get(0)[2];
        Assertions.assertTrue(data.contains("\"effectiveDate\":\"" + today.plusDays(1) + "\""), data);
    }

    @Test
    void endingAMembershipOnADayAlreadyPastLapsesThePartnerAtOnce() {
        UUID partner = partner(LifecycleStatus.ACTIVE);
        String etag = start(partner, today.minusMonths(6), today.plusMonths(6), false, 30);
        staff().header("If-Match", etag).body(Map.of("endDate", today.minusDays(1).toString())).post(url(partner) + "/end")
                .then().statusCode(200).body("status", equalTo("EXPIRED"));
        Assertions.assertEquals("LAPSED", lifecycle(partner));
        Assertions.assertEquals(1, lapses(partner).size());
    }

    @Test
    void aNewMembershipReactivatesALapsedPartner() {
        UUID partner = partner(LifecycleStatus.ACTIVE);
        String etag = start(partner, today.minusYears(2), today.minusYears(1), false, 30);
        Assertions.assertEquals("LAPSED", lifecycle(partner), "recorded after it had expired");
        staff().header("If-Match", etag).body(terms(today, today.plusYears(1).minusDays(1), false, 30)).put(url(partner))
                .then().statusCode(200).body("status", equalTo("NEW"));
        Assertions.assertEquals("ACTIVE", lifecycle(partner));
        List<Object[]> reactivated = reactivations(partner);
        Assertions.assertEquals(1, reactivated.size());
        String data = (String) reactivated.get(0)[2];
        Assertions.assertTrue(data.contains("\"previousStatus\":\"LAPSED\"")
                && data.contains("\"effectiveDate\":\"" + today + "\""), data);
    }

    @Test
    void aRenewalAfterExpiryReactivatesTheLapsedPartner() {
        UUID partner = partner(LifecycleStatus.ACTIVE);
        String etag = start(partner, today.minusYears(2), today.minusDays(60), false, 30);
        Assertions.assertEquals("LAPSED", lifecycle(partner));
        staff().header("If-Match", etag).body(Map.of("months", 12)).post(url(partner) + "/renewals")
                .then().statusCode(200).body("status", equalTo("NEW"));
        Assertions.assertEquals("ACTIVE", lifecycle(partner));
        Assertions.assertEquals(1, reactivations(partner).size());
    }

    @Test
    void aFutureMembershipReactivatesThePartnerWhenTheSweepReachesItsFirstDay() {
        UUID partner = partner(LifecycleStatus.ACTIVE);
        String etag = start(partner, today.minusYears(2), today.minusYears(1), false, 30);
        LocalDate first = today.plusDays(10);
        staff().header("If-Match", etag).body(terms(first, first.plusYears(1), false, 30)).put(url(partner))
                .then().statusCode(200).body("status", equalTo("PENDING"));
        Assertions.assertEquals("LAPSED", lifecycle(partner));
        sweep.sweep(first);
        Assertions.assertEquals("ACTIVE", lifecycle(partner));
        Assertions.assertTrue(((String) reactivations(partner).get(0)[2]).contains("\"effectiveDate\":\"" + first + "\""));
    }

    @Test
    void aProspectBecomesActiveWhenItsFirstMembershipStarts() {
        UUID partner = partner(LifecycleStatus.PROSPECT);
        start(partner, today, today.plusYears(1), false, 30);
        Assertions.assertEquals("ACTIVE", lifecycle(partner));
    }

    @Test
    void aManualLapseOfAMemberStandsUntilTheMembershipMoves() {
        UUID partner = partner(LifecycleStatus.ACTIVE);
        start(partner, today.minusMonths(1), today.plusMonths(11), false, 30);
        String etag = staff().get("/api/partners/" + partner).then().extract().header("ETag");
        staff().header("If-Match", etag).body(Map.of("status", "LAPSED", "reason", "unpaid invoice"))
                .post("/api/partners/" + partner + "/lifecycle-changes").then().statusCode(200);
        sweep.sweep(today);
        Assertions.assertEquals("LAPSED", lifecycle(partner));
    }

    @Test
    void anAutoRenewingMemberNeverLapses() {
        UUID partner = partner(LifecycleStatus.ACTIVE);
        start(partner, today.minusYears(1), today.minusDays(1), true, 30);
        sweep.sweep(today.plusDays(60));
        Assertions.assertEquals("ACTIVE", lifecycle(partner));
        Assertions.assertEquals(0, lapses(partner).size());
    }

    // ---- status when read

    @Test
    void anAutoRenewingMembershipReadsCurrentInItsNextTermWithoutWaitingForTheSweep() {
        UUID partner = partner(LifecycleStatus.ACTIVE);
        LocalDate end = today.minusDays(1);
        start(partner, today.minusYears(1), end, true, 30);
        staff().get(url(partner)).then().statusCode(200).body("status", equalTo("CURRENT"))
                .body("termEnd", equalTo(MembershipRules.extend(end, 12).toString()));
        staff().queryParam("on", end.plusYears(2).plusDays(1).toString()).get(url(partner)).then().statusCode(200)
                .body("status", equalTo("CURRENT"))
                .body("termEnd", equalTo(MembershipRules.extend(end, 36).toString()));
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("membershipStatus", "GRACE")
                .queryParam("q", partner.toString().substring(0, 8)).get("/api/partners").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(partner.toString())));
    }
}
