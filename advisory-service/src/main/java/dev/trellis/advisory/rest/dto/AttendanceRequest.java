package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.domain.policy.Presence;
import dev.trellis.advisory.service.command.AttendanceSheet;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The attendance of a meeting; expected seats left out were absent. */
@Schema(examples = "{\"attendance\":[{\"seatId\":\"0b8c7a0e-1f5e-4c1a-9d3e-2a6b8c9d0e1f\",\"presence\":\"PRESENT\"}]}")
public record AttendanceRequest(@NotNull @Size(max = 500) List<@Valid @NotNull Line> attendance) {
    public record Line(@NotNull UUID seatId, @NotNull Presence presence) {
    }

    public AttendanceSheet toCommand() {
        return new AttendanceSheet(attendance.stream().map(l -> new AttendanceSheet.Line(l.seatId(), l.presence())).toList());
    }
}
