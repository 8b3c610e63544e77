package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.service.command.Vacancy;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record VacateRequest(
        @Schema(description = "First day the seat is vacant; default today (in the foundation's time zone)", example = "2026-06-01")
        LocalDate effectiveDate,
        @Schema(description = "Why the seat is vacated", example = "Resigned")
        @Size(max = 500) String reason) {

    public Vacancy toCommand() {
        return new Vacancy(effectiveDate, reason);
    }
}
