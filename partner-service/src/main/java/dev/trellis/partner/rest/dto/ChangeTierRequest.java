package dev.trellis.partner.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tier change from an effective date, today or later; the old tier applies until then. */
public record ChangeTierRequest(
        @Schema(description = "A tier code of trellis.partner.tiers", example = "PLATINUM")
        @NotBlank @Size(max = 40) String tier,
        @Schema(description = "First day of the new tier (UTC), today or later", example = "2026-07-01")
        @NotNull LocalDate effectiveDate) {
}
