package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.platform.retention.RetentionRun;
import dev.trellis.platform.retention.RetentionRunner;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * partner-service's retention (docs/privacy.md): touchpoint notes go six years after the partner left; the run
 * is dated forward (the service's clock moved on), and what is one day younger than the limit stays.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    RetentionRunner retention;

    @Inject
    EntityManager em;

    @Test
    void touchpointNotesGoSixYearsAfterThePartnerLeftAndTheTouchpointStays() {
        LocalDate left = LocalDate.now(ZoneOffset.UTC).minusDays(10);
        String gone = partner();
        String goneTouchpoint = touchpoint(gone);
        lifecycle(gone, "LAPSED", left);
        lifecycle(gone, "FORMER", left.plusDays(5)); // it left when it lapsed
        String dayLater = partner();
        String dayLaterTouchpoint = touchpoint(dayLater);
        lifecycle(dayLater, "LAPSED", left.plusDays(1));
        String back = partner();
        String backTouchpoint = touchpoint(back);
        lifecycle(back, "LAPSED", left);
        lifecycle(back, "ACTIVE", left.plusDays(2));
        String active = partner();
        String activeTouchpoint = touchpoint(active);

        assertEquals(left.toString(), leftOn(gone));
        assertNull(leftOn(back), "a partner that came back has not left");
        assertNull(leftOn(active));

        // Six years and an hour after the day the first partner left.
        Instant at = left.plusYears(6).atStartOfDay(ZoneOffset.UTC).plusHours(1).toInstant();
        List<RetentionRun> runs = retention.runAt(at);

        assertNull(notes(goneTouchpoint), "six years after it left");
        assertEquals("Quarterly review, renewal on track", summary(goneTouchpoint), "the touchpoint itself stays");
        assertTrue(notes(dayLaterTouchpoint).startsWith("INTERNAL-NOTE"), "left a day later: one day younger");
        assertTrue(notes(backTouchpoint).startsWith("INTERNAL-NOTE"), "came back");
        assertTrue(notes(activeTouchpoint).startsWith("INTERNAL-NOTE"), "never left");
        RetentionRun run = runs.stream().filter(r -> r.category().equals("touchpoint-notes")).findFirst().orElseThrow();
        assertTrue(run.affected() >= 1, run.toString());
        assertEquals("P6Y", run.after());
        assertEquals(at.atZone(ZoneOffset.UTC).minusYears(6).toInstant(), run.cutoff());
        assertTrue(runs.stream().map(RetentionRun::category).toList()
                .containsAll(List.of("audit-entries", "processed-events", "published-events", "touchpoint-notes")),
                runs.toString());
    }

    @Test
    void foundationStaffReadEachRunsCountsNewestFirstAndNobodyElseDoes() {
        Instant first = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        retention.runAt(first);
        retention.runAt(first.plusSeconds(60));
        String runs = "/api/privacy/partner/retention-runs";
        // from and to: the other test's runs (years ahead) and earlier test runs stay in the database

        var page = given().auth().oauth2(TestTokens.foundationStaff())
                .queryParam("category", "touchpoint-notes").queryParam("from", first.toString())
                .queryParam("to", first.plusSeconds(61).toString()).queryParam("limit", 1)
                .get(runs).then().statusCode(200).extract();
        assertEquals(1, page.jsonPath().getList("items").size());
        assertEquals(first.plusSeconds(60).toString(), page.path("items[0].runAt"), "newest first");
        assertEquals("touchpoint-notes", page.path("items[0].category"));
        assertEquals("DELETE", page.path("items[0].action"));
        assertEquals("P6Y", page.path("items[0].retainFor"));
        assertEquals(first.plusSeconds(60).atZone(ZoneOffset.UTC).minusYears(6).toInstant().toString(),
                page.path("items[0].cutoff"));
        assertTrue(page.header("Link").contains("rel=\"next\""), page.header("Link"));
        String second = given().auth().oauth2(TestTokens.foundationStaff())
                .queryParam("category", "touchpoint-notes").queryParam("from", first.toString())
                .queryParam("to", first.plusSeconds(61).toString()).queryParam("limit", 1)
                .queryParam("cursor", page.path("next").toString())
                .get(runs).then().statusCode(200).extract().path("items[0].runAt");
        assertEquals(first.toString(), second);

        given().auth().oauth2(TestTokens.communityTeam()).get(runs).then().statusCode(403);
        given().auth().oauth2(TestTokens.partnerA()).get(runs).then().statusCode(403);
        given().get(runs).then().statusCode(401);
        given().auth().oauth2(TestTokens.foundationStaff()).get("/api/privacy/event/retention-runs").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.foundationStaff()).queryParam("from", first.toString())
                .queryParam("to", first.toString()).get(runs).then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.foundationStaff()).queryParam("from", "yesterday").get(runs).then()
                .statusCode(400).contentType("application/problem+json");
    }

    private static String partner() {
        return given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body("{\"name\":\"Retention " + UUID.randomUUID() + "\",\"lifecycleStatus\":\"ACTIVE\"}")
                .post("/api/partners").then().statusCode(201).extract().path("id");
    }

    private static String touchpoint(String partner) {
        return TouchpointFixtures.log(TestTokens.communityTeam(), partner,
                TouchpointFixtures.touchpoint(LocalDate.now(ZoneOffset.UTC).minusDays(20), "CALL", List.of()))
                .getString("id");
    }

    private static void lifecycle(String partner, String status, LocalDate effective) {
        String path = "/api/partners/" + partner;
        String etag = given().auth().oauth2(TestTokens.communityTeam()).get(path).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"status\":\"" + status + "\",\"effectiveDate\":\"" + effective + "\"}")
                .post(path + "/lifecycle-changes").then().statusCode(200);
    }

    private String leftOn(String partner) {
        Object value = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select cast(left_on as text) from partner where id = ?1")
                .setParameter(1, UUID.fromString(partner)).getSingleResult());
        return (String) value;
    }

    private String notes(String touchpoint) {
        return column("notes", touchpoint);
    }

    private String summary(String touchpoint) {
        return column("summary", touchpoint);
    }

    private String column(String column, String touchpoint) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select " + column + " from touchpoint where id = ?1")
                .setParameter(1, UUID.fromString(touchpoint)).getSingleResult());
    }
}
