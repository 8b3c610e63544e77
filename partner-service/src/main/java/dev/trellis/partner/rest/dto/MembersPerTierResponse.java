package dev.trellis.partner.rest.dto;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many members each tier has on a day: what advisory-service's seat entitlements are computed from. */
public record MembersPerTierResponse(LocalDate asOf,
        @Schema(description = "One per tier that has members that day, at most 1000", maxItems = 1000) List<TierCount> tiers) {

    public record TierCount(@Schema(maxLength = 40) String tier,
            @Schema(description = "Partners of that tier", minimum = "0", maximum = "2147483647") int members) {
    }

    public static MembersPerTierResponse of(LocalDate day, Map<String, Integer> counts) {
        return new MembersPerTierResponse(day, counts.entrySet().stream().limit(1000).map(e -> new TierCount(e.getKey(), e.getValue())).toList());
    }
}
