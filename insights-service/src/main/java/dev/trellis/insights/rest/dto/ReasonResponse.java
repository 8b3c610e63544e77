package dev.trellis.insights.rest.dto;

import dev.trellis.insights.domain.HealthRules;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One deduction from a health score: a rule's code, what was observed, its cost in points and the next action. */
public record ReasonResponse(@Schema(maxLength = 40, example = "renewal-due") String code,
        @Schema(description = "What was observed; names a board or a tier at most", maxLength = 1000) String observation,
        @Schema(minimum = "0", maximum = "100") int cost,
        @Schema(maxLength = 1000) String action) {

    public static ReasonResponse of(HealthRules.Reason r) {
        return new ReasonResponse(r.code(), r.observation(), r.cost(), r.action());
    }

    public static List<ReasonResponse> of(List<HealthRules.Reason> reasons) {
        return reasons.stream().map(ReasonResponse::of).toList();
    }
}
