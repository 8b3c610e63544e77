package dev.trellis.partner.service.command;

import dev.trellis.partner.domain.AffiliationRole;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a contact import: the contact (keyed by its email) and, when {@code role} is set, one affiliation.
 * Values are well-formed (the caller parsed them); blank details mean "not given". The partner of the affiliation
 * is {@code partnerId}, else the partner owning {@code partnerDomain}, else the one owning the email's domain.
 */
public record ImportContact(String email, String firstName, String lastName, String phone, String jobTitle,
        UUID partnerId, String partnerDomain, AffiliationRole role, LocalDate startDate) {

    public NewContact details() {
        return new NewContact(firstName, lastName, email, phone, jobTitle);
    }
}
