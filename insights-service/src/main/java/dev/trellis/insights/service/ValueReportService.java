package dev.trellis.insights.service;

import dev.trellis.insights.domain.PartnerProfile;
import dev.trellis.insights.domain.SeatHolding;
import dev.trellis.insights.domain.TimelineEntry;
import dev.trellis.insights.domain.TimelineKind;
import dev.trellis.platform.domain.AccessDenied;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What its membership gave a partner over a period (its own value report): seats held and its representatives'
 * attendance, events attended and sponsored, registrations by its people, touchpoints with the foundation (dates and
 * types only). Never a score, a reason, a note or anything of another partner: a partner user reads only its own.
 */
@ApplicationScoped
public class ValueReportService {
    private final HealthService health;

    public ValueReportService(HealthService health) {
        this.health = health;
    }

    public record Seat(UUID boardId, UUID seatId, String kind, LocalDate termStart, LocalDate termEnd, LocalDate vacatedOn) {
    }

    public record Touchpoint(LocalDate on, String type) {
    }

    public record Sponsorship(UUID eventId, String level, Instant confirmedAt) {
    }

    public record Report(UUID partnerId, String partnerName, LocalDate from, LocalDate to, List<Seat> seats, int meetingsRepresented,
            int meetingsMissed, int registrations, int eventsAttended, int noShows, List<Sponsorship> sponsorships,
            List<Touchpoint> touchpoints) {
    }

    /** The report of {@code partnerId} over [from, to] (default: the last 12 months), for staff or the partner itself. */
    @Transactional
    public Report report(Caller caller, UUID partnerId, LocalDate from, LocalDate to) {
        if (!caller.isStaff() && !caller.actsFor(partnerId)) {
            throw new AccessDenied("not-your-partner", "Forbidden", "Partner users may only read their own organisation's report");
        }
        PartnerProfile partner = PartnerProfile.findById(partnerId);
        if (partner == null) {
            throw NotFound.of("Partner", partnerId);
        }
        LocalDate last = to == null ? health.today() : to;
        LocalDate first = from == null ? last.minusYears(1).plusDays(1) : from;
        if (last.isBefore(first)) {
            throw InvalidInput.field("to", "must not be before from");
        }
        Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<TimelineEntry> lines = TimelineEntry.list("partnerId = ?1 and occurredAt >= ?2 and occurredAt < ?3 order by occurredAt",
                partnerId, start, end);
        Map<TimelineKind, Integer> counts = new EnumMap<>(TimelineKind.class);
        lines.forEach(l -> counts.merge(l.kind, 1, Integer::sum));
        List<Seat> seats = SeatHolding.<SeatHolding>list("partnerId", partnerId).stream()
                .filter(s -> (s.termStart == null || !s.termStart.isAfter(last)) && (s.termEnd == null || !s.termEnd.isBefore(first))
                        && (s.vacatedOn == null || s.vacatedOn.isAfter(first)))
                .sorted(Comparator.comparing((SeatHolding s) -> s.termStart == null ? LocalDate.MIN : s.termStart))
                .map(s -> new Seat(s.boardId, s.seatId, s.seatKind, s.termStart, s.termEnd, s.vacatedOn)).toList();
        List<Sponsorship> sponsorships = lines.stream().filter(l -> l.kind == TimelineKind.SPONSORED)
                .map(l -> new Sponsorship(l.contextId, l.detail, l.occurredAt)).toList();
        List<Touchpoint> touchpoints = lines.stream().filter(l -> l.kind == TimelineKind.TOUCHPOINT)
                .map(l -> new Touchpoint(LocalDate.ofInstant(l.occurredAt, ZoneOffset.UTC), l.detail)).toList();
        return new Report(partnerId, partner.name, first, last, seats, counts.getOrDefault(TimelineKind.MEETING_ATTENDED, 0),
                counts.getOrDefault(TimelineKind.MEETING_MISSED, 0), counts.getOrDefault(TimelineKind.REGISTRATION, 0),
                counts.getOrDefault(TimelineKind.ATTENDED, 0), counts.getOrDefault(TimelineKind.NO_SHOW, 0), sponsorships, touchpoints);
    }
}
