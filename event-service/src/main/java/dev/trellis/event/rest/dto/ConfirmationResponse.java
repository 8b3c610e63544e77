package dev.trellis.event.rest.dto;

import dev.trellis.event.service.SignUpService;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What confirming did. The registration's id and cancel token are in the mail that follows (registration confirmed
 * or waitlisted), not here.
 */
public record ConfirmationResponse(UUID eventId,
        @Schema(description = "REGISTERED (a seat), WAITLISTED, or ALREADY_REGISTERED (the address was registered "
                + "already; nothing changed)") SignUpService.Outcome outcome) {

    public static ConfirmationResponse of(SignUpService.Confirmation c) {
        return new ConfirmationResponse(c.event().id, c.outcome());
    }
}
