package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.domain.Partner;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A partner's profile, as staff and the partner itself see it (it holds nothing internal). */
public record PartnerResponse(UUID id, String name, String legalName, String website, List<String> emailDomains,
        String description, String logoUrl, String country, UUID parentPartnerId, LifecycleStatus lifecycleStatus,
        Instant createdAt, Instant updatedAt) {

    public static PartnerResponse of(Partner p) {
        return new PartnerResponse(p.id, p.name, p.legalName, p.website, List.copyOf(p.emailDomains), p.description,
                p.logoUrl, p.country, p.parentPartnerId, p.lifecycleStatus, p.createdAt, p.updatedAt);
    }
}
