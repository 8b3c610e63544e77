package dev.trellis.insights.rest.dto;

import dev.trellis.insights.domain.HealthRules;
import dev.trellis.insights.service.HealthService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A partner's health: the score, every reason behind it (observation, cost, next action), and its daily trend. */
public record HealthResponse(UUID partnerId, int score, List<HealthRules.Reason> reasons, Instant computedAt, List<Day> trend) {

    public record Day(LocalDate day, int score) {
    }

    public static HealthResponse of(HealthService.View v) {
        return new HealthResponse(v.health().partnerId, v.health().score, v.reasons(), v.health().computedAt,
                v.trend().stream().map(d -> new Day(d.key.day(), d.score)).toList());
    }
}
