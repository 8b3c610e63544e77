package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.domain.policy.SeatKind;
import dev.trellis.advisory.service.SuccessionService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who could take each seat that opens within the window, and why each other candidate could not. */
public record SuccessionResponse(UUID boardId, @Schema(maxLength = 200) String boardName, LocalDate from, LocalDate to,
        @Schema(description = "The seats opening in the window, at most 1000", maxItems = 1000) List<OpeningLine> openings) {

    public record OpeningLine(UUID seatId, SeatKind kind, UUID partnerId, @Schema(maxLength = 200) String partnerName,
            UUID holderContactId, LocalDate opensOn,
            @Schema(description = "At most 200 candidates are checked per opening", maxItems = 200) List<UUID> eligible,
            @Schema(maxItems = 200) List<ExcludedLine> excluded) {
    }

    public record ExcludedLine(UUID contactId, @Schema(description = "One per rule the candidate breaks", maxItems = 50) List<RuleLine> rules) {
    }

    public record RuleLine(@Schema(maxLength = 60) String rule, @Schema(maxLength = 500) String detail) {
    }

    public static SuccessionResponse of(SuccessionService.Plan plan) {
        Map<UUID, String> partnerNames = plan.partnerNames();
        return new SuccessionResponse(plan.board().id, plan.board().name, plan.from(), plan.to(), plan.openings().stream().limit(1000)
                .map(o -> new OpeningLine(o.seat().id, o.seat().kind, o.seat().partnerId, partnerNames.get(o.seat().partnerId),
                        o.seat().holderContactId, o.opensOn(), o.eligible(), o.excluded().stream()
                        .map(x -> new ExcludedLine(x.contactId(), x.rules().stream().map(v -> new RuleLine(v.rule(), v.detail())).toList()))
                        .toList()))
                .toList());
    }
}
