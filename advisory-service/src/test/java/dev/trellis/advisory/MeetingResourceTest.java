package dev.trellis.advisory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trellis.contracts.advisory.BoardMeetingHeld;
import dev.trellis.contracts.advisory.VotingRestored;
import dev.trellis.contracts.advisory.VotingSuspended;
import dev.trellis.platform.testing.auth.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeetingResourceTest {
    static final String TOC = """
            {"seats":[{"kind":"ELECTED","count":11}],
             "attendance":{"suspendAfterMissed":3,"restoreAfterAttended":2,"alternateCounts":true},
             "quorum":{"numerator":2,"denominator":3},
             "decision":{"basis":"PRESENT","fraction":{"numerator":1,"denominator":2},"strict":true}}""";
    static final LocalDate FIRST = LocalDate.now().minusWeeks(10);

    @Inject
    EntityManager em;

    @Test
    void threeMissedMeetingsSuspendAndTwoAttendedRestoreTheVote() {
        UUID board = Fixtures.board(TOC);
        UUID s1 = elected(board);
        UUID s2 = elected(board);
        UUID s3 = elected(board);
        for (int i = 0; i < 3; i++) {
            UUID m = meeting(board, FIRST.plusWeeks(i));
            attendance(board, m, s1, "ABSENT", s2, "PRESENT", s3, "ALTERNATE")
                    .body("quorumMet", equalTo(true)).body("votingSeats", equalTo(3)).body("votingPresent", equalTo(2));
            if (i == 2) {
                resolution(board, m, s2, "YES", s3, "NO").statusCode(201).body("outcome", equalTo("REJECTED"));
                resolution(board, m, s2, "YES", s3, "YES").statusCode(201).body("outcome", equalTo("ADOPTED")).body("yes", equalTo(2));
                resolution(board, m, s1, "YES", s2, "YES").statusCode(422).body("type", equalTo("https://trellis.dev/problems/not-a-voter"));
            }
            close(board, m);
        }
        seat(board, s1).body("votingStatus", equalTo("SUSPENDED"));
        assertEquals(1, published(VotingSuspended.TYPE, s1));
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/compliance", board)
                .then().statusCode(200).body("votingSuspended[0].seatId", equalTo(s1.toString()));

        UUID fourth = meeting(board, FIRST.plusWeeks(3));
        attendance(board, fourth, s1, "PRESENT", s2, "ABSENT", s3, "ABSENT")
                .body("votingSeats", equalTo(2)).body("votingPresent", equalTo(0)).body("quorumMet", equalTo(false));
        resolution(board, fourth, s1, "YES", s2, "YES").statusCode(422);
        close(board, fourth);
        seat(board, s1).body("votingStatus", equalTo("SUSPENDED"));

        UUID fifth = meeting(board, FIRST.plusWeeks(4));
        attendance(board, fifth, s1, "PRESENT", s2, "PRESENT", s3, "PRESENT");
        close(board, fifth);
        seat(board, s1).body("votingStatus", equalTo("VOTING"));
        assertEquals(1, published(VotingRestored.TYPE, s1));
        assertEquals(5L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where type = ?1 and data->>'boardId' = ?2")
                .setParameter(1, BoardMeetingHeld.TYPE).setParameter(2, board.toString()).getSingleResult()).longValue()));
    }

    @Test
    void aClosedMeetingKeepsItsAttendance() {
        UUID board = Fixtures.board(TOC);
        UUID s1 = elected(board);
        UUID m = meeting(board, FIRST);
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).body("{}")
                .post("/api/boards/{id}/meetings/{m}/close", board, m).then().statusCode(409)
                .body("type", equalTo("https://trellis.dev/problems/attendance-missing"));
        attendance(board, m, s1, "PRESENT", s1, "PRESENT").statusCode(400);
        attendance(board, m, s1, "PRESENT", UUID.randomUUID(), "PRESENT").statusCode(422);
        attendance(board, m, s1, "PRESENT").statusCode(200).body("quorumMet", equalTo(true));
        close(board, m);
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body("{\"attendance\":[]}").put("/api/boards/{id}/meetings/{m}/attendance", board, m).then().statusCode(409);
    }

    @Test
    void aMeetingThatHasNotStartedTakesNoAttendanceAndCannotBeClosed() {
        UUID board = Fixtures.board(TOC);
        UUID s1 = elected(board);
        UUID march = meeting(board, LocalDate.now().plusYears(1).withMonth(3).withDayOfMonth(10));
        attendance(board, march, s1, "PRESENT").statusCode(409).body("type", equalTo("https://trellis.dev/problems/meeting-not-started"));
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).body("{}")
                .post("/api/boards/{id}/meetings/{m}/close", board, march).then().statusCode(409)
                .body("type", equalTo("https://trellis.dev/problems/meeting-not-started"));
        given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/meetings/{m}", board, march)
                .then().statusCode(200).body("held", equalTo(false)).body("quorumMet", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aResolutionIsCreatedAtItsOwnAddressAndResolutionsArePaged() {
        UUID board = Fixtures.board(TOC);
        UUID s1 = elected(board);
        UUID m = meeting(board, FIRST);
        attendance(board, m, s1, "PRESENT").statusCode(200);
        String first = resolution(board, m, s1, "YES").statusCode(201).extract().header("Location");
        org.junit.jupiter.api.Assertions.assertNotNull(first, "no Location");
        given().auth().oauth2(TestTokens.communityTeam()).get(first).then().statusCode(200).body("outcome", equalTo("ADOPTED"));
        resolution(board, m, s1, "NO").statusCode(201);
        String next = given().auth().oauth2(TestTokens.communityTeam()).queryParam("limit", 1)
                .get("/api/boards/{id}/meetings/{m}/resolutions", board, m).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].outcome", equalTo("ADOPTED"))
                .extract().path("next");
        given().auth().oauth2(TestTokens.communityTeam()).queryParam("limit", 1).queryParam("cursor", next)
                .get("/api/boards/{id}/meetings/{m}/resolutions", board, m).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].outcome", equalTo("REJECTED"))
                .body("next", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aFutureMeetingInvitesTheHoldersAndAlternatesByIdAndAPastOneNobody() throws Exception {
        UUID board = Fixtures.board(TOC);
        UUID holder = Fixtures.contact();
        UUID alternate = Fixtures.contact();
        UUID erasedAlternate = Fixtures.contact();
        LocalDate start = LocalDate.now().minusYears(1);
        UUID withAlternate = appointWithAlternate(board, holder, alternate, start);
        UUID second = appointWithAlternate(board, Fixtures.contact(), erasedAlternate, start);
        // erased since the appointment (a seat's own vacating is partner-service's erasure event's business)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update contact_view set erased_at = now() where contact_id = ?1").setParameter(1, erasedAlternate).executeUpdate());
        // ends before the meeting: not invited
        Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), null, "ELECTED", null, start, LocalDate.now().plusDays(5)));
        LocalDate day = LocalDate.now().plusDays(30);

        String id = given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body("{\"title\":\"Q2\",\"startsAt\":\"" + day + "T16:00:00\",\"timeZone\":\"Europe/Berlin\",\"durationMinutes\":90,"
                        + "\"venue\":\"Foundation office\",\"onlineUrl\":\"https://meet.example.org/q2\"}")
                .post("/api/boards/{id}/meetings", board).then().statusCode(201)
                .body("venue", equalTo("Foundation office")).body("onlineUrl", equalTo("https://meet.example.org/q2"))
                .extract().path("id");

        java.util.List<String> rows = scheduled(board);
        assertEquals(1, rows.size());
        com.fasterxml.jackson.databind.JsonNode data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(rows.get(0));
        assertEquals(id, data.get("meetingId").asText());
        assertEquals("Q2", data.get("title").asText());
        assertEquals(day.atTime(16, 0).atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant().toString(), data.get("startsAt").asText());
        assertEquals(day.atTime(17, 30).atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant().toString(), data.get("endsAt").asText());
        assertEquals("Foundation office", data.get("venue").asText());
        java.util.Set<String> invitees = new java.util.TreeSet<>();
        data.get("invitees").forEach(i -> invitees.add(i.get("contactId").asText() + " " + i.get("seatId").asText() + " "
                + i.get("role").asText()));
        String secondHolder = given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/seats/{s}", board, second)
                .then().statusCode(200).extract().path("holderContactId");
        assertEquals(new java.util.TreeSet<>(java.util.List.of(holder + " " + withAlternate + " HOLDER",
                alternate + " " + withAlternate + " ALTERNATE", secondHolder + " " + second + " HOLDER")), invitees);
        String feed = given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/calendar.ics", board)
                .then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(feed.contains("LOCATION:Foundation office\r\n"), feed);
        org.junit.jupiter.api.Assertions.assertTrue(feed.contains("UID:board-meeting-" + id + "@trellis.dev\r\n"), feed);

        meeting(board, FIRST); // already past: a record of a meeting, not an invitation
        assertEquals(1, scheduled(board).size());
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body("{\"title\":\"Q3\",\"startsAt\":\"" + day + "T16:00:00\",\"timeZone\":\"Europe/Berlin\",\"durationMinutes\":60,"
                        + "\"onlineUrl\":\"http://127.0.0.1/meet\"}")
                .post("/api/boards/{id}/meetings", board).then().statusCode(400).body("errors[0].field", equalTo("onlineUrl"));
    }

    private static UUID appointWithAlternate(UUID board, UUID holder, UUID alternate, LocalDate start) {
        String body = Fixtures.appointment(holder, null, "ELECTED", null, start, start.plusYears(3));
        return Fixtures.appoint(board, body.substring(0, body.length() - 1) + ",\"alternateContactId\":\"" + alternate + "\"}");
    }

    @SuppressWarnings("unchecked")
    private java.util.List<String> scheduled(UUID board) {
        return QuarkusTransaction.requiringNew().call(() -> (java.util.List<String>) em.createNativeQuery(
                "select cast(data as text) from outbox_event where type = ?1 and data->>'boardId' = ?2")
                .setParameter(1, dev.trellis.contracts.advisory.BoardMeetingScheduled.TYPE).setParameter(2, board.toString())
                .getResultList());
    }

    @Test
    void aMeetingNeedsARealTimeZone() {
        UUID board = Fixtures.board("{}");
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body("{\"title\":\"Kick-off\",\"startsAt\":\"2026-09-15T17:00:00\",\"timeZone\":\"Mars/Olympus\",\"durationMinutes\":60}")
                .post("/api/boards/{id}/meetings", board).then().statusCode(400).body("errors[0].field", equalTo("timeZone"));
        String location = given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body("{\"title\":\"Kick-off\",\"startsAt\":\"2026-09-15T17:00:00\",\"timeZone\":\"America/New_York\",\"durationMinutes\":60}")
                .post("/api/boards/{id}/meetings", board).then().statusCode(201)
                .body("startsAtUtc", equalTo("2026-09-15T21:00:00Z")).extract().header("Location");
        given().auth().oauth2(TestTokens.communityTeam()).get(location).then().statusCode(200)
                .body("startsAt", equalTo("2026-09-15T17:00:00")).body("timeZone", equalTo("America/New_York"));
        String feed = given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/calendar.ics", board)
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/calendar")).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(feed.contains("DTSTART;TZID=America/New_York:20260915T170000\r\n"), feed);
        org.junit.jupiter.api.Assertions.assertTrue(feed.contains("SUMMARY:Kick-off\r\n"), feed);
        org.junit.jupiter.api.Assertions.assertTrue(feed.contains("BEGIN:VTIMEZONE"), feed);
    }

    private static UUID elected(UUID board) {
        return Fixtures.appoint(board, Fixtures.appointment(Fixtures.contact(), null, "ELECTED", null, FIRST.minusYears(1), FIRST.plusYears(1)));
    }

    private static UUID meeting(UUID board, LocalDate day) {
        return UUID.fromString(given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON)
                .body("{\"title\":\"TOC " + day + "\",\"startsAt\":\"" + day + "T16:00:00\",\"timeZone\":\"Europe/Berlin\",\"durationMinutes\":60}")
                .post("/api/boards/{id}/meetings", board).then().statusCode(201).extract().path("id"));
    }

    private static io.restassured.response.ValidatableResponse attendance(UUID board, UUID meeting, Object... pairs) {
        StringBuilder body = new StringBuilder("{\"attendance\":[");
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(i == 0 ? "" : ",").append("{\"seatId\":\"").append(pairs[i]).append("\",\"presence\":\"").append(pairs[i + 1]).append("\"}");
        }
        return given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).body(body + "]}")
                .put("/api/boards/{id}/meetings/{m}/attendance", board, meeting).then();
    }

    private static io.restassured.response.ValidatableResponse resolution(UUID board, UUID meeting, Object... pairs) {
        StringBuilder body = new StringBuilder("{\"title\":\"Adopt the charter change\",\"votes\":[");
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(i == 0 ? "" : ",").append("{\"seatId\":\"").append(pairs[i]).append("\",\"vote\":\"").append(pairs[i + 1]).append("\"}");
        }
        return given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).body(body + "]}")
                .post("/api/boards/{id}/meetings/{m}/resolutions", board, meeting).then();
    }

    private static void close(UUID board, UUID meeting) {
        given().auth().oauth2(TestTokens.foundationStaff()).contentType(ContentType.JSON).body("{\"minutes\":\"Minutes\"}")
                .post("/api/boards/{id}/meetings/{m}/close", board, meeting).then().statusCode(200).body("held", equalTo(true));
    }

    private static io.restassured.response.ValidatableResponse seat(UUID board, UUID seat) {
        return given().auth().oauth2(TestTokens.communityTeam()).get("/api/boards/{id}/seats/{s}", board, seat).then().statusCode(200);
    }

    private long published(String type, UUID seat) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where type = ?1 and data->>'seatId' = ?2")
                .setParameter(1, type).setParameter(2, seat.toString()).getSingleResult()).longValue());
    }
}
