package dev.trellis.partner.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The facts of one membership that its status and tier are derived from. Immutable: every rule of
 * {@link MembershipRules} answers with a new value.
 *
 * @param tier                 the tier that applies until a pending tier change takes effect
 * @param pendingTier          a tier change not yet folded into {@code tier}, or null
 * @param pendingTierEffective first day of {@code pendingTier}, or null
 * @param termStart            first day of the term (of the continuous membership: renewals extend the end)
 * @param termEnd              last day of the term, inclusive
 * @param autoRenew            whether the term is extended automatically once it ends
 * @param graceDays            days after {@code termEnd} in GRACE before the membership is EXPIRED
 */
public record MembershipTerms(String tier, String pendingTier, LocalDate pendingTierEffective, LocalDate termStart,
        LocalDate termEnd, boolean autoRenew, int graceDays) {

    public MembershipTerms {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(termStart, "termStart");
        Objects.requireNonNull(termEnd, "termEnd");
        if ((pendingTier == null) != (pendingTierEffective == null)) {
            throw new IllegalArgumentException("a pending tier needs its effective date, and only then");
        }
    }

    MembershipTerms withTerm(LocalDate start, LocalDate end) {
        return new MembershipTerms(tier, pendingTier, pendingTierEffective, start, end, autoRenew, graceDays);
    }
}
