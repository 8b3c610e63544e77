package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.AffiliationRole;
import dev.trellis.partner.domain.AffiliationSource;
import dev.trellis.partner.service.AffiliationService;
import java.time.LocalDate;
import java.util.UUID;

/** One affiliation in a partner's list, with the person's name. */
public record PartnerAffiliationResponse(UUID id, UUID contactId, String firstName, String lastName,
        AffiliationRole role, LocalDate startDate, LocalDate endDate, AffiliationSource source) {

    public static PartnerAffiliationResponse of(AffiliationService.PartnerAffiliation row) {
        var a = row.affiliation();
        return new PartnerAffiliationResponse(a.id, a.contactId, row.contact().firstName, row.contact().lastName,
                a.role, a.startDate, a.endDate, a.source);
    }
}
