package dev.trellis.event;

import static dev.trellis.event.Fixtures.team;
import static dev.trellis.event.PartnerEvents.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dev.trellis.contracts.partner.MembershipChanged;
import dev.trellis.contracts.partner.PartnerChanged;
import dev.trellis.contracts.partner.PartnerLapsed;
import dev.trellis.contracts.partner.PartnerRegistered;
import dev.trellis.event.domain.PartnerView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * partner-service's membership-changed events, from Kafka, decide who may be confirmed as a sponsor: only a partner
 * whose membership is current or in grace on the day of confirmation (by the service's clock).
 */
@QuarkusTest
class SponsorMembershipTest {
    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aPartnerWhoseMembershipExpiredCannotBeConfirmedAsASponsor() throws Exception {
        LocalDate today = LocalDate.now(clock);
        UUID partner = activePartner("Expired Oy");
        LocalDate end = today.minusDays(40);
        membership(partner, end.minusYears(1).plusDays(1), end, 30, false, end.minusYears(1).plusDays(1), "STARTED");

        UUID event = Fixtures.publishedEvent(100);
        String sponsorship = propose(event, partner); // proposing is still allowed: a renewal may be under way
        confirm(event, sponsorship).statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/sponsor-not-member"))
                .body("rules[0].rule", equalTo("sponsor-not-member"))
                .body("rules[0].detail", allOf(containsString("Expired Oy"), containsString(partner.toString()),
                        containsString(end.toString())));
        given().auth().oauth2(team()).get("/api/events/{e}/sponsorships/{s}", event, sponsorship).then()
                .body("status", equalTo("PROPOSED"));

        // Lapsed as well: the refusal lists both rules, the lifecycle first.
        PartnerEvents.send(PartnerLapsed.TYPE, partner, "{\"partnerId\":\"" + partner
                + "\",\"previousStatus\":\"ACTIVE\",\"effectiveDate\":\"" + today + "\",\"reason\":\"Did not renew\"}");
        await(() -> QuarkusTransaction.requiringNew().call(() -> PartnerView.<PartnerView>findById(partner).lifecycleStatus),
                "LAPSED");
        confirm(event, sponsorship).statusCode(422).body("type", endsWith("/sponsor-not-active"))
                .body("rules.rule", equalTo(List.of("sponsor-not-active", "sponsor-not-member")));
    }

    @Test
    void aPartnerWhoseMembershipEndedCannotBeConfirmed() throws Exception {
        LocalDate today = LocalDate.now(clock);
        UUID partner = activePartner("Ended Oy");
        membership(partner, today.minusMonths(6), today.plusMonths(6), 30, true, today.minusMonths(6), "STARTED");
        UUID event = Fixtures.publishedEvent(100);
        String sponsorship = propose(event, partner);
        // partner-service ends a membership with no grace and no renewal, on the end date it is given.
        membership(partner, today.minusMonths(6), today.minusDays(1), 0, false, today.minusDays(1), "ENDED");
        confirm(event, sponsorship).statusCode(422).body("type", endsWith("/sponsor-not-member"));
    }

    @Test
    void aPartnerWithoutAnyMembershipOrOneThatStartsLaterCannotBeConfirmedYet() throws Exception {
        LocalDate today = LocalDate.now(clock);
        UUID event = Fixtures.publishedEvent(100);
        UUID never = activePartner("Never Member Oy");
        confirm(event, propose(event, never)).statusCode(422).body("type", endsWith("/sponsor-not-member"))
                .body("rules[0].detail", containsString("Never Member Oy"));

        UUID later = activePartner("Next Month Oy");
        LocalDate start = today.plusMonths(1);
        membership(later, start, start.plusYears(1).minusDays(1), 30, false, start, "STARTED");
        String sponsorship = propose(event, later);
        confirm(event, sponsorship).statusCode(422).body("type", endsWith("/sponsor-not-member"));
        clock.shift(Duration.ofDays(40)); // the term has started by the service's clock
        confirm(event, sponsorship).statusCode(200).body("status", equalTo("CONFIRMED"));
    }

    @Test
    void aMemberInGraceOrRollingOverIsConfirmed() throws Exception {
        LocalDate today = LocalDate.now(clock);
        UUID event = Fixtures.publishedEvent(100);
        UUID grace = activePartner("Grace Oy");
        LocalDate ended = today.minusDays(10);
        membership(grace, ended.minusYears(1).plusDays(1), ended, 30, false, ended.minusYears(1).plusDays(1), "STARTED");
        confirm(event, propose(event, grace)).statusCode(200).body("status", equalTo("CONFIRMED"));

        UUID rolling = activePartner("Rolling Oy");
        LocalDate endedLongAgo = today.minusMonths(5);
        membership(rolling, endedLongAgo.minusYears(1).plusDays(1), endedLongAgo, 0, true,
                endedLongAgo.minusYears(1).plusDays(1), "STARTED");
        confirm(event, propose(event, rolling)).statusCode(200).body("status", equalTo("CONFIRMED"));
    }

    @Test
    void anEndAnnouncedForLaterTakesEffectOnItsDay() throws Exception {
        LocalDate today = LocalDate.now(clock);
        UUID partner = activePartner("Leaving Oy");
        membership(partner, today.minusMonths(6), today.plusMonths(6), 30, true, today.minusMonths(6), "STARTED");
        LocalDate last = today.plusDays(10);
        membership(partner, today.minusMonths(6), last, 0, false, last, "ENDED");

        UUID event = Fixtures.publishedEvent(100);
        confirm(event, propose(event, partner)).statusCode(200); // still a member today
        String late = propose(event, partner);
        clock.shift(Duration.ofDays(11)); // the day after its last day
        confirm(event, late).statusCode(422).body("type", endsWith("/sponsor-not-member"));
    }

    /** A partner registered as ACTIVE through Kafka, and its registration applied. */
    private static UUID activePartner(String name) throws Exception {
        UUID id = UUID.randomUUID();
        PartnerEvents.send(PartnerRegistered.TYPE, id, PartnerEvents.partner(id, name, "ACTIVE", id + ".example"));
        await(() -> name(id), name);
        return id;
    }

    /**
     * Sends a membership-changed through Kafka, then a partner-changed on the same key that renames the partner
     * ("… #n"): once the new name shows, the membership event before it has been consumed too.
     */
    private static void membership(UUID partner, LocalDate termStart, LocalDate termEnd, int graceDays,
            boolean autoRenew, LocalDate effective, String change) throws Exception {
        PartnerEvents.send(MembershipChanged.TYPE, partner, PartnerEvents.membership(partner, "GOLD", termStart, termEnd,
                graceDays, autoRenew, effective, change));
        String marked = name(partner).replaceAll(" #\\d+$", "") + " #" + MARKS.incrementAndGet();
        PartnerEvents.send(PartnerChanged.TYPE, partner, PartnerEvents.partner(partner, marked, "ACTIVE",
                partner + ".example"));
        await(() -> name(partner), marked);
    }

    private static final AtomicInteger MARKS = new AtomicInteger();

    private static String name(UUID partner) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PartnerView view = PartnerView.findById(partner);
            return view == null ? "" : view.name;
        });
    }

    private static String propose(UUID event, UUID partner) {
        return given().auth().oauth2(team()).contentType(ContentType.JSON)
                .body("{\"partnerId\":\"" + partner + "\",\"level\":\"SILVER\",\"amount\":1000,\"currency\":\"EUR\"}")
                .post("/api/events/{id}/sponsorships", event).then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse confirm(UUID event, String sponsorship) {
        return given().auth().oauth2(team()).header("If-Match", "*")
                .post("/api/events/{e}/sponsorships/{s}/confirmation", event, sponsorship).then();
    }
}
