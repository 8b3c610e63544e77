package dev.trellis.contracts.partner;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The facts of one membership that its tier and status on any day follow from, and the one rule that reads
 * them: partner-service keeps a membership as these terms, publishes them in every
 * {@link MembershipChanged}, and every service that counts members reads them with the methods below, so
 * all of them agree on who is a member of which tier on any day.
 *
 * <ul>
 * <li>Status (CiviMember's model): PENDING before {@code termStart}; NEW from {@code termStart} for the
 * foundation's new-member months; CURRENT up to and including {@code termEnd}; GRACE for {@code graceDays}
 * days after it; EXPIRED after that. An auto-renewing membership rolls into its next term at its end, so it
 * is never in grace nor expired, whether or not partner-service has recorded the renewal yet.</li>
 * <li>Tier: {@code tier} until a scheduled change's effective date, {@code pendingTier} from that day on.</li>
 * </ul>
 *
 * @param tier                 the tier that applies until a pending tier change takes effect
 * @param pendingTier          a scheduled tier change not yet in effect when the terms were recorded, or null
 * @param pendingTierEffective first day of {@code pendingTier}, or null
 * @param termStart            first day of the term (of the continuous membership: renewals extend the end)
 * @param termEnd              last day of the term, inclusive
 * @param autoRenew            whether the term is extended automatically once it ends
 * @param graceDays            days after {@code termEnd} in GRACE before the membership is EXPIRED
 */
public record MembershipTerms(String tier, String pendingTier, LocalDate pendingTierEffective, LocalDate termStart,
        LocalDate termEnd, boolean autoRenew, int graceDays) {

    /** The new-member months of a foundation that does not configure its own. */
    public static final int DEFAULT_NEW_MEMBER_MONTHS = 3;

    public MembershipTerms {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(termStart, "termStart");
        Objects.requireNonNull(termEnd, "termEnd");
        if ((pendingTier == null) != (pendingTierEffective == null)) {
            throw new IllegalArgumentException("a pending tier needs its effective date, and only then");
        }
        graceDays = Math.max(0, graceDays);
    }

    /** The status on {@code on}, with the first {@code newMemberMonths} months of a term NEW. */
    public MembershipStatus statusOn(LocalDate on, int newMemberMonths) {
        if (on.isBefore(termStart)) {
            return MembershipStatus.PENDING;
        }
        if (!on.isAfter(termEnd) || autoRenew) {
            return on.isBefore(termStart.plusMonths(newMemberMonths)) ? MembershipStatus.NEW : MembershipStatus.CURRENT;
        }
        return on.isAfter(lastGraceDay()) ? MembershipStatus.EXPIRED : MembershipStatus.GRACE;
    }

    /** The tier on {@code on}: the pending one from its effective date, the other before. */
    public String tierOn(LocalDate on) {
        return pendingTakenEffectBy(on) ? pendingTier : tier;
    }

    /** Whether the partner is a member on {@code on}: new, current or in grace. */
    public boolean memberOn(LocalDate on) {
        return statusOn(on, DEFAULT_NEW_MEMBER_MONTHS).member();
    }

    public LocalDate lastGraceDay() {
        return termEnd.plusDays(graceDays);
    }

    /** Whether a pending tier change has taken effect by {@code on}. */
    public boolean pendingTakenEffectBy(LocalDate on) {
        return pendingTier != null && !on.isBefore(pendingTierEffective);
    }

    /** These terms with a pending change that has taken effect by {@code on} folded into the tier. */
    public MembershipTerms settledOn(LocalDate on) {
        return pendingTakenEffectBy(on) ? new MembershipTerms(pendingTier, null, null, termStart, termEnd, autoRenew, graceDays)
                : this;
    }

    /** These terms with another term; the tier and any pending change are kept. */
    public MembershipTerms withTerm(LocalDate start, LocalDate end) {
        return new MembershipTerms(tier, pendingTier, pendingTierEffective, start, end, autoRenew, graceDays);
    }
}
