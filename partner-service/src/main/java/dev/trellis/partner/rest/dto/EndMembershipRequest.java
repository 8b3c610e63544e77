package dev.trellis.partner.rest.dto;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Ends a membership: the end date becomes the last day, with no grace and no automatic renewal. */
public record EndMembershipRequest(
        @Schema(description = "Last day of membership, within the current term", example = "2026-06-30")
        @NotNull LocalDate endDate) {
}
