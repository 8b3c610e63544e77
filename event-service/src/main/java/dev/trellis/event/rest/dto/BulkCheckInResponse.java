package dev.trellis.event.rest.dto;

import dev.trellis.event.service.CheckInService;
import dev.trellis.event.service.CheckInService.Outcome;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The report of a bulk check-in: counts, and one entry per email line in the order sent. */
public record BulkCheckInResponse(
        @Schema(description = "Lines checked in now; no count exceeds the lines of the body, which holds at most "
                + "262144 bytes (256K, the services' body limit)", minimum = "0", maximum = "262144") long checkedIn,
        @Schema(minimum = "0", maximum = "262144") long already,
        @Schema(minimum = "0", maximum = "262144") long unknown,
        @Schema(minimum = "0", maximum = "262144") long waitlisted,
        @Schema(minimum = "0", maximum = "262144") long invalid,
        @Schema(description = "Lines holding a seat that were not checked in because check-in has not opened yet",
                minimum = "0", maximum = "262144")
        long notOpen,
        @Schema(description = "One per line of the body", maxItems = 262144) List<Line> lines) {

    /** One line of the body: its number (1 is the first), the email as written, and what happened. */
    public record Line(@Schema(minimum = "1", maximum = "262144") int line,
            @Schema(description = "As written on the line, cut at 254 characters (the longest email)", maxLength = 254) String email,
            Outcome outcome, UUID registrationId) {
    }

    public static BulkCheckInResponse of(List<CheckInService.LineResult> lines) {
        return new BulkCheckInResponse(count(lines, Outcome.CHECKED_IN), count(lines, Outcome.ALREADY),
                count(lines, Outcome.UNKNOWN), count(lines, Outcome.WAITLISTED), count(lines, Outcome.INVALID),
                count(lines, Outcome.NOT_OPEN), lines.stream().map(l -> new Line(l.line(), cut(l.email()), l.outcome(),
                l.registrationId())).toList());
    }

    private static String cut(String email) {
        return email == null || email.length() <= 254 ? email : email.substring(0, 254);
    }

    private static long count(List<CheckInService.LineResult> lines, Outcome outcome) {
        return lines.stream().filter(l -> l.outcome() == outcome).count();
    }
}
