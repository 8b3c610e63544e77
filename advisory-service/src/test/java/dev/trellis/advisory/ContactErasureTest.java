package dev.trellis.advisory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trellis.advisory.domain.Seat;
import dev.trellis.contracts.advisory.ErasureCompleted;
import dev.trellis.contracts.advisory.SeatVacated;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** contact-erased reaches the boards: the person's seats are vacated, they stop being an alternate and count for no quorum. */
@QuarkusTest
class ContactErasureTest {
    static final LocalDate TODAY = LocalDate.now();
    static final String TOC = """
            {"seats":[{"kind":"ELECTED","count":11}],"quorum":{"numerator":2,"denominator":3}}""";

    @ConfigProperty(name = "mp.messaging.incoming.partner-events.topic")
    String topic;
    @Inject
    EntityManager em;

    @Test
    void anErasedContactsSeatsAreVacatedAndTheyCountForNoQuorum() throws Exception {
        PartnerEvents events = new PartnerEvents(topic);
        UUID board = Fixtures.board(TOC);
        UUID erased = Fixtures.contact();
        UUID held = Fixtures.appoint(board, Fixtures.appointment(erased, null, "ELECTED", null, TODAY.minusYears(1), TODAY.plusYears(1)));
        UUID other = Fixtures.appoint(board, SeatHolderContactsTest.withAlternate(
                Fixtures.appointment(Fixtures.contact(), null, "ELECTED", null, TODAY.minusYears(1), TODAY.plusYears(1)), erased));
        Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), null, "ELECTED", null, TODAY.minusYears(1), TODAY.plusYears(1)));
        // a meeting held yesterday whose attendance is still to be recorded
        UUID meeting = UUID.fromString(given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body("{\"title\":\"Yesterday\",\"startsAt\":\"" + TODAY.minusDays(1) + "T10:00:00\",\"timeZone\":\"UTC\",\"durationMinutes\":60}")
                .post("/api/boards/{id}/meetings", board).then().statusCode(201).extract().path("id"));
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/meetings/{m}/attendance", board, meeting)
                .then().statusCode(200).body("votingSeats", equalTo(3));

        events.contactErased(erased);
        PartnerEventSender.await("seat " + held + " vacated", () -> seat(held).vacatedOn != null);
        Seat vacated = seat(held);
        assertEquals(TODAY, vacated.vacatedOn);
        assertEquals("erased", vacated.vacateReason);
        assertEquals(1, published(SeatVacated.TYPE, held));
        assertNull(seat(other).alternateContactId);
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/meetings/{m}/attendance", board, meeting)
                .then().statusCode(200).body("votingSeats", equalTo(2))
                .body("attendance.seatId", not(hasItem(held.toString())));
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body("{\"attendance\":[{\"seatId\":\"" + held + "\",\"presence\":\"PRESENT\"}]}")
                .put("/api/boards/{id}/meetings/{m}/attendance", board, meeting)
                .then().statusCode(422).body("type", equalTo("https://trellis.dev/problems/not-expected"));

        // the erasure arriving twice changes nothing more
        events.contactErased(erased);
        events.awaitAllReadFor(erased);
        assertEquals(1, published(SeatVacated.TYPE, held));
    }

    @Test
    void anErasureRequestIsConfirmedOnceItsSeatsAreVacated() throws Exception {
        PartnerEvents events = new PartnerEvents(topic);
        UUID board = Fixtures.board(TOC);
        UUID erased = Fixtures.contact();
        UUID held = Fixtures.appoint(board, Fixtures.appointment(erased, null, "ELECTED", null, TODAY.minusYears(1), TODAY.plusYears(1)));
        UUID request = UUID.randomUUID();

        events.contactErased(erased, request);
        PartnerEventSender.await("erasure " + request + " confirmed", () -> confirmations(request) == 1);
        assertEquals("erased", seat(held).vacateReason, "confirmed with the seat vacated");
        String data = QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery(
                "select cast(data as text) from outbox_event where type = ?1 and data->>'requestId' = ?2")
                .setParameter(1, ErasureCompleted.TYPE).setParameter(2, request.toString()).getSingleResult()));
        org.junit.jupiter.api.Assertions.assertTrue(data.contains("\"contactId\":\"" + erased + "\""), data);
    }

    private long confirmations(UUID request) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where type = ?1 and data->>'requestId' = ?2")
                .setParameter(1, ErasureCompleted.TYPE).setParameter(2, request.toString()).getSingleResult()).longValue());
    }

    private static Seat seat(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Seat.<Seat>findById(id));
    }

    private long published(String type, UUID seat) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where type = ?1 and data->>'seatId' = ?2")
                .setParameter(1, type).setParameter(2, seat.toString()).getSingleResult()).longValue());
    }
}
