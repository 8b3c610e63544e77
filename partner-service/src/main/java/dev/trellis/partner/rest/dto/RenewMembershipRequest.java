package dev.trellis.partner.rest.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A renewal by whole months: the new end date is the old one plus {@code months} (an end of month
 * stays an end of month). After expiry the renewal starts a new term today instead.
 */
public record RenewMembershipRequest(
        @Schema(description = "Months added to the term", example = "12", minimum = "1", maximum = "120")
        @NotNull @Min(1) @Max(120) Integer months) {
}
