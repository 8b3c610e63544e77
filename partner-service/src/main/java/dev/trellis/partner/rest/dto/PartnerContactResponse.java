package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.AffiliationRole;
import dev.trellis.partner.domain.Contact;
import dev.trellis.partner.service.ContactDetails;
import dev.trellis.platform.csv.CsvTable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A contact as its own organisation sees it: the person's details and roles there. No consent, no
 * affiliations with other organisations, nothing the foundation keeps internally.
 */
public record PartnerContactResponse(UUID id, String firstName, String lastName, String email, String phone,
        String jobTitle, List<Role> roles) {

    /** My organisation's contacts as CSV: roles there joined by {@code ;}. */
    public static final CsvTable<PartnerContactResponse> CSV = CsvTable.<PartnerContactResponse>named("contacts")
            .column("id", PartnerContactResponse::id).column("firstName", PartnerContactResponse::firstName)
            .column("lastName", PartnerContactResponse::lastName).column("email", PartnerContactResponse::email)
            .column("phone", PartnerContactResponse::phone).column("jobTitle", PartnerContactResponse::jobTitle)
            .column("roles", c -> c.roles().stream().map(Role::role).toList());

    public record Role(AffiliationRole role, LocalDate startDate) {
    }

    public static PartnerContactResponse of(ContactDetails details) {
        Contact c = details.contact();
        return new PartnerContactResponse(c.id, c.firstName, c.lastName, c.email, c.phone, c.jobTitle,
                details.affiliations().stream().map(a -> new Role(a.role, a.startDate)).toList());
    }
}
