package dev.trellis.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trellis.advisory.domain.Seat;
import dev.trellis.advisory.domain.SeatFlag;
import dev.trellis.contracts.advisory.SeatFlagged;
import dev.trellis.contracts.advisory.SeatVacated;
import dev.trellis.contracts.partner.AffiliationEnded;
import dev.trellis.contracts.partner.MembershipChanged;
import dev.trellis.contracts.partner.PartnerLapsed;
import dev.trellis.contracts.partner.PartnerRegistered;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Partner events arriving through Kafka and the inbox change the seats they concern, once each. */
@QuarkusTest
class PartnerReactionsTest {
    static final LocalDate START = LocalDate.now().minusMonths(3);

    @ConfigProperty(name = "mp.messaging.incoming.partner-events.topic")
    String topic;
    @Inject
    EntityManager em;

    @Test
    void aLapsedPartnersTierSeatIsFlaggedOnceEvenWhenTheEventComesTwice() throws Exception {
        UUID board = Fixtures.board("{\"tiers\":[{\"tier\":\"PLATINUM\",\"perMember\":1}]}");
        UUID partner = Fixtures.partner("PLATINUM", null);
        UUID seat = Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), partner, "TIER_APPOINTED", "PLATINUM", START, null));

        String lapse = UUID.randomUUID().toString();
        String data = "{\"partnerId\":\"" + partner + "\",\"previousStatus\":\"ACTIVE\",\"effectiveDate\":\"" + LocalDate.now()
                + "\",\"reason\":\"Did not renew\"}";
        PartnerEventSender.send(topic, lapse, PartnerLapsed.TYPE, partner, data);
        PartnerEventSender.await("seat " + seat + " flagged", () -> flags(seat, "MEMBERSHIP_NOT_CURRENT") == 1);

        PartnerEventSender.send(topic, lapse, PartnerLapsed.TYPE, partner, data);
        awaitMarker();
        assertEquals(1, flags(seat, "MEMBERSHIP_NOT_CURRENT"));
        assertEquals(1, published(SeatFlagged.TYPE, seat));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where type = ?1 and data->>'seatId' = ?2 and data->>'reasonCode' = ?3")
                .setParameter(1, SeatFlagged.TYPE).setParameter(2, seat.toString()).setParameter(3, "MEMBERSHIP_NOT_CURRENT")
                .getSingleResult()).longValue()));
    }

    /** A flag stored under the code it had before the rename is read as the same finding: kept, renamed, not announced again. */
    @Test
    void aFlagUnderTheOldCodeIsTheSameFindingUnderTheNewOne() throws Exception {
        UUID board = Fixtures.board("{\"tiers\":[{\"tier\":\"PLATINUM\",\"perMember\":1}]}");
        UUID partner = Fixtures.partner("PLATINUM", null);
        UUID seat = Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), partner, "TIER_APPOINTED", "PLATINUM", START, null));
        QuarkusTransaction.requiringNew().run(() -> {
            dev.trellis.advisory.domain.PartnerView.<dev.trellis.advisory.domain.PartnerView>findById(partner).lifecycleStatus = "LAPSED";
            SeatFlag legacy = new SeatFlag();
            legacy.id = UUID.randomUUID();
            legacy.seatId = seat;
            legacy.rule = "partner-not-member";
            legacy.reasonCode = "PARTNER_LAPSED";
            legacy.detail = "The partner the seat is held for has lapsed";
            legacy.flaggedAt = java.time.Instant.now();
            legacy.persist();
        });
        awaitMarker(); // every partner event re-checks every board
        assertEquals(0, flags(seat, "PARTNER_LAPSED"));
        assertEquals(1, flags(seat, "MEMBERSHIP_NOT_CURRENT"));
        assertEquals(0, published(SeatFlagged.TYPE, seat));
    }

    @Test
    void anEndedAffiliationEndsTheSeatWhenThePolicySaysSo() throws Exception {
        UUID board = Fixtures.board("{\"seats\":[{\"kind\":\"ELECTED\",\"count\":9}],\"seatEndsWhenHolderLeavesEmployer\":true}");
        UUID partner = Fixtures.partner("END_USER", null);
        UUID holder = Fixtures.contact();
        UUID affiliation = UUID.randomUUID();
        String started = "{\"affiliationId\":\"" + affiliation + "\",\"contactId\":\"" + holder + "\",\"partnerId\":\"" + partner
                + "\",\"role\":\"TECHNICAL_LEAD\",\"startDate\":\"" + START.minusYears(1) + "\"}";
        PartnerEventSender.send(topic, UUID.randomUUID().toString(), "dev.trellis.partner.affiliation-started.v1", partner, started);
        UUID seat = Fixtures.appoint(board, Fixtures.appointment(holder, partner, "ELECTED", null, START, null));

        String ended = started.replace("}", ",\"endDate\":\"" + LocalDate.now().minusDays(1) + "\"}");
        PartnerEventSender.send(topic, UUID.randomUUID().toString(), AffiliationEnded.TYPE, partner, ended);
        PartnerEventSender.await("seat " + seat + " vacated", () -> vacatedOn(seat) != null);
        assertEquals(LocalDate.now(), vacatedOn(seat));
        assertEquals(1, published(SeatFlagged.TYPE, seat));
        assertEquals(1, published(SeatVacated.TYPE, seat));
    }

    @Test
    void anEndedAffiliationOnlyFlagsTheSeatOtherwise() throws Exception {
        UUID board = Fixtures.board("{\"seats\":[{\"kind\":\"ELECTED\",\"count\":9}]}");
        UUID partner = Fixtures.partner("GOLD", null);
        UUID holder = Fixtures.contact();
        UUID affiliation = UUID.randomUUID();
        UUID seat = Fixtures.appoint(board, Fixtures.appointment(holder, partner, "ELECTED", null, START, null));
        String ended = "{\"affiliationId\":\"" + affiliation + "\",\"contactId\":\"" + holder + "\",\"partnerId\":\"" + partner
                + "\",\"role\":\"TECHNICAL_LEAD\",\"startDate\":\"" + START.minusYears(1) + "\",\"endDate\":\"" + LocalDate.now().minusDays(1) + "\"}";
        PartnerEventSender.send(topic, UUID.randomUUID().toString(), AffiliationEnded.TYPE, partner, ended);
        PartnerEventSender.await("seat " + seat + " flagged", () -> flags(seat, "HOLDER_LEFT_PARTNER") == 1);
        assertEquals(null, vacatedOn(seat));
    }

    @Test
    void aTierDropFlagsTheSeatsBeyondTheEntitlement() throws Exception {
        UUID board = Fixtures.board("{\"tiers\":[{\"tier\":\"PLATINUM\",\"perMember\":1}]}");
        UUID partner = Fixtures.partner("PLATINUM", null);
        UUID seat = Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), partner, "TIER_APPOINTED", "PLATINUM", START, null));
        String changed = "{\"partnerId\":\"" + partner + "\",\"membershipId\":\"" + UUID.randomUUID() + "\",\"tier\":\"SILVER\","
                + "\"status\":\"CURRENT\",\"termStart\":\"" + START + "\",\"termEnd\":\"" + START.plusYears(1) + "\",\"graceDays\":30,"
                + "\"autoRenew\":true,\"effectiveDate\":\"" + LocalDate.now() + "\",\"change\":\"TIER_CHANGED\"}";
        PartnerEventSender.send(topic, UUID.randomUUID().toString(), MembershipChanged.TYPE, partner, changed);
        PartnerEventSender.await("seat " + seat + " flagged for the tier", () -> flags(seat, "TIER_CHANGED") == 1);
    }

    /** Sends an unrelated event and waits for it, so that everything sent before has been consumed. */
    private void awaitMarker() throws Exception {
        UUID other = UUID.randomUUID();
        PartnerEventSender.send(topic, UUID.randomUUID().toString(), PartnerRegistered.TYPE, other, "{\"partnerId\":\"" + other
                + "\",\"name\":\"Marker\",\"lifecycleStatus\":\"PROSPECT\",\"parentPartnerId\":null,\"country\":null,\"emailDomains\":[]}");
        PartnerEventSender.await("marker consumed", () -> QuarkusTransaction.requiringNew()
                .call(() -> dev.trellis.advisory.domain.PartnerView.findById(other) != null));
    }

    private static long flags(UUID seat, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> SeatFlag.count("seatId = ?1 and reasonCode = ?2", seat, reason));
    }

    private static LocalDate vacatedOn(UUID seat) {
        return QuarkusTransaction.requiringNew().call(() -> Seat.<Seat>findById(seat).vacatedOn);
    }

    private long published(String type, UUID seat) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where type = ?1 and data->>'seatId' = ?2")
                .setParameter(1, type).setParameter(2, seat.toString()).getSingleResult()).longValue());
    }
}
