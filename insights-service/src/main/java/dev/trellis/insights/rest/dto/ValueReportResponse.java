package dev.trellis.insights.rest.dto;

import dev.trellis.insights.service.ValueReportService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner's value report over [from, to]: seats, meetings, registrations and attendance, sponsorships, touchpoints. */
public record ValueReportResponse(UUID partnerId, @Schema(maxLength = 300) String partnerName, LocalDate from, LocalDate to,
        @Schema(description = "Seats held in the period, at most " + ValueReportResponse.MAX_ITEMS, maxItems = MAX_ITEMS)
        List<Seat> seats,
        @Schema(minimum = "0", maximum = COUNT_MAX) int meetingsRepresented,
        @Schema(minimum = "0", maximum = COUNT_MAX) int meetingsMissed,
        @Schema(minimum = "0", maximum = COUNT_MAX) int registrations,
        @Schema(minimum = "0", maximum = COUNT_MAX) int eventsAttended,
        @Schema(minimum = "0", maximum = COUNT_MAX) int noShows,
        @Schema(description = "In the order confirmed; the latest " + ValueReportResponse.MAX_ITEMS + " at most", maxItems = MAX_ITEMS)
        List<Sponsorship> sponsorships,
        @Schema(description = "Dates and types only (never notes), oldest first; the latest " + ValueReportResponse.MAX_ITEMS
                + " at most", maxItems = MAX_ITEMS)
        List<Touchpoint> touchpoints) {

    static final int MAX_ITEMS = 1000;
    static final String COUNT_MAX = "2147483647";

    public record Seat(UUID boardId, UUID seatId, @Schema(maxLength = 30) String kind, LocalDate termStart, LocalDate termEnd,
            LocalDate vacatedOn) {
    }

    public record Touchpoint(LocalDate on, @Schema(maxLength = 30) String type) {
    }

    public record Sponsorship(UUID eventId, @Schema(maxLength = 40) String level, Instant confirmedAt) {
    }

    public static ValueReportResponse of(ValueReportService.Report r) {
        return new ValueReportResponse(r.partnerId(), r.partnerName(), r.from(), r.to(),
                latest(r.seats()).stream().map(s -> new Seat(s.boardId(), s.seatId(), s.kind(), s.termStart(), s.termEnd(),
                        s.vacatedOn())).toList(),
                r.meetingsRepresented(), r.meetingsMissed(), r.registrations(), r.eventsAttended(), r.noShows(),
                latest(r.sponsorships()).stream().map(s -> new Sponsorship(s.eventId(), s.level(), s.confirmedAt())).toList(),
                latest(r.touchpoints()).stream().map(t -> new Touchpoint(t.on(), t.type())).toList());
    }

    private static <T> List<T> latest(List<T> oldestFirst) {
        return oldestFirst.size() <= MAX_ITEMS ? oldestFirst : oldestFirst.subList(oldestFirst.size() - MAX_ITEMS, oldestFirst.size());
    }
}
