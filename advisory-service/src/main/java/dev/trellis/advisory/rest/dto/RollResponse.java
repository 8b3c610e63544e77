package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.domain.VotingStatus;
import dev.trellis.advisory.domain.policy.Presence;
import dev.trellis.advisory.service.MeetingService;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A meeting's attendance per expected seat, and its quorum among the voting seats. */
public record RollResponse(UUID meetingId, Boolean quorumMet, @Schema(minimum = "0", maximum = "2147483647") int votingSeats,
        @Schema(minimum = "0", maximum = "2147483647") int votingPresent,
        @Schema(description = "One line per expected seat, at most 1000", maxItems = 1000) List<Line> attendance) {
    public record Line(UUID seatId, UUID holderContactId, UUID partnerId, VotingStatus votingStatus, Presence presence) {
    }

    public static RollResponse of(MeetingService.Roll roll) {
        return new RollResponse(roll.meeting().id, roll.meeting().quorumMet, roll.votingSeats(), roll.votingPresent(),
                roll.attendance().entrySet().stream().limit(1000).map(e -> new Line(e.getKey().id, e.getKey().holderContactId,
                        e.getKey().partnerId, e.getKey().votingStatus, e.getValue())).toList());
    }
}
