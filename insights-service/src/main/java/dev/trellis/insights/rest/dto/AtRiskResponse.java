package dev.trellis.insights.rest.dto;

import dev.trellis.insights.domain.HealthRules;
import dev.trellis.insights.service.WorklistService;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One partner on the at-risk worklist: who, its score, when it renews, why it is at risk and what to do first. */
public record AtRiskResponse(UUID partnerId, @Schema(maxLength = 300) String partnerName,
        @Schema(maxLength = 100) String tier, @Schema(minimum = "0", maximum = "100") int score, LocalDate renewalOn,
        @Schema(description = "At most one per health rule, of which there are six", maxItems = 6)
        List<ReasonResponse> reasons, @Schema(maxLength = 1000) String nextAction) {

    public static AtRiskResponse of(WorklistService.Row row, List<HealthRules.Reason> reasons, LocalDate today) {
        return new AtRiskResponse(row.health().partnerId, row.partner() == null ? null : row.partner().name,
                row.partner() == null ? null : row.partner().terms().map(t -> t.tierOn(today)).orElse(null), row.health().score,
                row.health().renewalOn, ReasonResponse.of(reasons), reasons.isEmpty() ? null : reasons.get(0).action());
    }
}
