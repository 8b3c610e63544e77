package dev.trellis.partner.rest.dto;

import dev.trellis.partner.domain.PortalUser;
import java.time.Instant;

/** A partner portal user as staff see it. */
public record PortalUserResponse(String id, String username, String firstName, String lastName, boolean enabled,
        Instant createdAt) {

    public static PortalUserResponse of(PortalUser user) {
        return new PortalUserResponse(user.id(), user.username(), user.firstName(), user.lastName(), user.enabled(),
                user.createdAt());
    }
}
