package dev.trellis.partner.rest.dto;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Ends an open affiliation: {@code endDate} is its last day. */
public record AffiliationEndRequest(@Schema(example = "2025-06-30") @NotNull LocalDate endDate) {
}
