package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.AffiliationRole;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contact joined another employer on {@code date}: open affiliations end the day before. */
public record MoveRequest(
        @Schema(example = "b2b2b2b2-0000-4000-8000-000000000002") @NotNull UUID partnerId,
        @Schema(example = "EXECUTIVE_SPONSOR") @NotNull AffiliationRole role,
        @Schema(example = "2025-07-01") @NotNull LocalDate date) {
}
