package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.AffiliationRole;
import dev.trellis.partner.domain.AffiliationSource;
import dev.trellis.partner.service.AffiliationService;
import dev.trellis.platform.csv.CsvTable;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One affiliation in a partner's list, with the person's name and the partner's. */
public record PartnerAffiliationResponse(UUID id, UUID contactId,
        @Schema(description = "First and last name", maxLength = 201) String contactName,
        @Schema(maxLength = 100) String firstName, @Schema(maxLength = 100) String lastName, UUID partnerId,
        @Schema(maxLength = 200) String partnerName, AffiliationRole role, LocalDate startDate,
        LocalDate endDate, AffiliationSource source) {

    /** A partner's affiliations as CSV. */
    public static final CsvTable<PartnerAffiliationResponse> CSV = CsvTable.<PartnerAffiliationResponse>named("affiliations")
            .column("id", PartnerAffiliationResponse::id).column("contactId", PartnerAffiliationResponse::contactId)
            .column("firstName", PartnerAffiliationResponse::firstName)
            .column("lastName", PartnerAffiliationResponse::lastName)
            .column("partnerId", PartnerAffiliationResponse::partnerId)
            .column("partnerName", PartnerAffiliationResponse::partnerName).column("role", PartnerAffiliationResponse::role)
            .column("startDate", PartnerAffiliationResponse::startDate).column("endDate", PartnerAffiliationResponse::endDate)
            .column("source", PartnerAffiliationResponse::source);

    public static PartnerAffiliationResponse of(AffiliationService.PartnerAffiliation row, String partnerName) {
        var a = row.affiliation();
        var c = row.contact();
        return new PartnerAffiliationResponse(a.id, a.contactId, Names.displayName(c.firstName, c.lastName),
                c.firstName, c.lastName, a.partnerId, partnerName, a.role, a.startDate, a.endDate, a.source);
    }
}
