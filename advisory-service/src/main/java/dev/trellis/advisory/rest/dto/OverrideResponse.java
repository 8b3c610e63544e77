package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.domain.PolicyOverride;
import java.time.Instant;
import java.util.UUID;

/** One audited policy override. */
public record OverrideResponse(UUID id, UUID seatId, String rule, String detail, String reason, String overriddenBy,
        Instant overriddenAt) {
    public static OverrideResponse of(PolicyOverride o) {
        return new OverrideResponse(o.id, o.seatId, o.rule, o.detail, o.reason, o.overriddenBy, o.overriddenAt);
    }
}
