package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.PortalUser;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner portal user as staff see it. */
public record PortalUserResponse(@Schema(description = "Keycloak's user id", maxLength = 36) String id,
        @Schema(maxLength = 255) String username, @Schema(maxLength = 255) String firstName,
        @Schema(maxLength = 255) String lastName, boolean enabled,
        Instant createdAt) {

    public static PortalUserResponse of(PortalUser user) {
        return new PortalUserResponse(user.id(), user.username(), user.firstName(), user.lastName(), user.enabled(),
                user.createdAt());
    }
}
