package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.domain.Seat;
import dev.trellis.advisory.domain.SeatFlag;
import dev.trellis.advisory.domain.SeatStatus;
import dev.trellis.advisory.domain.VotingStatus;
import dev.trellis.advisory.domain.policy.SeatKind;
import dev.trellis.advisory.service.SeatView;
import dev.trellis.platform.csv.CsvTable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A seat with the policy's open flags on it, the name of its partner (null for a personal seat) and its status today. */
public record SeatResponse(UUID id, UUID boardId, SeatKind kind, UUID holderContactId, UUID partnerId, String partnerName,
        String tierBasis, LocalDate termStart, LocalDate termEnd, UUID alternateContactId, SeatStatus status,
        VotingStatus votingStatus, LocalDate vacatedOn, String vacateReason, List<Flag> flags) {

    /** A board's seats as CSV: open flags by reason code, joined by {@code ;}. */
    public static final CsvTable<SeatResponse> CSV = CsvTable.<SeatResponse>named("seats")
            .column("id", SeatResponse::id).column("boardId", SeatResponse::boardId).column("kind", SeatResponse::kind)
            .column("holderContactId", SeatResponse::holderContactId).column("partnerId", SeatResponse::partnerId)
            .column("partnerName", SeatResponse::partnerName).column("tierBasis", SeatResponse::tierBasis)
            .column("termStart", SeatResponse::termStart).column("termEnd", SeatResponse::termEnd)
            .column("alternateContactId", SeatResponse::alternateContactId).column("status", SeatResponse::status)
            .column("votingStatus", SeatResponse::votingStatus).column("vacatedOn", SeatResponse::vacatedOn)
            .column("vacateReason", SeatResponse::vacateReason)
            .column("flags", s -> s.flags().stream().map(Flag::reasonCode).toList());

    public record Flag(String rule, String reasonCode, String detail, Instant flaggedAt) {
    }

    public static SeatResponse of(SeatView view) {
        Seat s = view.seat();
        return new SeatResponse(s.id, s.boardId, s.kind, s.holderContactId, s.partnerId, view.partnerName(), s.tierBasis, s.termStart,
                s.termEnd, s.alternateContactId, view.status(), s.votingStatus, s.vacatedOn, s.vacateReason,
                view.flags().stream().map(SeatResponse::flag).toList());
    }

    private static Flag flag(SeatFlag f) {
        return new Flag(f.rule, f.reasonCode, f.detail, f.flaggedAt);
    }
}
