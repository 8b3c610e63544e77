package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.domain.Seat;
import dev.trellis.advisory.domain.SeatFlag;
import dev.trellis.advisory.domain.VotingStatus;
import dev.trellis.advisory.domain.policy.SeatKind;
import dev.trellis.advisory.service.SeatView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A seat with the policy's open flags on it. */
public record SeatResponse(UUID id, UUID boardId, SeatKind kind, UUID holderContactId, UUID partnerId, String tierBasis,
        LocalDate termStart, LocalDate termEnd, UUID alternateContactId, VotingStatus votingStatus, LocalDate vacatedOn,
        String vacateReason, List<Flag> flags) {

    public record Flag(String rule, String reasonCode, String detail, Instant flaggedAt) {
    }

    public static SeatResponse of(SeatView view) {
        return of(view.seat(), view.flags());
    }

    static SeatResponse of(Seat s, List<SeatFlag> flags) {
        return new SeatResponse(s.id, s.boardId, s.kind, s.holderContactId, s.partnerId, s.tierBasis, s.termStart, s.termEnd,
                s.alternateContactId, s.votingStatus, s.vacatedOn, s.vacateReason,
                flags.stream().map(f -> new Flag(f.rule, f.reasonCode, f.detail, f.flaggedAt)).toList());
    }
}
