package dev.trellis.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trellis.advisory.service.SeatService;
import dev.trellis.contracts.advisory.BoardCompositionChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * board-composition-changed: each appointment or vacancy that changes the company groups' seats publishes the
 * board's groups with their cap (what insights-service's level-playing-field report is built from); a re-check that
 * changes nothing publishes nothing.
 */
@QuarkusTest
class CompositionEventsTest {
    static final LocalDate TODAY = LocalDate.now();

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "mp.messaging.incoming.partner-events.topic")
    String topic;
    @Inject
    EntityManager em;
    @Inject
    SeatService seats;

    @Test
    void appointmentsAndVacanciesPublishTheGroupsSeatsAgainstTheCap() {
        UUID board = Fixtures.board("{\"caps\":[{\"scope\":\"COMPANY_GROUP\",\"maxSeats\":2}]}");
        UUID parent = Fixtures.partner("GOLD", null);
        UUID child = Fixtures.partner("SILVER", parent);
        UUID other = Fixtures.partner("GOLD", null);
        Fixtures.appoint(board, Fixtures.appointment(Fixtures.employee(parent), parent, "ELECTED", null, TODAY.minusMonths(1), null));
        UUID second = Fixtures.appoint(board, Fixtures.appointment(Fixtures.employee(child), child, "ELECTED", null,
                TODAY.minusMonths(1), null));
        Fixtures.appoint(board, Fixtures.appointment(Fixtures.employee(other), other, "ELECTED", null, TODAY.minusMonths(1), null));

        // the policy, then each appointment
        List<String> published = published(board);
        assertEquals(4, published.size(), published.toString());
        assertEquals(true, published.get(0).contains("\"seatsHeld\":0,\"groups\":[]"), published.get(0));
        String last = published.get(3);
        assertEquals(true, last.contains("\"seatsHeld\":3"), last);
        // the parent's group holds two seats (its own and its subsidiary's), at its cap of 2
        assertEquals(true, last.contains("{\"groupId\":\"" + parent + "\",\"seats\":2,\"cap\":2}"), last);
        assertEquals(true, last.contains("{\"groupId\":\"" + other + "\",\"seats\":1,\"cap\":2}"), last);

        QuarkusTransaction.requiringNew().run(() -> seats.reconcile(board));
        assertEquals(4, published(board).size(), "a re-check that changes nothing publishes nothing");

        String etag = io.restassured.RestAssured.given().auth().oauth2(dev.trellis.platform.testing.auth.TestTokens.foundationStaff())
                .get("/api/boards/{id}/seats/{s}", board, second).then().statusCode(200).extract().header("ETag");
        io.restassured.RestAssured.given().auth().oauth2(dev.trellis.platform.testing.auth.TestTokens.foundationStaff())
                .contentType("application/json").header("If-Match", etag).body("{\"reason\":\"Resigned\"}")
                .post("/api/boards/{id}/seats/{s}/vacate", board, second).then().statusCode(200);
        List<String> after = published(board);
        assertEquals(5, after.size());
        assertEquals(true, after.get(4).contains("{\"groupId\":\"" + parent + "\",\"seats\":1,\"cap\":2}"), after.get(4));
    }

    @Test
    void eachMembersOwnEntitlementIsPublishedFilledOrNeverFilledAndAgainWhenATierChangeAltersIt() throws Exception {
        PartnerEvents events = new PartnerEvents(topic);
        String platinum = PartnerEvents.tier("PLATINUM");
        String gold = PartnerEvents.tier("GOLD");
        // Platinum: a seat of its own per member; Gold: seats the Gold members share (nobody's own, not listed)
        UUID board = Fixtures.board("{\"tiers\":[{\"tier\":\"" + platinum + "\",\"perMember\":1},"
                + "{\"tier\":\"" + gold + "\",\"membersPerSeat\":1,\"max\":3}]}");
        UUID seated = UUID.randomUUID();
        UUID neverSeated = UUID.randomUUID();
        UUID goldMember = UUID.randomUUID();
        PartnerEvents.Membership seatedTerms = PartnerEvents.Membership.of(seated, platinum, TODAY.minusYears(1), TODAY.plusYears(1));
        PartnerEvents.Membership neverTerms = PartnerEvents.Membership.of(neverSeated, platinum, TODAY.minusYears(1), TODAY.plusYears(1));
        events.registered(seated, "Seated Platinum");
        events.membership(seatedTerms, "STARTED", seatedTerms.termStart());
        events.registered(neverSeated, "Never Seated Platinum");
        events.membership(neverTerms, "STARTED", neverTerms.termStart());
        Fixtures.partner(goldMember, gold, null);
        events.awaitAllReadFor(seated);
        events.awaitAllReadFor(neverSeated);
        Fixtures.appoint(board, Fixtures.appointment(Fixtures.employee(seated), seated, "TIER_APPOINTED", platinum,
                TODAY.minusMonths(1), null));
        Fixtures.appoint(board, Fixtures.appointment(Fixtures.employee(goldMember), goldMember, "TIER_APPOINTED", gold,
                TODAY.minusMonths(1), null));

        String last = last(board);
        assertEquals(true, last.contains("{\"partnerId\":\"" + seated + "\",\"tier\":\"" + platinum
                + "\",\"entitled\":1,\"filled\":1}"), last);
        // never filled: no seat was ever held for it, and the event says so
        assertEquals(true, last.contains("{\"partnerId\":\"" + neverSeated + "\",\"tier\":\"" + platinum
                + "\",\"entitled\":1,\"filled\":0}"), last);
        assertEquals(false, last.contains(goldMember.toString() + "\",\"tier\""), "a shared Gold seat is no member's own: " + last);
        int before = published(board).size();

        // partner-service moves the never-seated member to Gold today: it is entitled to no seat of its own any more
        events.membership(neverTerms.tier(gold), "TIER_CHANGED", TODAY);
        events.awaitAllReadFor(neverSeated);
        PartnerEventSender.await("a composition without the changed member's entitlement",
                () -> published(board).size() > before && !last(board).contains(neverSeated.toString()));
        String after = last(board);
        assertEquals(true, after.contains("{\"partnerId\":\"" + seated + "\",\"tier\":\"" + platinum
                + "\",\"entitled\":1,\"filled\":1}"), after);
        int republished = published(board).size();
        QuarkusTransaction.requiringNew().run(() -> seats.reconcile(board));
        assertEquals(republished, published(board).size(), "unchanged entitlements publish nothing");
    }

    private String last(UUID board) {
        List<String> all = published(board);
        return all.isEmpty() ? "" : all.get(all.size() - 1);
    }

    @SuppressWarnings("unchecked")
    private List<String> published(UUID board) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select cast(data as text) from outbox_event where type = ?1 and aggregate_id = ?2 order by seq")
                .setParameter(1, BoardCompositionChanged.TYPE).setParameter(2, board.toString()).getResultList());
    }
}
