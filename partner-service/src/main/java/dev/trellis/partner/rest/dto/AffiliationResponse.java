package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.Affiliation;
import dev.trellis.partner.domain.AffiliationRole;
import dev.trellis.partner.domain.AffiliationSource;
import java.time.LocalDate;
import java.util.UUID;

/** An affiliation as staff see it. */
public record AffiliationResponse(UUID id, UUID contactId, UUID partnerId, AffiliationRole role, LocalDate startDate,
        LocalDate endDate, AffiliationSource source) {

    public static AffiliationResponse of(Affiliation a) {
        return new AffiliationResponse(a.id, a.contactId, a.partnerId, a.role, a.startDate, a.endDate, a.source);
    }
}
