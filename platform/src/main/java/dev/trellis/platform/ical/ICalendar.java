package dev.trellis.platform.ical;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes an iCalendar (RFC 5545) feed: CRLF line ends, TEXT values escaped (§3.3.11), lines folded at
 * 75 octets without splitting a UTF-8 sequence (§3.1), local times with TZID plus a VTIMEZONE for each
 * zone used (§3.6.5), so Outlook, Google and Apple calendars all place an event at the same instant.
 */
public final class ICalendar {
    /** The media type of a feed. */
    public static final String MEDIA_TYPE = "text/calendar;charset=utf-8";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final int FOLD_OCTETS = 75;

    private final String productId;
    private final String name;
    private final List<CalendarEntry> entries;

    private ICalendar(String productId, String name, List<CalendarEntry> entries) {
        this.productId = productId;
        this.name = name;
        this.entries = List.copyOf(entries);
    }

    /**
     * @param productId the PRODID, for example {@code -//Trellis//event-service//EN}
     * @param name the calendar's display name (NAME and X-WR-CALNAME)
     */
    public static ICalendar of(String productId, String name, List<CalendarEntry> entries) {
        return new ICalendar(productId, name, entries);
    }

    /** The feed as text, ready to be sent with {@link #MEDIA_TYPE}. */
    public String write() {
        Lines out = new Lines();
        out.add("BEGIN:VCALENDAR");
        out.add("VERSION:2.0");
        out.add("PRODID:" + text(productId));
        out.add("CALSCALE:GREGORIAN");
        out.add("METHOD:PUBLISH");
        out.add("NAME:" + text(name));
        out.add("X-WR-CALNAME:" + text(name));
        Set<ZoneId> zones = new LinkedHashSet<>();
        for (CalendarEntry e : entries) {
            zones.add(e.start().getZone());
            zones.add(e.end().getZone());
        }
        for (ZoneId zone : zones) {
            if (!isUtc(zone)) {
                TimeZones.write(zone, entries.stream()
                        .filter(e -> e.start().getZone().equals(zone) || e.end().getZone().equals(zone))
                        .flatMap(e -> java.util.stream.Stream.of(e.start().toInstant(), e.end().toInstant()))
                        .toList(), out);
            }
        }
        for (CalendarEntry e : entries) {
            out.add("BEGIN:VEVENT");
            out.add("UID:" + text(e.uid()));
            out.add("DTSTAMP:" + utc(e.stamp()));
            out.add(dateTime("DTSTART", e.start()));
            out.add(dateTime("DTEND", e.end()));
            out.add("SUMMARY:" + text(e.summary()));
            if (e.description() != null && !e.description().isBlank()) {
                out.add("DESCRIPTION:" + text(e.description()));
            }
            if (e.location() != null && !e.location().isBlank()) {
                out.add("LOCATION:" + text(e.location()));
            }
            if (e.url() != null) {
                out.add("URL:" + e.url().toASCIIString());
            }
            out.add("SEQUENCE:" + e.sequence());
            out.add("STATUS:" + (e.cancelled() ? "CANCELLED" : "CONFIRMED"));
            out.add("END:VEVENT");
        }
        out.add("END:VCALENDAR");
        return out.toString();
    }

    static String dateTime(String property, ZonedDateTime at) {
        if (isUtc(at.getZone())) {
            return property + ":" + utc(at.toInstant());
        }
        return property + ";TZID=" + at.getZone().getId() + ":" + LOCAL.format(at.toLocalDateTime());
    }

    static String utc(Instant instant) {
        return UTC.format(instant.atOffset(ZoneOffset.UTC));
    }

    static String local(java.time.LocalDateTime at) {
        return LOCAL.format(at);
    }

    private static boolean isUtc(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC);
    }

    /** Escapes a TEXT value (RFC 5545 §3.3.11). Line breaks of any kind become {@code \n}. */
    static String text(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\r' -> {
                    b.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n' -> b.append("\\n");
                default -> {
                    // Other control characters are not allowed in TEXT (§3.1); drop them.
                    if (c >= 0x20 || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Content lines, folded at 75 octets (§3.1), each ended by CRLF. */
    static final class Lines {
        private final StringBuilder out = new StringBuilder();

        void add(String line) {
            int octets = 0;
            int limit = FOLD_OCTETS;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > limit) {
                    out.append("\r\n ");
                    octets = 0;
                    limit = FOLD_OCTETS - 1; // the leading space of a continuation line counts
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
