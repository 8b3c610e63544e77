package dev.trellis.contracts.partner;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The partner lapsed: it is no longer an active member (its membership ended, or staff recorded the lapse). Seats and sponsorships held on its behalf need a look. Key: {@code partnerId}.
 *
 * @param partnerId      the partner
 * @param previousStatus the lifecycle status before this change
 * @param effectiveDate  the day the change takes effect
 * @param reason         why, in the words of the staff member who recorded it; null if none given
 */
public record PartnerLapsed(
        UUID partnerId,
        PartnerLifecycleStatus previousStatus,
        LocalDate effectiveDate,
        String reason) {

    public static final String TYPE = "dev.trellis.partner.partner-lapsed.v1";
}
