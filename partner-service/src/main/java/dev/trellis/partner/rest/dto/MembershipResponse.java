package dev.trellis.partner.rest.dto;

import dev.trellis.contracts.partner.MembershipTerms;
import dev.trellis.partner.domain.Membership;
import dev.trellis.partner.domain.MembershipRules;
import dev.trellis.partner.domain.MembershipStatus;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A membership as of one day: the tier in effect that day, a tier change still to come, the term that day
 * falls in (an auto-renewing membership has rolled over at its term end) and the status derived from the dates.
 */
public record MembershipResponse(UUID id, UUID partnerId, @Schema(maxLength = 40) String tier,
        PendingTierChange pendingTierChange, LocalDate termStart, LocalDate termEnd, boolean autoRenew,
        @Schema(minimum = "0", maximum = "365") int graceDays, MembershipStatus status,
        LocalDate asOf) {

    public record PendingTierChange(@Schema(maxLength = 40) String tier, LocalDate effectiveDate) {
    }

    /** @param terms the membership's terms as they stand on {@code on} ({@code MembershipService.termsOn}) */
    public static MembershipResponse of(Membership membership, MembershipTerms terms, MembershipRules rules,
            LocalDate on) {
        PendingTierChange pending = rules.pendingOn(terms, on)
                .map(t -> new PendingTierChange(t.pendingTier(), t.pendingTierEffective())).orElse(null);
        return new MembershipResponse(membership.id, membership.partnerId, rules.tierOn(terms, on), pending,
                terms.termStart(), terms.termEnd(), terms.autoRenew(), terms.graceDays(), rules.status(terms, on), on);
    }
}
