package dev.trellis.contracts.partner;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A contact became affiliated with a partner in a role. Key: {@code partnerId}.
 *
 * @param affiliationId the affiliation
 * @param contactId     the contact (person)
 * @param partnerId     the partner (organisation)
 * @param role          the contact's role at the partner
 * @param startDate     first day of the affiliation
 */
public record AffiliationStarted(
        UUID affiliationId,
        UUID contactId,
        UUID partnerId,
        AffiliationRole role,
        LocalDate startDate) {

    public static final String TYPE = "dev.trellis.partner.affiliation-started.v1";
}
