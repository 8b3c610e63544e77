package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.Contact;
import dev.trellis.partner.service.ContactDetails;
import dev.trellis.platform.csv.CsvTable;
import java.util.List;
import java.util.UUID;

/** A contact in the staff list, with its current affiliations. */
public record ContactSummaryResponse(UUID id, String firstName, String lastName, String email, String phone,
        String jobTitle, List<AffiliationResponse> currentAffiliations) {

    /** The contacts list as CSV: current affiliations as {@code partner name: ROLE}, joined by {@code ;}. */
    public static final CsvTable<ContactSummaryResponse> CSV = CsvTable.<ContactSummaryResponse>named("contacts")
            .column("id", ContactSummaryResponse::id).column("firstName", ContactSummaryResponse::firstName)
            .column("lastName", ContactSummaryResponse::lastName).column("email", ContactSummaryResponse::email)
            .column("phone", ContactSummaryResponse::phone).column("jobTitle", ContactSummaryResponse::jobTitle)
            .column("currentAffiliations", c -> c.currentAffiliations().stream()
                    .map(a -> a.partnerName() + ": " + a.role()).toList());

    public static ContactSummaryResponse of(ContactDetails details, java.util.Map<UUID, String> partnerNames) {
        Contact c = details.contact();
        return new ContactSummaryResponse(c.id, c.firstName, c.lastName, c.email, c.phone, c.jobTitle,
                details.affiliations().stream().map(a -> AffiliationResponse.of(a, partnerNames)).toList());
    }
}
