package dev.trellis.event;

import static dev.trellis.event.Fixtures.team;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CalendarFeedTest {
    private static final String TITLE = "Helsinki Cloud Native; talks, demos \\ and sauna — Ünïcødé edition with a title long enough to fold";
    private static final String DESCRIPTION = "Line one; with, punctuation\nLine two \\ backslash";

    @Test
    void anEventFeedParsesBackWithAStableUidAndLocalTimeInItsZone() throws Exception {
        UUID group = UserGroupTest.group("Feeds " + UUID.randomUUID());
        UUID event = Fixtures.draftEvent(30, java.time.Instant.parse("2027-06-10T15:00:00Z"), group);
        given().auth().oauth2(team()).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "*")
                .body("{\"title\":\"" + TITLE.replace("\\", "\\\\") + "\",\"description\":\""
                        + DESCRIPTION.replace("\\", "\\\\").replace("\n", "\\n") + "\"}")
                .patch("/api/events/{id}", event).then().statusCode(200);
        given().get("/api/events/{id}/calendar.ics", event).then().statusCode(404);
        Fixtures.publish(event);
        UUID draft = Fixtures.draftEvent(null, java.time.Instant.parse("2027-06-11T15:00:00Z"), group);

        String raw = given().get("/api/events/{id}/calendar.ics", event).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/calendar")).extract().asString();
        for (String line : raw.split("\r\n")) {
            assertFalse(line.contains("\n"), "bare LF in " + line);
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "unfolded line: " + line);
        }
        assertTrue(raw.contains("\r\n "), "the long title is folded");
        assertTrue(raw.contains("DTSTART;TZID=Europe/Helsinki:20270610T180000\r\n"), raw);

        VEvent vevent = only(parse(raw));
        assertEquals(event + "@events.trellis.dev", vevent.getUid().orElseThrow().getValue());
        assertEquals(TITLE, vevent.getProperty("SUMMARY").orElseThrow().getValue());
        assertEquals(DESCRIPTION, vevent.getProperty("DESCRIPTION").orElseThrow().getValue());
        assertEquals("Europe/Helsinki", vevent.getDateTimeStart().getParameter("TZID").orElseThrow().getValue());
        assertEquals("Maria 01", vevent.getProperty("LOCATION").orElseThrow().getValue());
        String sequence = vevent.getProperty("SEQUENCE").orElseThrow().getValue();

        // A change keeps the UID and raises the SEQUENCE, so calendars update the entry instead of adding one.
        given().auth().oauth2(team()).contentType("application/merge-patch+json").header("If-Match", "*")
                .body("{\"venue\":\"Hall 2, Maria 01\"}").patch("/api/events/{id}", event).then().statusCode(200);
        VEvent changed = only(parse(given().get("/api/events/{id}/calendar.ics", event).then().extract().asString()));
        assertEquals(event + "@events.trellis.dev", changed.getUid().orElseThrow().getValue());
        assertTrue(Integer.parseInt(changed.getProperty("SEQUENCE").orElseThrow().getValue()) > Integer.parseInt(sequence));
        assertEquals("Hall 2, Maria 01", changed.getProperty("LOCATION").orElseThrow().getValue());

        List<String> groupUids = uids(parse(given().get("/api/user-groups/{id}/calendar.ics", group).then()
                .statusCode(200).extract().asString()));
        assertEquals(List.of(event + "@events.trellis.dev"), groupUids);
        List<String> all = uids(parse(given().get("/api/calendar/events.ics").then().statusCode(200).extract().asString()));
        assertTrue(all.contains(event + "@events.trellis.dev"));
        assertFalse(all.contains(draft + "@events.trellis.dev"));
        given().get("/api/user-groups/{id}/calendar.ics", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aCancelledEventStaysInTheFeedMarkedCancelled() throws Exception {
        UUID event = Fixtures.publishedEvent(null);
        Fixtures.status(event, "CANCELLED");
        VEvent vevent = only(parse(given().get("/api/events/{id}/calendar.ics", event).then().statusCode(200)
                .extract().asString()));
        assertEquals("CANCELLED", vevent.getProperty("STATUS").orElseThrow().getValue());
        given().auth().oauth2(team()).contentType(ContentType.JSON).get("/api/events/{id}", event).then().statusCode(200);
    }

    private static Calendar parse(String feed) throws Exception {
        return new CalendarBuilder().build(new StringReader(feed));
    }

    private static VEvent only(Calendar calendar) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertEquals(1, events.size());
        return events.get(0);
    }

    private static List<String> uids(Calendar calendar) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream().map(e -> e.getUid().orElseThrow().getValue()).toList();
    }
}
