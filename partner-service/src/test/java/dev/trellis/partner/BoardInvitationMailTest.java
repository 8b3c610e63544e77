package dev.trellis.partner;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.contracts.advisory.BoardMeetingScheduled;
import dev.trellis.platform.testing.auth.TestTokens;
import dev.trellis.platform.testing.mail.GreenMailInbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * advisory-service's board-meeting-scheduled events, consumed here, become invitations mailed through the real
 * GreenMail: one per invitee that is a contact with an address, the holder's and the alternate's wording each, with
 * the meeting as a parseable meeting.ics; nothing for an erased or unknown contact, and nothing twice for a
 * redelivered event.
 */
@QuarkusTest
class BoardInvitationMailTest {
    @Inject
    EntityManager em;
    @ConfigProperty(name = "mp.messaging.incoming.advisory-events.topic")
    String topic;

    @Test
    void holdersAndAlternatesWithAnAddressAreInvitedOnceWithTheMeetingAttached() throws Exception {
        String holderTo = GreenMailInbox.newAddress("holder");
        String alternateTo = GreenMailInbox.newAddress("alternate");
        String erasedTo = GreenMailInbox.newAddress("erased");
        String holder = contact("Hanna", holderTo);
        String alternate = contact("Alvar", alternateTo);
        String erased = contact("Eero", erasedTo);
        given().auth().oauth2(TestTokens.foundationStaff()).post("/api/contacts/" + erased + "/erasure").then().statusCode(200);
        UUID board = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        UUID seat = UUID.randomUUID();
        ZonedDateTime start = ZonedDateTime.now(java.time.ZoneId.of("Europe/Helsinki")).plusDays(20)
                .withHour(15).truncatedTo(ChronoUnit.HOURS);
        String eventId = UUID.randomUUID().toString();
        String data = scheduled(board, meeting, "Q2 meeting", start, "Foundation office, Helsinki", "https://meet.example.org/q2",
                "[" + invitee(holder, seat, "HOLDER") + "," + invitee(alternate, seat, "ALTERNATE") + ","
                        + invitee(erased, UUID.randomUUID(), "HOLDER") + "," + invitee(UUID.randomUUID().toString(), seat, "HOLDER")
                        + "," + invitee(holder, UUID.randomUUID(), "ALTERNATE") + "]");

        send(eventId, board, data);

        GreenMailInbox.Received mail = GreenMailInbox.await(holderTo, 1).get(0);
        assertEquals(List.of(holderTo), mail.recipients());
        assertEquals("Invitation: Technical Advisory Board, Q2 meeting", mail.subject());
        assertTrue(mail.text().contains("Hello Hanna,"), mail.text());
        assertTrue(mail.text().contains("Where:   Foundation office, Helsinki"), mail.text());
        assertTrue(mail.text().contains("Online:  https://meet.example.org/q2"), mail.text());
        assertTrue(mail.text().contains("(Europe/Helsinki)"), mail.text());
        assertTrue(mail.text().contains(", 15:00–16:30"), mail.text());
        assertTrue(mail.text().contains("because you hold a seat"), mail.text());
        assertTrue(!mail.text().contains("as the alternate"), "the holder of one seat who stands in for another is invited as holder");
        assertTrue(mail.html().contains("<strong>Technical Advisory Board</strong>"), mail.html());
        assertEquals(List.of("meeting.ics"), mail.attachmentNames());
        VEvent entry = only(mail.calendar());
        assertEquals("board-meeting-" + meeting + "@trellis.dev", entry.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals("Technical Advisory Board: Q2 meeting", entry.getProperty(Property.SUMMARY).orElseThrow().getValue());
        assertEquals("Foundation office, Helsinki", entry.getProperty(Property.LOCATION).orElseThrow().getValue());
        assertEquals(start.toInstant(), java.time.Instant.from(entry.getDateTimeStart().getDate()));
        assertEquals(start.plusMinutes(90).toInstant(), java.time.Instant.from(entry.getDateTimeEnd().getDate()));

        GreenMailInbox.Received alternateMail = GreenMailInbox.await(alternateTo, 1).get(0);
        assertTrue(alternateMail.text().contains("Hello Alvar,"), alternateMail.text());
        assertTrue(alternateMail.text().contains("as the alternate for your seat"), alternateMail.text());
        assertEquals("board-meeting-" + meeting + "@trellis.dev",
                only(alternateMail.calendar()).getProperty(Property.UID).orElseThrow().getValue());

        // The same event again (Kafka redelivers), then another meeting of the board: the board's key keeps them in
        // order, so once the second meeting's mail is there the redelivery has been handled, and it sent nothing.
        send(eventId, board, data);
        UUID next = UUID.randomUUID();
        send(UUID.randomUUID().toString(), board, scheduled(board, next, "Q3 meeting", start.plusMonths(3), null, null,
                "[" + invitee(holder, seat, "HOLDER") + "]"));
        List<GreenMailInbox.Received> both = GreenMailInbox.await(holderTo, 2);
        assertEquals(List.of("Invitation: Technical Advisory Board, Q2 meeting", "Invitation: Technical Advisory Board, Q3 meeting"),
                both.stream().map(GreenMailInbox.Received::subject).sorted().toList());
        GreenMailInbox.Received q3 = both.stream().filter(m -> m.subject().endsWith("Q3 meeting")).findFirst().orElseThrow();
        assertTrue(!q3.text().contains("Where:") && !q3.text().contains("Online:"), "no place named, none written: " + q3.text());
        assertEquals(1, GreenMailInbox.mails(alternateTo).size());
        assertEquals(0, GreenMailInbox.mails(erasedTo).size(), "an erased contact is invited to nothing");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from mail_outbox where kind = 'board-meeting-invitation' and reference_id = :m and recipient = :r")
                .setParameter("m", meeting).setParameter("r", erasedTo).getSingleResult()).longValue()));
    }

    private static VEvent only(Calendar calendar) {
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(1, events.size());
        return events.get(0);
    }

    private static String contact(String first, String email) {
        return given().auth().oauth2(TestTokens.communityTeam()).contentType(ContentType.JSON)
                .body(Map.of("firstName", first, "lastName", "Invitee", "email", email))
                .post("/api/contacts").then().statusCode(201).extract().path("id");
    }

    private static String invitee(String contact, UUID seat, String role) {
        return "{\"contactId\":\"" + contact + "\",\"seatId\":\"" + seat + "\",\"role\":\"" + role + "\"}";
    }

    private static String scheduled(UUID board, UUID meeting, String title, ZonedDateTime start, String venue, String onlineUrl,
            String invitees) {
        return "{\"boardId\":\"" + board + "\",\"boardName\":\"Technical Advisory Board\",\"meetingId\":\"" + meeting
                + "\",\"title\":\"" + title + "\",\"startsAt\":\"" + start.toInstant() + "\",\"endsAt\":\""
                + start.plusMinutes(90).toInstant() + "\",\"timeZone\":\"" + start.getZone().getId() + "\",\"venue\":"
                + (venue == null ? "null" : "\"" + venue + "\"") + ",\"onlineUrl\":"
                + (onlineUrl == null ? "null" : "\"" + onlineUrl + "\"") + ",\"invitees\":" + invitees + "}";
    }

    private void send(String eventId, UUID board, String data) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(eventId));
        headers.add("ce_type", bytes(BoardMeetingScheduled.TYPE));
        headers.add("ce_source", bytes("advisory-service"));
        headers.add("ce_subject", bytes(board.toString()));
        headers.add("ce_time", bytes(java.time.Instant.now().toString()));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, null, board.toString(), data, headers)).get();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
