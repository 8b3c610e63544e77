package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.PortalInvitation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The invited user and its one-time password, shown only in this response: staff pass it on. */
public record PortalInvitationResponse(
        @Schema(description = "Keycloak's user id", maxLength = 36) String id,
        @Schema(maxLength = 254) String username,
        @Schema(maxLength = 100) String firstName,
        @Schema(maxLength = 100) String lastName,
        @Schema(description = "One-time password; the user must set a new one at first login. Not stored, not shown again.",
                maxLength = 20)
        String temporaryPassword) {

    public static PortalInvitationResponse of(PortalInvitation invitation) {
        var user = invitation.user();
        return new PortalInvitationResponse(user.id(), user.username(), user.firstName(), user.lastName(),
                invitation.temporaryPassword());
    }
}
