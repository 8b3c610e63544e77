package dev.trellis.partner.rest.dto;

import dev.trellis.partner.service.command.StartMembership;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Starts a partner's membership, or replaces one that has expired. */
public record StartMembershipRequest(
        @Schema(description = "A tier code of trellis.partner.tiers", example = "GOLD")
        @NotBlank @Size(max = 40) String tier,
        @Schema(description = "First day of the term", example = "2026-01-01")
        @NotNull LocalDate termStart,
        @Schema(description = "Last day of the term, inclusive", example = "2026-12-31")
        @NotNull LocalDate termEnd,
        @Schema(description = "Renew automatically by trellis.membership.auto-renew-months once the term ends",
                example = "true")
        @NotNull Boolean autoRenew,
        @Schema(description = "Days in GRACE after termEnd; the foundation default when left out", example = "30")
        @Min(0) @Max(365) Integer graceDays) {
    public StartMembership toCommand() {
        return new StartMembership(tier, termStart, termEnd, autoRenew, graceDays);
    }
}
