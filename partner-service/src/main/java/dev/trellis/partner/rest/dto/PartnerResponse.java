package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.domain.Partner;
import java.time.Instant;
import java.util.UUID;

/** A partner as staff and the partner itself see it. */
public record PartnerResponse(UUID id, String name, String website, String country, LifecycleStatus lifecycleStatus,
        Instant createdAt, Instant updatedAt) {

    public static PartnerResponse of(Partner partner) {
        return new PartnerResponse(partner.id, partner.name, partner.website, partner.country, partner.lifecycleStatus,
                partner.createdAt, partner.updatedAt);
    }
}
