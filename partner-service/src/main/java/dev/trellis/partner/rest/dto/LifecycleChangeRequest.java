package dev.trellis.partner.rest.dto;

import dev.trellis.partner.service.command.ChangeLifecycle;
import dev.trellis.partner.domain.LifecycleStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Moves a partner to another lifecycle status: active, lapsed, former. */
public record LifecycleChangeRequest(
        @Schema(example = "LAPSED") @NotNull LifecycleStatus status,
        @Schema(example = "2026-12-01", description = "Defaults to today") LocalDate effectiveDate,
        @Schema(example = "Membership not renewed after the grace period") @Size(max = 500) String reason) {
    public ChangeLifecycle toCommand() {
        return new ChangeLifecycle(status, effectiveDate, reason);
    }
}
