package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.PortalInvitation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The invited user and its one-time password, shown only in this response: staff pass it on. */
public record PortalInvitationResponse(
        String id,
        String username,
        String firstName,
        String lastName,
        @Schema(description = "One-time password; the user must set a new one at first login. Not stored, not shown again.")
        String temporaryPassword) {

    public static PortalInvitationResponse of(PortalInvitation invitation) {
        var user = invitation.user();
        return new PortalInvitationResponse(user.id(), user.username(), user.firstName(), user.lastName(),
                invitation.temporaryPassword());
    }
}
