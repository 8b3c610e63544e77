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
 * @param terms         the membership's terms after the change, which its tier and status on any day follow
 *                      from ({@link MembershipTerms}); null only in events sent before they were carried
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
        MembershipChangeKind change,
        MembershipTerms terms) {

    public static final String TYPE = "dev.trellis.partner.membership-changed.v1";

    /**
     * The membership's terms after this change. An event sent before the terms were carried is read as the
     * terms it implies: a tier change due after the day it was recorded ({@code recordedOn}) is pending over
     * the tier before it, and a change still pending in {@code previous} stays pending unless a new
     * membership started. Null when the event carries no term dates.
     */
    public MembershipTerms termsAfter(MembershipTerms previous, LocalDate recordedOn) {
        if (terms != null) {
            return terms;
        }
        if (tier == null || termStart == null || termEnd == null || termEnd.isBefore(termStart)) {
            return previous;
        }
        MembershipTerms before = previous == null || change == MembershipChangeKind.STARTED ? null
                : previous.settledOn(recordedOn);
        if (change == MembershipChangeKind.TIER_CHANGED && effectiveDate != null && effectiveDate.isAfter(recordedOn)) {
            String base = before == null ? tier : before.tier();
            return new MembershipTerms(base, tier, effectiveDate, termStart, termEnd, autoRenew, graceDays);
        }
        if (before != null && before.pendingTier() != null) {
            String base = tier.equals(before.pendingTier()) ? before.tier() : tier;
            return new MembershipTerms(base, before.pendingTier(), before.pendingTierEffective(), termStart, termEnd, autoRenew,
                    graceDays);
        }
        return new MembershipTerms(tier, null, null, termStart, termEnd, autoRenew, graceDays);
    }
}
