package dev.trellis.event.rest.dto;

import dev.trellis.event.service.CheckInService.LineResult;
import dev.trellis.event.service.CheckInService.Outcome;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The report of a bulk check-in: counts, and one entry per email line in the order sent. */
public record BulkCheckInResponse(long checkedIn, long already, long unknown, long waitlisted, long invalid,
        @Schema(description = "Lines holding a seat that were not checked in because check-in has not opened yet")
        long notOpen,
        List<LineResult> lines) {

    public static BulkCheckInResponse of(List<LineResult> lines) {
        return new BulkCheckInResponse(count(lines, Outcome.CHECKED_IN), count(lines, Outcome.ALREADY),
                count(lines, Outcome.UNKNOWN), count(lines, Outcome.WAITLISTED), count(lines, Outcome.INVALID),
                count(lines, Outcome.NOT_OPEN), lines);
    }

    private static long count(List<LineResult> lines, Outcome outcome) {
        return lines.stream().filter(l -> l.outcome() == outcome).count();
    }
}
