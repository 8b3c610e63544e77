package dev.trellis.platform.ical;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * VTIMEZONE components from the JDK's tz database. Rather than translating {@code java.time}'s
 * transition rules into RRULEs (which cannot express every rule, such as a change at 24:00), each
 * transition around the feed's entries is written as its own STANDARD or DAYLIGHT observance:
 * exact for any zone, and understood by every calendar app.
 */
final class TimeZones {
    /** Transitions are written from a year before the first entry to a year after the last. */
    private static final long MARGIN_SECONDS = 366L * 24 * 3600;

    private TimeZones() {
    }

    static void write(ZoneId zone, List<Instant> instants, ICalendar.Lines out) {
        ZoneRules rules = zone.getRules();
        Instant first = instants.isEmpty() ? Instant.now() : Collections.min(instants);
        Instant last = instants.isEmpty() ? first : Collections.max(instants);
        Instant from = first.minusSeconds(MARGIN_SECONDS);
        Instant to = last.plusSeconds(MARGIN_SECONDS);

        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        ZoneOffsetTransition inForce = rules.previousTransition(from);
        if (inForce != null) {
            transitions.add(inForce);
        }
        for (ZoneOffsetTransition t = rules.nextTransition(from);
                t != null && !t.getInstant().isAfter(to);
                t = rules.nextTransition(t.getInstant())) {
            transitions.add(t);
        }

        out.add("BEGIN:VTIMEZONE");
        out.add("TZID:" + zone.getId());
        if (transitions.isEmpty()) {
            ZoneOffset offset = rules.getOffset(first);
            out.add("BEGIN:STANDARD");
            out.add("DTSTART:19700101T000000");
            out.add("TZOFFSETFROM:" + offset(offset));
            out.add("TZOFFSETTO:" + offset(offset));
            out.add("END:STANDARD");
        }
        for (ZoneOffsetTransition t : transitions) {
            String kind = rules.isDaylightSavings(t.getInstant()) ? "DAYLIGHT" : "STANDARD";
            out.add("BEGIN:" + kind);
            out.add("DTSTART:" + ICalendar.local(t.getDateTimeBefore()));
            out.add("TZOFFSETFROM:" + offset(t.getOffsetBefore()));
            out.add("TZOFFSETTO:" + offset(t.getOffsetAfter()));
            out.add("END:" + kind);
        }
        out.add("END:VTIMEZONE");
    }

    /** UTC-OFFSET value (RFC 5545 §3.3.14): {@code +HHMM}, or {@code +HHMMSS} when seconds are set. */
    static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        char sign = total < 0 ? '-' : '+';
        int abs = Math.abs(total);
        String hhmm = String.format("%c%02d%02d", sign, abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? hhmm : hhmm + String.format("%02d", abs % 60);
    }
}
