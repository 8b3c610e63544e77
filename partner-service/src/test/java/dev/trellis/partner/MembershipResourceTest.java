package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.trellis.partner.demo.DemoData;
import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.service.MembershipStatusSweep;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MembershipResourceTest {
    private static final String TYPE = "dev.trellis.partner.membership-changed.v1";
    private static final String TOPIC = "test.partner-service.trellis.partner.events";

    @Inject
    PartnerService partners;
    @Inject
    MembershipStatusSweep sweep;
    @Inject
    EntityManager em;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void demoPartners() {
        partners.registerIfAbsent(DemoData.ACME_CLOUD, "Acme Cloud", null, "US", LifecycleStatus.ACTIVE);
        partners.registerIfAbsent(DemoData.BOREALIS_SYSTEMS, "Borealis Systems", null, "FI", LifecycleStatus.ACTIVE);
    }

    // ---- helpers

    private UUID newPartner() {
        UUID id = UUID.randomUUID();
        partners.registerIfAbsent(id, "Member " + id, null, "DE", LifecycleStatus.ACTIVE);
        return id;
    }

    private static String url(Object partnerId) {
        return "/api/partners/" + partnerId + "/membership";
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    private static RequestSpecification staff() {
        return as(TestTokens.foundationStaff());
    }

    private static Map<String, Object> start(String tier, LocalDate termStart, LocalDate termEnd, boolean autoRenew,
            Integer graceDays) {
        Map<String, Object> body = new HashMap<>();
        body.put("tier", tier);
        body.put("termStart", termStart.toString());
        body.put("termEnd", termEnd.toString());
        body.put("autoRenew", autoRenew);
        body.put("graceDays", graceDays);
        return body;
    }

    /** Starts a membership and answers its ETag. */
    private String started(UUID partner, String tier, LocalDate termStart, LocalDate termEnd, boolean autoRenew,
            Integer graceDays) {
        return staff().body(start(tier, termStart, termEnd, autoRenew, graceDays)).put(url(partner))
                .then().statusCode(201).extract().header("ETag");
    }

    private static String etag(UUID partner) {
        return staff().get(url(partner)).then().statusCode(200).extract().header("ETag");
    }

    /** The membership events of a partner, oldest first, as [kind, topic] pairs. */
    @SuppressWarnings("unchecked")
    private List<String> events(UUID partner) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select topic, cast(data as text) from outbox_event where aggregate_id = :id and type = :type order by seq")
                .setParameter("id", partner.toString()).setParameter("type", TYPE).getResultList());
        List<String> kinds = new ArrayList<>();
        for (Object[] row : rows) {
            Assertions.assertEquals(TOPIC, row[0]);
            String data = (String) row[1];
            Assertions.assertTrue(data.contains("\"partnerId\":\"" + partner + "\""), data);
            kinds.add(data.replaceAll(".*\"change\":\"([A-Z_]+)\".*", "$1"));
        }
        return kinds;
    }

    private String lastEventData(UUID partner) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "select cast(data as text) from outbox_event where aggregate_id = :id and type = :type order by seq desc limit 1")
                .setParameter("id", partner.toString()).setParameter("type", TYPE).getSingleResult());
    }

    // ---- starting

    @Test
    void staffStartAMembershipWith201LocationETagAndOneStartedEvent() {
        UUID partner = newPartner();
        staff().body(start("GOLD", today, today.plusYears(1).minusDays(1), true, null)).put(url(partner))
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith(url(partner)))
                .header("ETag", equalTo("\"0\""))
                .body("tier", equalTo("GOLD")).body("status", equalTo("NEW")).body("graceDays", equalTo(30))
                .body("autoRenew", equalTo(true)).body("partnerId", equalTo(partner.toString()));
        Assertions.assertEquals(List.of("STARTED"), events(partner));
        String data = lastEventData(partner);
        Assertions.assertTrue(data.contains("\"tier\":\"GOLD\"") && data.contains("\"status\":\"NEW\"")
                && data.contains("\"effectiveDate\":\"" + today + "\"") && data.contains("\"graceDays\":30"), data);
    }

    @Test
    void statusIsDerivedFromTheDatesOnTheDayAsked() {
        UUID partner = newPartner();
        staff().body(start("SILVER", LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"), false, 30))
                .put(url(partner)).then().statusCode(201);
        Map<String, String> expected = Map.of("2024-12-31", "PENDING", "2025-01-01", "NEW", "2025-03-31", "NEW",
                "2025-04-01", "CURRENT", "2025-12-31", "CURRENT", "2026-01-01", "GRACE", "2026-01-30", "GRACE",
                "2026-01-31", "EXPIRED");
        expected.forEach((on, status) -> as(TestTokens.communityTeam()).queryParam("on", on).get(url(partner))
                .then().statusCode(200).body("status", equalTo(status)).body("asOf", equalTo(on)));
    }

    @Test
    void aZeroDayGraceExpiresTheDayAfterTheEnd() {
        UUID partner = newPartner();
        staff().body(start("GOLD", LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"), false, 0))
                .put(url(partner)).then().statusCode(201);
        staff().queryParam("on", "2026-01-01").get(url(partner)).then().body("status", equalTo("EXPIRED"));
    }

    @Test
    void replacingAMembershipNeedsIfMatchAndOnlyWorksOnceItExpired() {
        UUID partner = newPartner();
        String etag = started(partner, "GOLD", today.minusMonths(6), today.plusMonths(6), false, 30);
        var replacement = start("PLATINUM", today, today.plusYears(1), false, 30);
        staff().body(replacement).put(url(partner)).then().statusCode(428).contentType("application/problem+json");
        staff().header("If-Match", "\"99\"").body(replacement).put(url(partner)).then().statusCode(412);
        staff().header("If-Match", etag).body(replacement).put(url(partner))
                .then().statusCode(409).contentType("application/problem+json");
        Assertions.assertEquals(List.of("STARTED"), events(partner));

        UUID lapsed = newPartner();
        String old = started(lapsed, "GOLD", today.minusYears(2), today.minusYears(1), false, 30);
        staff().header("If-Match", old).body(replacement).put(url(lapsed))
                .then().statusCode(200).body("tier", equalTo("PLATINUM")).body("status", equalTo("NEW"))
                .header("ETag", equalTo("\"1\""));
        Assertions.assertEquals(List.of("STARTED", "STARTED"), events(lapsed));
    }

    // ---- renewal

    @Test
    void renewalWhileCurrentExtendsTheEndByTheMonthsGiven() {
        UUID partner = newPartner();
        LocalDate start = today.minusMonths(6);
        LocalDate end = today.plusMonths(6);
        String etag = started(partner, "GOLD", start, end, false, 30);
        staff().header("If-Match", etag).body(Map.of("months", 12)).post(url(partner) + "/renewals")
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("termStart", equalTo(start.toString()))
                .body("termEnd", equalTo(dev.trellis.partner.domain.MembershipRules.extend(end, 12).toString()));
        Assertions.assertEquals(List.of("STARTED", "RENEWED"), events(partner));
    }

    @Test
    void renewalDuringGraceContinuesTheSameMembership() {
        UUID partner = newPartner();
        LocalDate start = today.minusMonths(13);
        LocalDate end = today.minusDays(10);
        String etag = started(partner, "GOLD", start, end, false, 30);
        staff().get(url(partner)).then().body("status", equalTo("GRACE"));
        staff().header("If-Match", etag).body(Map.of("months", 12)).post(url(partner) + "/renewals")
                .then().statusCode(200).body("status", equalTo("CURRENT"))
                .body("termStart", equalTo(start.toString()))
                .body("termEnd", equalTo(dev.trellis.partner.domain.MembershipRules.extend(end, 12).toString()));
        Assertions.assertEquals(List.of("STARTED", "RENEWED"), events(partner));
    }

    @Test
    void renewalAfterExpiryStartsANewTermThatIsNewAgain() {
        UUID partner = newPartner();
        String etag = started(partner, "GOLD", today.minusYears(2), today.minusDays(60), false, 30);
        staff().get(url(partner)).then().body("status", equalTo("EXPIRED"));
        staff().header("If-Match", etag).body(Map.of("months", 12)).post(url(partner) + "/renewals")
                .then().statusCode(200).body("status", equalTo("NEW"))
                .body("termStart", equalTo(today.toString()))
                .body("termEnd", equalTo(today.plusMonths(12).minusDays(1).toString()));
        Assertions.assertEquals(List.of("STARTED", "RENEWED"), events(partner));
        Assertions.assertTrue(lastEventData(partner).contains("\"effectiveDate\":\"" + today + "\""));
    }

    @Test
    void renewalNeedsIfMatchAndRefusesAStaleOne() {
        UUID partner = newPartner();
        started(partner, "GOLD", today, today.plusYears(1), false, 30);
        staff().body(Map.of("months", 12)).post(url(partner) + "/renewals")
                .then().statusCode(428).contentType("application/problem+json");
        staff().header("If-Match", "\"7\"").body(Map.of("months", 12)).post(url(partner) + "/renewals")
                .then().statusCode(412).contentType("application/problem+json");
        Assertions.assertEquals(List.of("STARTED"), events(partner));
    }

    // ---- tier changes

    @Test
    void aFutureTierChangeIsPendingUntilItsEffectiveDate() {
        UUID partner = newPartner();
        String etag = started(partner, "GOLD", today.minusMonths(6), today.plusMonths(6), false, 30);
        LocalDate effective = today.plusDays(10);
        staff().header("If-Match", etag).body(Map.of("tier", "PLATINUM", "effectiveDate", effective.toString()))
                .post(url(partner) + "/tier-changes")
                .then().statusCode(200).body("tier", equalTo("GOLD"))
                .body("pendingTierChange.tier", equalTo("PLATINUM"))
                .body("pendingTierChange.effectiveDate", equalTo(effective.toString()));
        staff().queryParam("on", effective.minusDays(1).toString()).get(url(partner)).then().body("tier", equalTo("GOLD"));
        staff().queryParam("on", effective.toString()).get(url(partner))
                .then().body("tier", equalTo("PLATINUM")).body("pendingTierChange", nullValue());
        Assertions.assertEquals(List.of("STARTED", "TIER_CHANGED"), events(partner));
        String data = lastEventData(partner);
        Assertions.assertTrue(data.contains("\"tier\":\"PLATINUM\"") && data.contains("\"effectiveDate\":\"" + effective + "\""), data);
    }

    @Test
    void theTierChangeEventCarriesTheTermsEveryServiceReadsTheMembershipBy() {
        UUID partner = newPartner();
        String etag = started(partner, "GOLD", today.minusMonths(6), today.plusMonths(6), false, 30);
        LocalDate effective = today.plusDays(10);
        staff().header("If-Match", etag).body(Map.of("tier", "SILVER", "effectiveDate", effective.toString()))
                .post(url(partner) + "/tier-changes").then().statusCode(200);
        String data = lastEventData(partner);
        Assertions.assertTrue(data.contains("\"terms\":{") && data.contains("\"pendingTier\":\"SILVER\"")
                && data.contains("\"pendingTierEffective\":\"" + effective + "\""), data);
        Assertions.assertTrue(data.matches(".*\"terms\":\\{[^}]*\"tier\":\"GOLD\".*"), data);
    }

    @Test
    void membersPerTierCountATierChangeFromItsEffectiveDateOnly() {
        LocalDate effective = today.plusDays(10);
        Map<String, Integer> before = membersPerTier(effective.minusDays(1));
        Map<String, Integer> beforeOnEffective = membersPerTier(effective);
        UUID partner = newPartner();
        String etag = started(partner, "GOLD", today.minusMonths(6), today.plusMonths(6), false, 30);
        staff().header("If-Match", etag).body(Map.of("tier", "SILVER", "effectiveDate", effective.toString()))
                .post(url(partner) + "/tier-changes").then().statusCode(200);
        Map<String, Integer> after = membersPerTier(effective.minusDays(1));
        Map<String, Integer> afterOnEffective = membersPerTier(effective);
        Assertions.assertEquals(before.get("GOLD") + 1, after.get("GOLD"));
        Assertions.assertEquals(before.get("SILVER"), after.get("SILVER"));
        Assertions.assertEquals(beforeOnEffective.get("GOLD"), afterOnEffective.get("GOLD"));
        Assertions.assertEquals(beforeOnEffective.get("SILVER") + 1, afterOnEffective.get("SILVER"));
        // A lapsed partner is no member, whatever its membership says.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update partner set lifecycle_status = 'LAPSED' where id = :id")
                .setParameter("id", partner).executeUpdate());
        Assertions.assertEquals(before.get("GOLD"), membersPerTier(effective.minusDays(1)).get("GOLD"));
    }

    @Test
    void membersPerTierAreForStaffAndTakeADate() {
        as(TestTokens.communityTeam()).get("/api/partners/members-per-tier").then().statusCode(200)
                .body("asOf", equalTo(today.toString())).body("tiers.tier", org.hamcrest.Matchers.hasItems("PLATINUM", "GOLD", "SILVER"));
        as(TestTokens.partnerA()).get("/api/partners/members-per-tier").then().statusCode(403);
        staff().queryParam("on", "next-week").get("/api/partners/members-per-tier").then().statusCode(400)
                .body("errors.field", hasItem("on"));
    }

    private static Map<String, Integer> membersPerTier(LocalDate on) {
        List<Map<String, Object>> tiers = staff().queryParam("on", on.toString()).get("/api/partners/members-per-tier")
                .then().statusCode(200).extract().jsonPath().getList("tiers");
        Map<String, Integer> counts = new HashMap<>();
        tiers.forEach(t -> counts.put((String) t.get("tier"), (Integer) t.get("members")));
        return counts;
    }

    @Test
    void aTierChangeEffectiveTodayAppliesAtOnce() {
        UUID partner = newPartner();
        String etag = started(partner, "GOLD", today.minusMonths(6), today.plusMonths(6), false, 30);
        staff().header("If-Match", etag).body(Map.of("tier", "SILVER", "effectiveDate", today.toString()))
                .post(url(partner) + "/tier-changes")
                .then().statusCode(200).body("tier", equalTo("SILVER")).body("pendingTierChange", nullValue());
    }

    @Test
    void aTierChangeInThePastOrToAnUnknownTierIsA400NamingTheField() {
        UUID partner = newPartner();
        String etag = started(partner, "GOLD", today.minusMonths(6), today.plusMonths(6), false, 30);
        staff().header("If-Match", etag).body(Map.of("tier", "SILVER", "effectiveDate", today.minusDays(1).toString()))
                .post(url(partner) + "/tier-changes")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("effectiveDate"));
        staff().header("If-Match", etag).body(Map.of("tier", "DIAMOND", "effectiveDate", today.toString()))
                .post(url(partner) + "/tier-changes")
                .then().statusCode(400).body("errors.field", hasItem("tier"));
        Assertions.assertEquals(List.of("STARTED"), events(partner));
    }

    // ---- ending

    @Test
    void endingMakesTheEndDateTheLastDayWithoutGrace() {
        UUID partner = newPartner();
        String etag = started(partner, "GOLD", today.minusMonths(6), today.plusMonths(6), true, 30);
        staff().header("If-Match", etag).body(Map.of("endDate", today.toString())).post(url(partner) + "/end")
                .then().statusCode(200).body("termEnd", equalTo(today.toString())).body("graceDays", equalTo(0))
                .body("autoRenew", equalTo(false)).body("status", equalTo("CURRENT"));
        staff().queryParam("on", today.plusDays(1).toString()).get(url(partner)).then().body("status", equalTo("EXPIRED"));
        Assertions.assertEquals(List.of("STARTED", "ENDED"), events(partner));
        staff().header("If-Match", "\"1\"").body(Map.of("endDate", today.plusYears(2).toString())).post(url(partner) + "/end")
                .then().statusCode(400).body("errors.field", hasItem("endDate"));
    }

    // ---- history

    @Test
    void historyIsNewestFirstPagedAndNamesWhoRecordedEachChange() {
        UUID partner = newPartner();
        String etag = started(partner, "GOLD", today.minusMonths(6), today.plusMonths(6), false, 30);
        etag = staff().header("If-Match", etag).body(Map.of("months", 12)).post(url(partner) + "/renewals")
                .then().statusCode(200).extract().header("ETag");
        staff().header("If-Match", etag).body(Map.of("tier", "PLATINUM", "effectiveDate", today.plusDays(1).toString()))
                .post(url(partner) + "/tier-changes").then().statusCode(200);
        List<String> kinds = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = as(TestTokens.communityTeam()).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get(url(partner) + "/history").then().statusCode(200).extract().jsonPath();
            kinds.addAll(page.getList("items.kind", String.class));
            Assertions.assertTrue(page.getList("items.recordedBy", String.class).stream().allMatch("felix"::equals));
            cursor = page.getString("next");
        } while (cursor != null);
        Assertions.assertEquals(List.of("TIER_CHANGED", "RENEWED", "STARTED"), kinds);
        staff().queryParam("cursor", "bm9wZQ").get(url(partner) + "/history")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    // ---- validation

    @Test
    void aStartWithMissingFieldsNamesEachOne() {
        UUID partner = newPartner();
        staff().body("{}").put(url(partner)).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("tier")).body("errors.field", hasItem("termStart"))
                .body("errors.field", hasItem("termEnd")).body("errors.field", hasItem("autoRenew"));
    }

    @Test
    void anUnknownTierIsA400NamingTier() {
        staff().body(start("DIAMOND", today, today.plusYears(1), false, 30)).put(url(newPartner()))
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("tier"));
    }

    @Test
    void anEndBeforeTheStartIsA400NamingTermEnd() {
        staff().body(start("GOLD", today, today.minusDays(1), false, 30)).put(url(newPartner()))
                .then().statusCode(400).body("errors.field", hasItem("termEnd"));
    }

    @Test
    void graceDaysOutOfRangeAreA400NamingGraceDays() {
        staff().body(start("GOLD", today, today.plusYears(1), false, -1)).put(url(newPartner()))
                .then().statusCode(400).body("errors.field", hasItem("graceDays"));
        staff().body(start("GOLD", today, today.plusYears(1), false, 400)).put(url(newPartner()))
                .then().statusCode(400).body("errors.field", hasItem("graceDays"));
    }

    @Test
    void aMalformedDateIsA400NamingTheField() {
        Map<String, Object> body = start("GOLD", today, today.plusYears(1), false, 30);
        body.put("termStart", "01/02/2026");
        staff().body(body).put(url(newPartner())).then().statusCode(400).body("errors.field", hasItem("termStart"));
        UUID partner = newPartner();
        started(partner, "GOLD", today, today.plusYears(1), false, 30);
        staff().queryParam("on", "tomorrow").get(url(partner)).then().statusCode(400).body("errors.field", hasItem("on"));
    }

    @Test
    void renewalMonthsOutOfRangeAreA400NamingMonths() {
        UUID partner = newPartner();
        String etag = started(partner, "GOLD", today, today.plusYears(1), false, 30);
        staff().header("If-Match", etag).body(Map.of("months", 0)).post(url(partner) + "/renewals")
                .then().statusCode(400).body("errors.field", hasItem("months"));
        staff().header("If-Match", etag).body(Map.of("months", 121)).post(url(partner) + "/renewals")
                .then().statusCode(400).body("errors.field", hasItem("months"));
        staff().header("If-Match", etag).body("{}").post(url(partner) + "/renewals")
                .then().statusCode(400).body("errors.field", hasItem("months"));
    }

    @Test
    void aMembershipOfAnUnknownPartnerOrAPartnerWithoutOneIs404() {
        staff().get(url(UUID.randomUUID())).then().statusCode(404).contentType("application/problem+json");
        staff().get(url(newPartner())).then().statusCode(404);
        staff().body(start("GOLD", today, today.plusYears(1), false, 30)).put(url(UUID.randomUUID()))
                .then().statusCode(404);
    }

    // ---- roles

    @Test
    void communityTeamReadsButChangesNothing() {
        UUID partner = newPartner();
        String etag = started(partner, "GOLD", today, today.plusYears(1), false, 30);
        String team = TestTokens.communityTeam();
        as(team).get(url(partner)).then().statusCode(200).header("ETag", notNullValue());
        as(team).get(url(partner) + "/history").then().statusCode(200);
        forbiddenToChange(team, partner, etag);
        as(team).body(start("GOLD", today, today.plusYears(1), false, 30)).put(url(newPartner())).then().statusCode(403);
        Assertions.assertEquals(List.of("STARTED"), events(partner));
    }

    @Test
    void aPartnerReadsItsOwnMembershipButNeverChangesIt() {
        UUID own = UUID.fromString(TestTokens.PARTNER_A);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from membership_change where partner_id = :p; delete from membership where partner_id = :p")
                .setParameter("p", own).executeUpdate());
        String etag = staff().body(start("GOLD", today, today.plusYears(1), false, 30)).put(url(own))
                .then().statusCode(201).extract().header("ETag");
        as(TestTokens.partnerA()).get(url(own)).then().statusCode(200).body("tier", equalTo("GOLD"))
                .header("ETag", notNullValue());
        forbiddenToChange(TestTokens.partnerA(), own, etag);
        as(TestTokens.partnerA()).get(url(own) + "/history").then().statusCode(403);
        as(TestTokens.partnerA()).body(start("PLATINUM", today, today.plusYears(1), false, 30)).put(url(own))
                .then().statusCode(403);
    }

    @Test
    void aPartnerCannotReadAnotherPartnersMembership() {
        UUID other = UUID.fromString(TestTokens.PARTNER_B);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from membership_change where partner_id = :p; delete from membership where partner_id = :p")
                .setParameter("p", other).executeUpdate());
        staff().body(start("PLATINUM", today, today.plusYears(1), false, 30)).put(url(other)).then().statusCode(201);
        ValidatableResponse denied = as(TestTokens.partnerA()).get(url(other)).then().statusCode(403)
                .contentType("application/problem+json");
        Assertions.assertFalse(denied.extract().asString().contains("PLATINUM"));
        as(TestTokens.partnerA()).queryParam("on", "2030-01-01").get(url(other)).then().statusCode(403);
        as(TestTokens.partnerA()).get(url(other) + "/history").then().statusCode(403);
        // a partner that does not exist gets the same answer, so 403 tells nothing about other partners
        as(TestTokens.partnerA()).get(url(UUID.randomUUID())).then().statusCode(403);
        as(TestTokens.partnerB()).get(url(other)).then().statusCode(200).body("tier", equalTo("PLATINUM"));
    }

    @Test
    void everyRouteNeedsAToken() {
        UUID partner = newPartner();
        given().get(url(partner)).then().statusCode(401).contentType("application/problem+json");
        given().get(url(partner) + "/history").then().statusCode(401);
        given().contentType("application/json").body("{}").put(url(partner)).then().statusCode(401);
        given().contentType("application/json").body("{}").post(url(partner) + "/renewals").then().statusCode(401);
        given().contentType("application/json").body("{}").post(url(partner) + "/tier-changes").then().statusCode(401);
        given().contentType("application/json").body("{}").post(url(partner) + "/end").then().statusCode(401);
    }

    private void forbiddenToChange(String token, UUID partner, String etag) {
        as(token).header("If-Match", etag).body(start("GOLD", today, today.plusYears(1), false, 30)).put(url(partner))
                .then().statusCode(403).contentType("application/problem+json");
        as(token).header("If-Match", etag).body(Map.of("months", 12)).post(url(partner) + "/renewals")
                .then().statusCode(403);
        as(token).header("If-Match", etag).body(Map.of("tier", "PLATINUM", "effectiveDate", today.toString()))
                .post(url(partner) + "/tier-changes").then().statusCode(403);
        as(token).header("If-Match", etag).body(Map.of("endDate", today.toString())).post(url(partner) + "/end")
                .then().statusCode(403);
    }

    // ---- the sweep

    @Test
    void theSweepRecordsEachStatusChangeOnce() {
        UUID partner = newPartner();
        started(partner, "GOLD", today.minusMonths(1), today.plusMonths(6), false, 30);
        sweep.sweep(today);
        Assertions.assertEquals(List.of("STARTED"), events(partner), "nothing changed yet");
        sweep.sweep(today.plusMonths(3));
        Assertions.assertEquals(List.of("STARTED", "STATUS_CHANGED"), events(partner));
        Assertions.assertTrue(lastEventData(partner).contains("\"status\":\"CURRENT\""));
        sweep.sweep(today.plusMonths(3));
        Assertions.assertEquals(List.of("STARTED", "STATUS_CHANGED"), events(partner), "the same status is not repeated");
        sweep.sweep(today.plusMonths(6).plusDays(1));
        sweep.sweep(today.plusMonths(6).plusDays(31));
        Assertions.assertEquals(List.of("STARTED", "STATUS_CHANGED", "STATUS_CHANGED", "STATUS_CHANGED"), events(partner));
        Assertions.assertTrue(lastEventData(partner).contains("\"status\":\"EXPIRED\""));
        staff().get(url(partner) + "/history").then().body("items[0].kind", equalTo("STATUS_CHANGED"))
                .body("items[0].recordedBy", equalTo("system")).body("items[0].status", equalTo("EXPIRED"));
    }

    @Test
    void theSweepRenewsAnAutoRenewingMembershipOnceItsEndDateHasPassed() {
        UUID partner = newPartner();
        LocalDate end = today.minusDays(1);
        started(partner, "GOLD", today.minusYears(1), end, true, 30);
        // Read before the sweep, it has rolled over already (issue 16: it used to read GRACE until the sweep ran).
        staff().get(url(partner)).then().body("status", equalTo("CURRENT"))
                .body("termEnd", equalTo(dev.trellis.partner.domain.MembershipRules.extend(end, 12).toString()));
        Assertions.assertEquals(List.of("STARTED"), events(partner), "the renewal is recorded by the sweep");
        sweep.sweep(today);
        staff().get(url(partner)).then().body("status", equalTo("CURRENT"))
                .body("termEnd", equalTo(dev.trellis.partner.domain.MembershipRules.extend(end, 12).toString()));
        // the renewal event carries the new status; a separate STATUS_CHANGED would say the same thing twice
        Assertions.assertEquals(List.of("STARTED", "RENEWED"), events(partner));
        Assertions.assertTrue(lastEventData(partner).contains("\"status\":\"CURRENT\""));
        staff().get(url(partner) + "/history").then().body("items[0].kind", equalTo("RENEWED"))
                .body("items[0].recordedBy", equalTo("system"));
        sweep.sweep(today);
        Assertions.assertEquals(List.of("STARTED", "RENEWED"), events(partner), "a second sweep the same day does nothing");
    }
}
