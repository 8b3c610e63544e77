package dev.trellis.insights.rest.dto;

import dev.trellis.insights.domain.HealthRules;
import dev.trellis.insights.service.WorklistService;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One partner on the at-risk worklist: who, its score, when it renews, why it is at risk and what to do first. */
public record AtRiskResponse(UUID partnerId, String partnerName, String tier, int score, LocalDate renewalOn,
        List<HealthRules.Reason> reasons, String nextAction) {

    public static AtRiskResponse of(WorklistService.Row row, List<HealthRules.Reason> reasons, LocalDate today) {
        return new AtRiskResponse(row.health().partnerId, row.partner() == null ? null : row.partner().name,
                row.partner() == null ? null : row.partner().terms().map(t -> t.tierOn(today)).orElse(null), row.health().score,
                row.health().renewalOn, reasons, reasons.isEmpty() ? null : reasons.get(0).action());
    }
}
