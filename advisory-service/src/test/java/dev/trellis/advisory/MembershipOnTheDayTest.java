package dev.trellis.advisory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A membership's status on a day follows from the dates membership-changed carries (term, grace,
 * auto-renewal), not from the status partner-service last reported, which may be hours old.
 */
@QuarkusTest
class MembershipOnTheDayTest {
    static final LocalDate TODAY = LocalDate.now();

    @ConfigProperty(name = "mp.messaging.incoming.partner-events.topic")
    String topic;

    @Test
    void anAutoRenewingMembershipIsCurrentOnceItsTermHasEndedWhateverItsLastStatusSaid() throws Exception {
        PartnerEvents events = new PartnerEvents(topic);
        String tier = PartnerEvents.tier("PLATINUM");
        UUID board = Fixtures.board("{\"tiers\":[{\"tier\":\"" + tier + "\",\"perMember\":1}]}");
        UUID partner = UUID.randomUUID();
        events.registered(partner, "Auto Renewing");
        // the term ended yesterday; partner-service's hourly sweep has not renewed it yet
        events.membership(PartnerEvents.Membership.of(partner, tier, TODAY.minusYears(1), TODAY.minusDays(1)).grace(0)
                .autoRenewing().status("EXPIRED"), "STATUS_CHANGED", TODAY);
        events.awaitAllReadFor(partner);

        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body(Fixtures.appointment(Fixtures.employee(partner), partner, "TIER_APPOINTED", tier, TODAY, null))
                .post("/api/boards/{id}/seats", board)
                .then().statusCode(201);
    }

    @Test
    void aMembershipPastItsGracePeriodIsNotCurrentEvenIfItsLastEventSaidSo() throws Exception {
        PartnerEvents events = new PartnerEvents(topic);
        String tier = PartnerEvents.tier("PLATINUM");
        UUID board = Fixtures.board("{\"tiers\":[{\"tier\":\"" + tier + "\",\"perMember\":1}]}");
        UUID partner = UUID.randomUUID();
        events.registered(partner, "Long Expired");
        // CURRENT when it was recorded; the term ended 40 days ago and the grace of 30 days is over
        events.membership(PartnerEvents.Membership.of(partner, tier, TODAY.minusYears(2), TODAY.minusDays(40)).grace(30),
                "STARTED", TODAY.minusYears(2));
        events.awaitAllReadFor(partner);

        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body(Fixtures.appointment(Fixtures.employee(partner), partner, "TIER_APPOINTED", tier, TODAY, null))
                .post("/api/boards/{id}/seats", board)
                .then().statusCode(409).body("type", equalTo("https://trellis.dev/problems/partner-not-member"));
    }

    @Test
    void aHeldSeatIsFlaggedWhenTheDatesSayTheMembershipIsOver() throws Exception {
        PartnerEvents events = new PartnerEvents(topic);
        String tier = PartnerEvents.tier("PLATINUM");
        UUID board = Fixtures.board("{\"tiers\":[{\"tier\":\"" + tier + "\",\"perMember\":1}]}");
        UUID partner = Fixtures.partner(tier, null);
        UUID seat = Fixtures.appoint(board, Fixtures.appointment(Fixtures.employee(partner), partner, "TIER_APPOINTED", tier,
                TODAY.minusMonths(6), null));

        events.membership(PartnerEvents.Membership.of(partner, tier, TODAY.minusYears(2), TODAY.minusDays(40)).grace(30),
                "RENEWED", TODAY.minusYears(1));
        PartnerEventSender.await("seat " + seat + " flagged", () -> FutureTierChangeTest.flags(seat, "MEMBERSHIP_NOT_CURRENT") == 1);
    }
}
