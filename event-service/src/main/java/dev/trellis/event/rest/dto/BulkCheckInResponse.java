package dev.trellis.event.rest.dto;

import dev.trellis.event.service.CheckInService.LineResult;
import dev.trellis.event.service.CheckInService.Outcome;
import java.util.List;

/** The report of a bulk check-in: counts, and one entry per email line in the order sent. */
public record BulkCheckInResponse(long checkedIn, long already, long unknown, long waitlisted, long invalid,
        List<LineResult> lines) {

    public static BulkCheckInResponse of(List<LineResult> lines) {
        return new BulkCheckInResponse(count(lines, Outcome.CHECKED_IN), count(lines, Outcome.ALREADY),
                count(lines, Outcome.UNKNOWN), count(lines, Outcome.WAITLISTED), count(lines, Outcome.INVALID), lines);
    }

    private static long count(List<LineResult> lines, Outcome outcome) {
        return lines.stream().filter(l -> l.outcome() == outcome).count();
    }
}
