package dev.trellis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.e2e.support.Boards;
import dev.trellis.e2e.support.Caller;
import dev.trellis.e2e.support.Http;
import dev.trellis.e2e.support.Mailbox;
import dev.trellis.e2e.support.Meetups;
import dev.trellis.e2e.support.Stack;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A board meeting scheduled through the gateway is mailed to the seat's holder and its alternate: advisory-service
 * publishes board-meeting-scheduled with contact ids only, partner-service (which holds the addresses) sends each
 * invitation with the meeting's calendar entry, and the mails arrive at the real GreenMail.
 */
class BoardInvitationIT {
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String POLICY = """
            {"seats":[{"kind":"ELECTED","count":5}],"quorum":{"numerator":1,"denominator":2}}""";

    @Test
    void theHolderAndTheAlternateEachReceiveTheInvitationWithTheCalendarEntry() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String holderTo = Mailbox.address("holder." + suffix);
        String alternateTo = Mailbox.address("alternate." + suffix);
        String holder = contact("Hedda", holderTo);
        String alternate = contact("Arvo", alternateTo);
        String boardName = "Invitation Board " + suffix;
        String board = Boards.withPolicy(boardName, "TECHNICAL_COMMITTEE", POLICY);
        LocalDate today = LocalDate.now();
        String appointment = """
                {"holderContactId": "%s", "alternateContactId": "%s", "partnerId": null, "kind": "ELECTED",
                 "tierBasis": null, "termStart": "%s", "termEnd": "%s"}""".formatted(holder, alternate, today.minusMonths(1),
                today.plusYears(1));
        // advisory-service learns of the contacts from partner-service's events
        created(Meetups.poll(() -> Http.call(Caller.STAFF, "POST", api("/api/boards/" + board + "/seats"), appointment),
                r -> r.status() == 201, PATIENCE));

        LocalDate day = today.plusDays(21);
        String meeting = created(Http.call(Caller.STAFF, "POST", api("/api/boards/" + board + "/meetings"), """
                {"title": "Spring review", "startsAt": "%sT16:00:00", "timeZone": "Europe/Berlin", "durationMinutes": 90,
                 "venue": "Foundation office, Berlin", "onlineUrl": "https://meet.example.org/spring"}""".formatted(day)));

        String subject = "Invitation: " + boardName + ", Spring review";
        Mailbox.Mail toHolder = only(Mailbox.await(holderTo, 1));
        assertEquals(subject, toHolder.subject());
        assertTrue(toHolder.text().contains("Hello Hedda,"), toHolder.text());
        assertTrue(toHolder.text().contains("Where:   Foundation office, Berlin"), toHolder.text());
        assertTrue(toHolder.text().contains("because you hold a seat"), toHolder.text());
        String ics = toHolder.attachment("meeting.ics");
        assertNotNull(ics, "meeting.ics attached: " + toHolder.mime());
        assertTrue(ics.contains("BEGIN:VEVENT\r\n"), ics);
        assertTrue(ics.contains("UID:board-meeting-" + meeting + "@trellis.dev\r\n"), ics);
        assertTrue(ics.contains("DTSTART;TZID=Europe/Berlin:" + day.toString().replace("-", "") + "T160000\r\n"), ics);
        assertTrue(ics.contains("LOCATION:Foundation office\\, Berlin\r\n"), ics);

        Mailbox.Mail toAlternate = only(Mailbox.await(alternateTo, 1));
        assertEquals(subject, toAlternate.subject());
        assertTrue(toAlternate.text().contains("Hello Arvo,"), toAlternate.text());
        assertTrue(toAlternate.text().contains("as the alternate for your seat"), toAlternate.text());
        assertNotNull(toAlternate.attachment("meeting.ics"));

        // the board's own feed has the same entry, so a calendar that has both keeps one
        String feed = Http.get(Caller.STAFF, api("/api/boards/" + board + "/calendar.ics")).body();
        assertTrue(feed.contains("UID:board-meeting-" + meeting + "@trellis.dev\r\n"), feed);
    }

    private static Mailbox.Mail only(List<Mailbox.Mail> mails) {
        assertEquals(1, mails.size(), "one mail: " + mails);
        return mails.get(0);
    }

    private static String contact(String first, String email) {
        return created(Http.call(Caller.TEAM, "POST", api("/api/contacts"),
                "{\"firstName\": \"" + first + "\", \"lastName\": \"Invited\", \"email\": \"" + email + "\"}"));
    }

    private static String created(Http.Response response) {
        assertEquals(201, response.status(), response.toString());
        JsonNode id = response.json().get("id");
        assertNotNull(id, response.toString());
        return id.asText();
    }

    private static URI api(String path) {
        return URI.create(Stack.GATEWAY + path);
    }
}
