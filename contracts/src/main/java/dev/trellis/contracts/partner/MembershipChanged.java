package dev.trellis.contracts.partner;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A partner's membership started, was renewed, changed tier or status, or ended. Carries the
 * membership as it is after the change. Key: {@code partnerId}.
 *
 * @param partnerId     the member partner
 * @param membershipId  the membership
 * @param tier          tier code as configured by the foundation, e.g. {@code PLATINUM}, {@code GOLD},
 *                      {@code END_USER}; an open set, so a String
 * @param status        status derived from the dates
 * @param termStart     first day of the current term
 * @param termEnd       last day of the current term
 * @param graceDays     days after {@code termEnd} spent in {@link MembershipStatus#GRACE}
 * @param autoRenew     whether the membership renews automatically
 * @param effectiveDate date from which this change applies
 * @param change        what kind of change this is
 */
public record MembershipChanged(
        UUID partnerId,
        UUID membershipId,
        String tier,
        MembershipStatus status,
        LocalDate termStart,
        LocalDate termEnd,
        int graceDays,
        boolean autoRenew,
        LocalDate effectiveDate,
        MembershipChangeKind change) {

    public static final String TYPE = "dev.trellis.partner.membership-changed.v1";
}
