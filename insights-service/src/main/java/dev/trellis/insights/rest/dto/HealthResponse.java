package dev.trellis.insights.rest.dto;

import dev.trellis.insights.service.HealthService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner's health: the score, every reason behind it (observation, cost, next action), and its daily trend. */
public record HealthResponse(UUID partnerId, @Schema(minimum = "0", maximum = "100") int score,
        @Schema(description = "At most one per health rule, of which there are six", maxItems = 6)
        List<ReasonResponse> reasons, Instant computedAt,
        @Schema(description = "One score a day, over at most 3660 days (the days parameter's bound)", maxItems = 3660)
        List<Day> trend) {

        public record Day(LocalDate day, @Schema(minimum = "0", maximum = "100") int score) {
    }

    public static HealthResponse of(HealthService.View v) {
        return new HealthResponse(v.health().partnerId, v.health().score, ReasonResponse.of(v.reasons()), v.health().computedAt,
                v.trend().stream().map(d -> new Day(d.key.day(), d.score)).toList());
    }
}
