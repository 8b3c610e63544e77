package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.domain.policy.SeatKind;
import dev.trellis.advisory.service.command.Appointment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Seat a contact on a board. */
@Schema(examples = "{\"holderContactId\":\"5f0c6b2e-3d5a-4a7e-9a61-0d3c1b2a4e10\",\"partnerId\":\"a1a1a1a1-0000-4000-8000-000000000001\","
        + "\"kind\":\"TIER_APPOINTED\",\"tierBasis\":\"PLATINUM\",\"termStart\":\"2026-04-01\",\"termEnd\":\"2028-03-31\"}")
public record AppointRequest(
        @Schema(description = "The contact who holds the seat", example = "5f0c6b2e-3d5a-4a7e-9a61-0d3c1b2a4e10")
        @NotNull UUID holderContactId,
        @Schema(description = "The partner the seat is held for; null for a personal seat", example = "a1a1a1a1-0000-4000-8000-000000000001")
        UUID partnerId,
        @NotNull SeatKind kind,
        @Schema(description = "For a tier-appointed seat: the tier it is appointed under", example = "PLATINUM")
        @Size(max = 40) String tierBasis,
        @Schema(description = "First day of the term", example = "2026-04-01")
        @NotNull LocalDate termStart,
        @Schema(description = "Last day of the term; null for an open-ended seat", example = "2028-03-31")
        LocalDate termEnd,
        @Schema(description = "A contact who may stand in for the holder")
        UUID alternateContactId,
        @Valid OverrideRequest override) {

    public Appointment toAppointment() {
        return new Appointment(holderContactId, partnerId, kind, tierBasis == null || tierBasis.isBlank() ? null : tierBasis.strip(),
                termStart, termEnd, alternateContactId, override == null ? null : override.rules(),
                override == null ? null : override.reason().strip());
    }
}
