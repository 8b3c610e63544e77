package dev.trellis.partner.rest.dto;

import dev.trellis.partner.service.command.TouchpointChanges;
import dev.trellis.partner.domain.TouchpointType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Changes a touchpoint: a field left out (or null) stays as it is; an empty list removes all attendees of
 * that kind; an empty {@code notes} clears the notes.
 */
@Schema(example = """
        {"summary": "Quarterly review: renewal on track", "attendeeContactIds": ["025f5782-8e90-44fd-8d58-9f90063a1998", "7b0e4c2a-1f3d-4a6e-8b5c-2d9f0e1a3c47"]}""")
public record UpdateTouchpointRequest(
        LocalDate occurredOn,
        TouchpointType type,
        @Size(min = 1, max = 2000) @Pattern(regexp = "\\s*\\S[\\s\\S]*", message = "must not be blank") String summary,
        @Size(max = 10000) String notes,
        @Size(max = 50) List<@NotNull UUID> attendeeContactIds,
        @Size(max = 50) List<@NotNull @Size(max = 100) @Pattern(regexp = NextStepRequest.USERNAME, message = NextStepRequest.USERNAME_MESSAGE) String> attendeeStaff,
        @Schema(description = "Whether the notes go to an attendee who asks what Trellis holds about them "
                + "(subject-access export); null is refused") Boolean notesDisclosable) {
    public UpdateTouchpointRequest(LocalDate occurredOn, TouchpointType type, String summary, String notes,
            List<UUID> attendeeContactIds, List<String> attendeeStaff) {
        this(occurredOn, type, summary, notes, attendeeContactIds, attendeeStaff, null);
    }

    public TouchpointChanges toChanges() {
        return new TouchpointChanges(occurredOn, type, summary, notes, attendeeContactIds, attendeeStaff, notesDisclosable);
    }
}
