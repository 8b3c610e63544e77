package dev.trellis.contracts.partner;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A lapsed or former partner became active again. Key: {@code partnerId}.
 *
 * @param partnerId      the partner
 * @param previousStatus the lifecycle status before this change
 * @param effectiveDate  the day the change takes effect
 * @param reason         why, in the words of the staff member who recorded it; null if none given
 */
public record PartnerReactivated(
        UUID partnerId,
        PartnerLifecycleStatus previousStatus,
        LocalDate effectiveDate,
        String reason) {

    public static final String TYPE = "dev.trellis.partner.partner-reactivated.v1";
}
