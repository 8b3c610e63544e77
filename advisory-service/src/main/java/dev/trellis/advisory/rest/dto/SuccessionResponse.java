package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.domain.policy.SeatKind;
import dev.trellis.advisory.service.SuccessionService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Who could take each seat that opens within the window, and why each other candidate could not. */
public record SuccessionResponse(UUID boardId, String boardName, LocalDate from, LocalDate to, List<OpeningLine> openings) {

    public record OpeningLine(UUID seatId, SeatKind kind, UUID partnerId, String partnerName, UUID holderContactId, LocalDate opensOn,
            List<UUID> eligible, List<ExcludedLine> excluded) {
    }

    public record ExcludedLine(UUID contactId, List<RuleLine> rules) {
    }

    public record RuleLine(String rule, String detail) {
    }

    public static SuccessionResponse of(SuccessionService.Plan plan) {
        Map<UUID, String> partnerNames = plan.partnerNames();
        return new SuccessionResponse(plan.board().id, plan.board().name, plan.from(), plan.to(), plan.openings().stream()
                .map(o -> new OpeningLine(o.seat().id, o.seat().kind, o.seat().partnerId, partnerNames.get(o.seat().partnerId),
                        o.seat().holderContactId, o.opensOn(), o.eligible(), o.excluded().stream()
                        .map(x -> new ExcludedLine(x.contactId(), x.rules().stream().map(v -> new RuleLine(v.rule(), v.detail())).toList()))
                        .toList()))
                .toList());
    }
}
