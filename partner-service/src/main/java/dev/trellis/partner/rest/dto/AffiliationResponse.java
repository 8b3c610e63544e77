package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.Affiliation;
import dev.trellis.partner.domain.AffiliationRole;
import dev.trellis.partner.domain.AffiliationSource;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An affiliation as staff see it, naming the partner too. */
public record AffiliationResponse(UUID id, UUID contactId, UUID partnerId,
        @Schema(maxLength = 200) String partnerName, AffiliationRole role,
        LocalDate startDate, LocalDate endDate, AffiliationSource source) {

    /** @param partnerNames partner names by id ({@code PartnerService.names}) */
    public static AffiliationResponse of(Affiliation a, Map<UUID, String> partnerNames) {
        return new AffiliationResponse(a.id, a.contactId, a.partnerId, Names.of(partnerNames, a.partnerId), a.role,
                a.startDate, a.endDate, a.source);
    }
}
