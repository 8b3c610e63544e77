package dev.trellis.partner.rest.dto;

import dev.trellis.partner.service.command.LogTouchpoint;
import dev.trellis.partner.domain.TouchpointType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Logs a touchpoint with a partner. {@code occurredOn} may be at most one day ahead (time zones), never later. */
@Schema(example = """
        {"occurredOn": "2025-03-12", "type": "BUSINESS_REVIEW", "summary": "Quarterly review: renewal on track, wants a TOC intro",
         "notes": "CFO is sceptical about the Gold price; keep internal", "attendeeContactIds": ["025f5782-8e90-44fd-8d58-9f90063a1998"],
         "attendeeStaff": ["cora"], "nextSteps": [{"description": "Send TOC intro", "owner": "cora", "dueOn": "2025-03-26"}]}""")
public record LogTouchpointRequest(
        @NotNull LocalDate occurredOn,
        @NotNull TouchpointType type,
        @NotBlank @Size(max = 2000) String summary,
        @Size(max = 10000) String notes,
        @Size(max = 50) List<@NotNull UUID> attendeeContactIds,
        @Size(max = 50) List<@NotNull @Size(max = 100) @Pattern(regexp = NextStepRequest.USERNAME, message = NextStepRequest.USERNAME_MESSAGE) String> attendeeStaff,
        @Size(max = 20) List<@NotNull @Valid NextStepRequest> nextSteps,
        @Schema(description = "Whether the notes go to an attendee who asks what Trellis holds about them "
                + "(subject-access export); default true") Boolean notesDisclosable) {
    public LogTouchpointRequest(LocalDate occurredOn, TouchpointType type, String summary, String notes,
            List<UUID> attendeeContactIds, List<String> attendeeStaff, List<NextStepRequest> nextSteps) {
        this(occurredOn, type, summary, notes, attendeeContactIds, attendeeStaff, nextSteps, null);
    }

    public LogTouchpoint toCommand() {
        return new LogTouchpoint(occurredOn, type, summary, notes, attendeeContactIds, attendeeStaff,
                nextSteps == null ? null : nextSteps.stream().map(NextStepRequest::toCommand).toList(), notesDisclosable);
    }
}
