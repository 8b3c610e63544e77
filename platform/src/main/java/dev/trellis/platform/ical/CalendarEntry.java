package dev.trellis.platform.ical;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One VEVENT of a feed. {@code uid} must be stable for the life of the thing it describes (calendar
 * apps use it to update rather than duplicate an entry); {@code sequence} grows with each change that
 * attendees should notice, and {@code stamp} is when this version was last modified.
 */
public record CalendarEntry(
        String uid,
        ZonedDateTime start,
        ZonedDateTime end,
        String summary,
        String description,
        String location,
        URI url,
        boolean cancelled,
        int sequence,
        Instant stamp) {

    public CalendarEntry {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(stamp, "stamp");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end before start: " + uid);
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("negative sequence: " + uid);
        }
    }

    ZoneId zone() {
        return start.getZone();
    }
}
