package dev.trellis.contracts.partner;

import java.time.Instant;
import java.util.UUID;

/**
 * The community team removed a partner's portal user; the Keycloak user is deleted. Key: {@code partnerId}.
 *
 * @param partnerId the partner (organisation) the user belonged to
 * @param userId    the deleted user's id in Keycloak
 * @param removedBy the staff member who removed the user (username)
 * @param removedAt when the user was deleted
 */
public record PortalUserRemoved(UUID partnerId, UUID userId, String removedBy, Instant removedAt) {

    public static final String TYPE = "dev.trellis.partner.portal-user-removed.v1";
}
