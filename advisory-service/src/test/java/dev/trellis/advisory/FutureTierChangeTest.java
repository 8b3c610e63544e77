package dev.trellis.advisory;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trellis.advisory.domain.SeatFlag;
import dev.trellis.advisory.service.SeatRecheck;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A tier change partner-service records for a later date applies from that date: until then the
 * partner keeps its tier for appointments and entitlements.
 */
@QuarkusTest
class FutureTierChangeTest {
    static final LocalDate TODAY = LocalDate.now();
    static final LocalDate CHANGE = TODAY.plusMonths(1).withDayOfMonth(1);

    @ConfigProperty(name = "mp.messaging.incoming.partner-events.topic")
    String topic;
    @Inject
    TestClock clock;
    @Inject
    SeatRecheck recheck;

    @AfterEach
    void systemClockAgain() {
        clock.reset();
    }

    @Test
    void aGoldMemberWhoseChangeToSilverIsStillToComeIsAppointedAGoldSeat() throws Exception {
        PartnerEvents events = new PartnerEvents(topic);
        String gold = PartnerEvents.tier("GOLD");
        UUID board = Fixtures.board("{\"tiers\":[{\"tier\":\"" + gold + "\",\"perMember\":1}]}");
        UUID partner = UUID.randomUUID();
        PartnerEvents.Membership m = PartnerEvents.Membership.of(partner, gold, TODAY.minusYears(1), TODAY.plusYears(1));
        events.registered(partner, "Gold Member");
        events.membership(m, "STARTED", m.termStart());
        events.membership(m.tier(PartnerEvents.tier("SILVER")), "TIER_CHANGED", CHANGE);
        events.awaitAllReadFor(partner);

        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body(Fixtures.appointment(Fixtures.employee(partner), partner, "TIER_APPOINTED", gold, TODAY, null))
                .post("/api/boards/{id}/seats", board)
                .then().statusCode(201);
    }

    @Test
    void anotherMembersSeatIsOverTheEntitlementOnlyOnceTheChangeTakesEffect() throws Exception {
        PartnerEvents events = new PartnerEvents(topic);
        String gold = PartnerEvents.tier("GOLD");
        // one seat per two members: with two members one seat, with one member none
        UUID board = Fixtures.board("{\"tiers\":[{\"tier\":\"" + gold + "\",\"membersPerSeat\":2}]}");
        UUID leaving = UUID.randomUUID();
        UUID staying = UUID.randomUUID();
        PartnerEvents.Membership lm = PartnerEvents.Membership.of(leaving, gold, TODAY.minusYears(1), TODAY.plusYears(1));
        PartnerEvents.Membership sm = PartnerEvents.Membership.of(staying, gold, TODAY.minusYears(1), TODAY.plusYears(1));
        events.registered(leaving, "Leaving Gold");
        events.registered(staying, "Staying Gold");
        events.membership(lm, "STARTED", lm.termStart());
        events.membership(sm, "STARTED", sm.termStart());
        events.awaitAllReadFor(leaving);
        events.awaitAllReadFor(staying);
        UUID seat = Fixtures.appoint(board, Fixtures.appointment(Fixtures.employee(staying), staying, "TIER_APPOINTED", gold,
                TODAY.minusMonths(1), null));

        events.membership(lm.tier(PartnerEvents.tier("SILVER")), "TIER_CHANGED", CHANGE);
        events.awaitAllReadFor(leaving);
        assertEquals(0, flags(seat, "ENTITLEMENT_EXCEEDED"), "flagged before the change takes effect");

        // the day the change takes effect, the daily re-check (run here as the scheduler would) finds it
        clock.set(CHANGE.atTime(0, 5).toInstant(ZoneOffset.UTC));
        recheck.run();
        assertEquals(1, flags(seat, "ENTITLEMENT_EXCEEDED"), "not flagged once the change took effect");
    }

    static long flags(UUID seat, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> SeatFlag.count("seatId = ?1 and reasonCode = ?2", seat, reason));
    }
}
