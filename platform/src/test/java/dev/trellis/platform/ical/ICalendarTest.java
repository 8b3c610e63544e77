package dev.trellis.platform.ical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

class ICalendarTest {
    private static final Instant STAMP = Instant.parse("2026-11-01T09:30:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static CalendarEntry entry(String uid, ZonedDateTime start, String summary, String description) {
        return new CalendarEntry(uid, start, start.plusHours(2), summary, description, "Hall 1; Room A, Level 2",
                URI.create("https://events.example.org/e/1"), false, 0, STAMP);
    }

    private static Calendar parse(String feed) throws Exception {
        return new CalendarBuilder().build(new StringReader(feed));
    }

    @Test
    void everyLineEndsWithCrlfAndNoLineExceeds75Octets() {
        String longText = "Ünïcødé ".repeat(40) + "— and emoji 🎉🎉🎉 at the fold boundary";
        String feed = ICalendar.of("-//Trellis//test//EN", "Test", List.of(
                entry("a@trellis", ZonedDateTime.of(2026, 12, 3, 18, 0, 0, 0, BERLIN), longText, longText))).write();

        assertTrue(feed.endsWith("\r\n"));
        for (String line : feed.split("\r\n")) {
            assertFalse(line.contains("\n"), "bare LF in " + line);
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "too long: " + line);
        }
        assertTrue(feed.contains("\r\n "), "long lines are folded");
    }

    @Test
    void foldedTextWithMultibyteCharactersParsesBackUnchanged() throws Exception {
        String summary = "Ünïcødé ".repeat(40) + "🎉; commas, backslash \\ and\nnew line";
        String feed = ICalendar.of("-//Trellis//test//EN", "Test", List.of(
                entry("a@trellis", ZonedDateTime.of(2026, 12, 3, 18, 0, 0, 0, BERLIN), summary, null))).write();

        VEvent event = parse(feed).getComponent(Component.VEVENT).map(VEvent.class::cast).orElseThrow();
        assertEquals(summary, event.getProperty("SUMMARY").orElseThrow().getValue());
        assertEquals("Hall 1; Room A, Level 2", event.getProperty("LOCATION").orElseThrow().getValue());
    }

    @Test
    void textValuesAreEscaped() {
        assertEquals("a\\;b\\,c\\\\d\\ne\\nf", ICalendar.text("a;b,c\\d\r\ne\nf"));
        assertEquals("bell", ICalendar.text("be\u0007ll"), "control characters are dropped");
    }

    @Test
    void localTimesCarryTzidAndEachZoneHasAVtimezone() throws Exception {
        ZonedDateTime berlin = ZonedDateTime.of(2026, 12, 3, 18, 0, 0, 0, BERLIN);
        ZonedDateTime newYork = ZonedDateTime.of(2027, 4, 14, 9, 30, 0, 0, NEW_YORK);
        String feed = ICalendar.of("-//Trellis//test//EN", "Test", List.of(
                entry("berlin@trellis", berlin, "Berlin meetup", null),
                entry("ny@trellis", newYork, "New York summit", null))).write();

        assertTrue(feed.contains("DTSTART;TZID=Europe/Berlin:20261203T180000\r\n"));
        assertTrue(feed.contains("DTSTART;TZID=America/New_York:20270414T093000\r\n"));
        Calendar calendar = parse(feed);
        List<String> zones = calendar.getComponents(Component.VTIMEZONE).stream()
                .map(c -> ((VTimeZone) c).getTimeZoneId().getValue()).toList();
        assertEquals(List.of("Europe/Berlin", "America/New_York"), zones);

        // Resolved through the feed's own VTIMEZONE, each start is the same instant as the input.
        net.fortuna.ical4j.model.TimeZoneRegistry registry = net.fortuna.ical4j.model.TimeZoneRegistryFactory
                .getInstance().createRegistry();
        for (Component c : calendar.getComponents(Component.VTIMEZONE)) {
            registry.register(new net.fortuna.ical4j.model.TimeZone((VTimeZone) c));
        }
        for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            String uid = event.getUid().orElseThrow().getValue();
            ZonedDateTime expected = uid.startsWith("berlin") ? berlin : newYork;
            String tzid = event.getDateTimeStart().getParameter("TZID").orElseThrow().getValue();
            assertEquals(expected.getZone().getId(), tzid);
            LocalDateTime local = LocalDateTime.parse(event.getDateTimeStart().getValue(),
                    java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
            assertEquals(expected.toLocalDateTime(), local);
            assertEquals(expected.getOffset(), offsetFromVtimezone(calendar, tzid, local));
        }
    }

    /** The offset the feed's own VTIMEZONE gives a local time: the last observance starting before it. */
    private static ZoneOffset offsetFromVtimezone(Calendar calendar, String tzid, LocalDateTime local) {
        VTimeZone zone = calendar.<VTimeZone>getComponents(Component.VTIMEZONE).stream()
                .filter(z -> z.getTimeZoneId().getValue().equals(tzid)).findFirst().orElseThrow();
        LocalDateTime bestStart = null;
        ZoneOffset best = null;
        for (Component observance : zone.getObservances()) {
            LocalDateTime start = LocalDateTime.parse(observance.getProperty("DTSTART").orElseThrow().getValue(),
                    java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
            if (!start.isAfter(local) && (bestStart == null || start.isAfter(bestStart))) {
                bestStart = start;
                best = ZoneOffset.of(offsetId(observance.getProperty("TZOFFSETTO").orElseThrow().getValue()));
            }
        }
        return best;
    }

    private static String offsetId(String utcOffset) {
        return utcOffset.substring(0, 3) + ":" + utcOffset.substring(3, 5);
    }

    @Test
    void berlinObservancesSwitchAtTheRealTransitions() {
        String feed = ICalendar.of("-//Trellis//test//EN", "Test", List.of(
                entry("a@trellis", ZonedDateTime.of(2026, 12, 3, 18, 0, 0, 0, BERLIN), "x", null))).write();
        // 2026: summer time from 29 March 02:00 (+0100 -> +0200), back on 25 October 03:00.
        assertTrue(feed.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"));
        assertTrue(feed.contains("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"));
    }

    @Test
    void utcTimesAreWrittenInUtcFormWithoutVtimezone() {
        ZonedDateTime start = ZonedDateTime.of(2026, 12, 3, 18, 0, 0, 0, ZoneOffset.UTC);
        String feed = ICalendar.of("-//Trellis//test//EN", "Test", List.of(entry("a@trellis", start, "x", null))).write();
        assertTrue(feed.contains("DTSTART:20261203T180000Z\r\n"));
        assertFalse(feed.contains("VTIMEZONE"));
    }

    @Test
    void aZoneWithoutRecentTransitionsGetsOnlyTheObservanceInForce() {
        ZonedDateTime start = ZonedDateTime.of(2026, 12, 3, 18, 0, 0, 0, ZoneId.of("Asia/Kolkata"));
        String feed = ICalendar.of("-//Trellis//test//EN", "Test", List.of(entry("a@trellis", start, "x", null))).write();
        // India's last change was in 1945 (+0630 war time back to +0530).
        assertTrue(feed.contains("TZID:Asia/Kolkata\r\nBEGIN:STANDARD\r\nDTSTART:19451015T000000\r\n"
                + "TZOFFSETFROM:+0630\r\nTZOFFSETTO:+0530\r\nEND:STANDARD\r\nEND:VTIMEZONE"), feed);
    }

    @Test
    void aZoneThatNeverChangedGetsOneFixedObservance() {
        ZonedDateTime start = ZonedDateTime.of(2026, 12, 3, 18, 0, 0, 0, ZoneId.of("Etc/GMT-3"));
        String feed = ICalendar.of("-//Trellis//test//EN", "Test", List.of(entry("a@trellis", start, "x", null))).write();
        assertTrue(feed.contains("TZID:Etc/GMT-3\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
                + "TZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\nEND:STANDARD\r\nEND:VTIMEZONE"), feed);
    }

    @Test
    void uidStampSequenceAndStatusAreWritten() throws Exception {
        ZonedDateTime start = ZonedDateTime.of(2026, 12, 3, 18, 0, 0, 0, BERLIN);
        CalendarEntry cancelled = new CalendarEntry("c@trellis", start, start.plusHours(1), "Gone", null, null, null,
                true, 3, STAMP);
        String feed = ICalendar.of("-//Trellis//test//EN", "Test", List.of(cancelled)).write();
        VEvent event = parse(feed).getComponent(Component.VEVENT).map(VEvent.class::cast).orElseThrow();
        assertEquals("c@trellis", event.getUid().orElseThrow().getValue());
        assertEquals("20261101T093000Z", event.getDateTimeStamp().getValue());
        assertEquals("3", event.getSequence().getValue());
        assertEquals("CANCELLED", event.getProperty("STATUS").orElseThrow().getValue());
        assertFalse(feed.contains("LOCATION"), "absent values are left out");
    }

    @Test
    void utcOffsetsKeepSecondsOnlyWhenSet() {
        assertEquals("+0530", TimeZones.offset(ZoneOffset.ofHoursMinutes(5, 30)));
        assertEquals("-0330", TimeZones.offset(ZoneOffset.ofHoursMinutes(-3, -30)));
        assertEquals("+005328", TimeZones.offset(ZoneOffset.ofTotalSeconds(53 * 60 + 28)));
    }

}
