package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.AffiliationRole;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Starts an affiliation of the contact with a partner, open-ended. */
public record AffiliationRequest(
        @Schema(example = "a1a1a1a1-0000-4000-8000-000000000001") @NotNull UUID partnerId,
        @Schema(example = "TECHNICAL_LEAD") @NotNull AffiliationRole role,
        @Schema(example = "2025-04-01") @NotNull LocalDate startDate) {
}
