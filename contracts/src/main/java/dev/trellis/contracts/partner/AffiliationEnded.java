package dev.trellis.contracts.partner;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A contact's affiliation with a partner ended, e.g. the person changed employer. Seats and
 * key-contact roles held through this partner must be re-checked. Key: {@code partnerId}.
 *
 * @param affiliationId the affiliation
 * @param contactId     the contact (person)
 * @param partnerId     the partner (organisation)
 * @param role          the contact's role at the partner
 * @param startDate     first day of the affiliation
 * @param endDate       last day of the affiliation
 */
public record AffiliationEnded(
        UUID affiliationId,
        UUID contactId,
        UUID partnerId,
        AffiliationRole role,
        LocalDate startDate,
        LocalDate endDate) {

    public static final String TYPE = "dev.trellis.partner.affiliation-ended.v1";
}
